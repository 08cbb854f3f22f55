import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/model";
import type { SearchQuery } from "@/lib/schemas";
import { CANDIDATES, type SearchPlan } from "@/db/search";
import {
  describeQuery,
  parseSearchQuery,
  type QueryTerm,
  type ResultType,
  type SearchPageDTO,
  type SearchResultDTO,
} from "@/lib/search-query";
import { type Cursor, decodeCursor, encodeCursor, RESULT_TYPES } from "./cursor";
import { claimHits, type Hit, sourceHits, speakerHits } from "./hits";
import { claimResults, sourceResults, speakerResults } from "./results";
import { correctTerms } from "./spelling";

export { searchFacets, type SearchFacets } from "./facets";
export { claimFilter } from "./hits";
export { CANDIDATES } from "@/db/search";

/**
 * Full-text search over claims, sources and speakers (each engine's index: db/search).
 *
 * Ranking: rows holding every word typed, in the order typed, as a phrase come first (tier 0);
 * then the rest (tier 1); within a tier by the engine's score (lower is better), then by type and id. When no
 * row holds every word, the first page is searched again for any of them (`mode: "any"`).
 *
 * Pagination is keyset on (tier, score, id) per type. With several types the page is a merge of
 * each type's next rows, and the cursor carries each type's position — no gaps, no repeats.
 *
 * The parts: hits.ts (the ranking per type), results.ts (snippets and the rows shown),
 * cursor.ts (the keyset cursor), facets.ts (the search page's filter options); this file merges
 * the types into one page; spelling.ts corrects misspelt words ("did you mean").
 */

const TYPE_ORDER: Record<ResultType, number> = { speaker: 0, claim: 1, source: 2 };

/** Which types a query searches: claim filters narrow to claims; a date range also keeps sources (by publication date). */
export function searchedTypes(q: Pick<SearchQuery, "type" | "speaker" | "story" | "verdict" | "status" | "from" | "to">): ResultType[] {
  const claimOnly = Boolean(q.speaker || q.story || q.verdict || q.status);
  const dated = Boolean(q.from || q.to);
  const allowed: ResultType[] = RESULT_TYPES.filter((t) => t === "claim" || (t === "source" && !claimOnly) || (t === "speaker" && !claimOnly && !dated));
  return q.type === "all" ? allowed : allowed.filter((t) => t === q.type);
}

function compareHits(a: Hit, b: Hit): number {
  return a.key[0] - b.key[0] || a.key[1] - b.key[1] || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.key[2] - b.key[2];
}

async function runPage(db: Db, viewer: Viewer, q: SearchQuery, terms: QueryTerm[], mode: "all" | "any", types: ResultType[], cursor: Cursor | null) {
  const fetch = q.limit + 1;
  const done = cursor?.x ?? [];
  const hits: Hit[] = [];
  let capped = false;
  for (const type of types) {
    if (done.includes(type)) continue;
    const plan: SearchPlan = { terms, mode, after: cursor?.k[type] ?? null, limit: fetch };
    const found = type === "claim" ? await claimHits(db, viewer, q, plan) : type === "source" ? await sourceHits(db, viewer, q, plan) : await speakerHits(db, viewer, plan);
    hits.push(...found.hits);
    if (found.pool >= CANDIDATES) capped = true;
  }
  hits.sort(compareHits);
  const taken = hits.slice(0, q.limit);
  const hasMore = hits.length > q.limit;
  const next: Cursor = { m: mode, k: { ...cursor?.k }, x: [...done] };
  for (const type of types) {
    const fetched = hits.filter((h) => h.type === type);
    const shown = taken.filter((h) => h.type === type);
    if (shown.length > 0) next.k[type] = shown[shown.length - 1]!.key;
    if (shown.length === fetched.length && !next.x.includes(type)) next.x.push(type);
  }

  const shown: SearchPlan = { terms, mode, after: null, limit: q.limit };
  const claims = await claimResults(db, viewer, shown, taken.filter((h) => h.type === "claim").map((h) => h.key[2]));
  const sources = await sourceResults(db, shown, taken.filter((h) => h.type === "source"));
  const speakers = await speakerResults(db, shown, taken.filter((h) => h.type === "speaker").map((h) => h.key[2]));
  const byType = { claim: claims, source: sources, speaker: speakers };
  const items = taken.map((h) => byType[h.type].get(h.key[2])).filter((r): r is SearchResultDTO => r !== undefined);
  return { items, hasMore, nextCursor: hasMore ? encodeCursor(next) : null, capped };
}

/**
 * Searches what the viewer may see. Nothing typed can make it fail: the words are quoted for
 * FTS5 by lib/search-query, and a query with nothing searchable in it finds nothing.
 */
export async function search(db: Db, viewer: Viewer, q: SearchQuery): Promise<SearchPageDTO> {
  const typed = parseSearchQuery(q.q);
  const cursor = decodeCursor(q.cursor);
  const types = searchedTypes(q);
  let mode = cursor?.m ?? "all";
  if (typed.length === 0 || types.length === 0) return { items: [], nextCursor: null, hasMore: false, mode, understood: describeQuery(typed), capped: false, correction: null };
  // Misspelt words are corrected on every page alike (the cursor's positions are the corrected query's).
  const corrected = q.spell === "off" ? null : await correctTerms(db, viewer, typed, q.q);
  const terms = corrected?.terms ?? typed;
  const understood = describeQuery(terms);
  let page = await runPage(db, viewer, q, terms, mode, types, cursor);
  if (!cursor && page.items.length === 0 && terms.length > 1) {
    mode = "any";
    page = await runPage(db, viewer, q, terms, mode, types, null);
  }
  return { ...page, mode, understood, correction: corrected?.correction ?? null };
}
