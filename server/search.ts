import "server-only";
import type { Db } from "@/db/client";
import { ValidationError } from "@/lib/errors";
import { type SpeakerKind, type Viewer, visibleStatuses } from "@/lib/model";
import type { SearchQuery } from "@/lib/schemas";
import {
  describeQuery,
  hasMatch,
  MARK_CLOSE,
  MARK_OPEN,
  matchExpression,
  parseSearchQuery,
  phraseExpression,
  type QueryTerm,
  type ResultType,
  type SearchPageDTO,
  type SearchResultDTO,
  toSegments,
} from "@/lib/search-query";
import { getClaimsByIds } from "./claim-query";

/**
 * Full-text search over claims, sources and speakers (the FTS5 tables of migration 0005).
 *
 * Ranking: rows holding every word typed, in the order typed, as a phrase come first (tier 0);
 * then the rest (tier 1); within a tier by bm25 (lower is better), then by type and id. When no
 * row holds every word, the first page is searched again for any of them (`mode: "any"`).
 *
 * Pagination is keyset on (tier, score, id) per type. With several types the page is a merge of
 * each type's next rows, and the cursor carries each type's position — no gaps, no repeats.
 */

type Key = [tier: number, score: number, id: number];
interface Hit {
  type: ResultType;
  key: Key;
  /** For sources: the best passage, whose snippet is shown. */
  passage?: number;
}
interface Cursor {
  m: "all" | "any";
  k: Partial<Record<ResultType, Key>>;
  /** Types with nothing left. */
  x: ResultType[];
}

const TYPE_ORDER: Record<ResultType, number> = { speaker: 0, claim: 1, source: 2 };
const RESULT_TYPES: ResultType[] = ["speaker", "claim", "source"];

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const isKey = (v: unknown): v is Key => Array.isArray(v) && v.length === 3 && (v[0] === 0 || v[0] === 1) && Number.isFinite(v[1]) && Number.isSafeInteger(v[2]);

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (
      c &&
      (c.m === "all" || c.m === "any") &&
      typeof c.k === "object" &&
      c.k !== null &&
      Object.entries(c.k).every(([t, k]) => RESULT_TYPES.includes(t as ResultType) && isKey(k)) &&
      Array.isArray(c.x) &&
      c.x.every((t) => RESULT_TYPES.includes(t))
    ) {
      return c;
    }
  } catch {
    // fall through
  }
  throw new ValidationError("The cursor is not one this API issued.", { cursor: "malformed cursor" });
}

export interface Plan {
  match: string;
  phrase: string | null;
  after: Key | null;
  limit: number;
}

/** `(tier, score, id) > (…)` over a subquery's columns, and the ORDER BY that goes with it. */
function pageClause(plan: Plan, args: Record<string, unknown>): string {
  args.limit = plan.limit;
  if (!plan.after) return "ORDER BY tier, score, id LIMIT @limit";
  [args.afterTier, args.afterScore, args.afterId] = plan.after;
  return "WHERE (tier, score, id) > (@afterTier, @afterScore, @afterId) ORDER BY tier, score, id LIMIT @limit";
}

/** Tier 0 when the row holds the whole phrase: one FTS lookup, materialised once per query. */
function tierExpr(table: string, plan: Plan, args: Record<string, unknown>): string {
  if (!plan.phrase) return "1";
  args.phrase = plan.phrase;
  return `CASE WHEN ${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @phrase) THEN 0 ELSE 1 END`;
}

/**
 * The claims query: FTS first (MATCH), then each hit's claim by primary key, filtered. CROSS
 * JOIN pins that order: left to choose, SQLite walks every published claim through the status
 * index and probes FTS for each — fine for 30 claims, ruinous for a million.
 */
export function claimHitsQuery(viewer: Viewer, q: SearchQuery, plan: Plan): { sql: string; args: Record<string, unknown> } | null {
  const statuses = visibleStatuses(viewer).filter((s) => !q.status || s === q.status);
  if (statuses.length === 0) return null;
  const args: Record<string, unknown> = { match: plan.match };
  // Statuses come from the closed CLAIM_STATUSES vocabulary, never from the request text.
  const where = ["claims_fts MATCH @match", `c.status IN (${statuses.map((s) => `'${s}'`).join(", ")})`];
  if (q.speaker) {
    where.push("c.speaker_id = @speaker");
    args.speaker = q.speaker;
  }
  if (q.story) {
    where.push("c.story_id = @story");
    args.story = q.story;
  }
  if (q.verdict) {
    where.push("c.rating_id IN (SELECT id FROM ratings WHERE key = @verdict)");
    args.verdict = q.verdict;
  }
  if (q.from) {
    where.push("c.stated_on >= @from");
    args.from = q.from;
  }
  if (q.to) {
    where.push("c.stated_on <= @to");
    args.to = q.to;
  }
  const sql = `SELECT id, tier, score FROM (
      SELECT c.id AS id, ${tierExpr("claims_fts", plan, args)} AS tier, bm25(claims_fts, 1.0, 0.6) AS score
      FROM claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid
      WHERE ${where.join(" AND ")}
    ) ${pageClause(plan, args)}`;
  return { sql, args };
}

function claimHits(db: Db, viewer: Viewer, q: SearchQuery, plan: Plan): Hit[] {
  const query = claimHitsQuery(viewer, q, plan);
  if (!query) return [];
  const rows = db.$client.prepare(query.sql).all(query.args) as { id: number; tier: number; score: number }[];
  return rows.map((r) => ({ type: "claim", key: [r.tier, r.score, r.id] }));
}

/** Sources rank by their best passage (a source's title is indexed with each of its passages). */
function sourceHits(db: Db, q: SearchQuery, plan: Plan): Hit[] {
  const args: Record<string, unknown> = { match: plan.match };
  const where = ["1 = 1"];
  if (q.from) {
    where.push("s.published_on >= @from");
    args.from = q.from;
  }
  if (q.to) {
    where.push("s.published_on <= @to");
    args.to = q.to;
  }
  const sql = `SELECT id, passage, tier, score FROM (
      SELECT p.source_id AS id, x.passage, x.tier, x.score,
        row_number() OVER (PARTITION BY p.source_id ORDER BY x.tier, x.score, x.passage) AS best
      FROM (
        SELECT source_passages_fts.rowid AS passage, ${tierExpr("source_passages_fts", plan, args)} AS tier,
          bm25(source_passages_fts, 2.0, 1.0) AS score
        FROM source_passages_fts WHERE source_passages_fts MATCH @match
      ) x
      CROSS JOIN source_passages p ON p.id = x.passage
      CROSS JOIN sources s ON s.id = p.source_id
      WHERE ${where.join(" AND ")}
    ) WHERE best = 1 ${pageClause(plan, args).replace(/^WHERE/, "AND")}`;
  const rows = db.$client.prepare(sql).all(args) as { id: number; passage: number; tier: number; score: number }[];
  return rows.map((r) => ({ type: "source", key: [r.tier, r.score, r.id], passage: r.passage }));
}

function speakerHits(db: Db, plan: Plan): Hit[] {
  const args: Record<string, unknown> = { match: plan.match };
  const sql = `SELECT id, tier, score FROM (
      SELECT s.id AS id, ${tierExpr("speakers_fts", plan, args)} AS tier, bm25(speakers_fts, 2.0, 1.0) AS score
      FROM speakers_fts CROSS JOIN speakers s ON s.id = speakers_fts.rowid
      WHERE speakers_fts MATCH @match AND s.merged_into_id IS NULL
    ) ${pageClause(plan, args)}`;
  const rows = db.$client.prepare(sql).all(args) as { id: number; tier: number; score: number }[];
  return rows.map((r) => ({ type: "speaker", key: [r.tier, r.score, r.id] }));
}

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

const SNIPPET_ARGS = { open: MARK_OPEN, close: MARK_CLOSE, ellipsis: "…" };

/*
 * The snippet lookups below pin the row with `rowid >= @id AND rowid <= @id`, not `rowid = @id`:
 * with SQLite 3.51.2's FTS5, `MATCH … AND rowid = ?` with a bound value ignores the rowid and
 * returns every match (a literal works; so does a range, which FTS5 also seeks to). The search
 * tests check each snippet belongs to its own row.
 */

function claimResults(db: Db, viewer: Viewer, match: string, ids: number[]): Map<number, SearchResultDTO> {
  const claims = getClaimsByIds(db, viewer, ids);
  const snippet = db.$client.prepare(
    `SELECT snippet(claims_fts, 0, @open, @close, @ellipsis, 64) AS text, snippet(claims_fts, 1, @open, @close, @ellipsis, 32) AS quote
     FROM claims_fts WHERE claims_fts MATCH @match AND rowid >= @id AND rowid <= @id`,
  );
  const out = new Map<number, SearchResultDTO>();
  for (const id of ids) {
    const claim = claims.get(id);
    if (!claim) continue;
    const row = snippet.get({ ...SNIPPET_ARGS, match, id }) as { text: string | null; quote: string | null } | undefined;
    const text = toSegments(row?.text);
    const quote = toSegments(row?.quote);
    const inQuote = !hasMatch(text) && hasMatch(quote);
    out.set(id, { type: "claim", id, claim, snippet: inQuote ? quote : text.length ? text : [{ text: claim.text, match: false }], matchedIn: inQuote ? "quote" : "text" });
  }
  return out;
}

function sourceResults(db: Db, match: string, hits: Hit[]): Map<number, SearchResultDTO> {
  const out = new Map<number, SearchResultDTO>();
  if (hits.length === 0) return out;
  const meta = db.$client.prepare("SELECT id, title, kind, publisher, url, published_on AS publishedOn FROM sources WHERE id = ?");
  const snippet = db.$client.prepare(
    `SELECT highlight(source_passages_fts, 0, @open, @close) AS title, snippet(source_passages_fts, 1, @open, @close, @ellipsis, 40) AS text
     FROM source_passages_fts WHERE source_passages_fts MATCH @match AND rowid >= @passage AND rowid <= @passage`,
  );
  for (const hit of hits) {
    const source = meta.get(hit.key[2]) as (SearchResultDTO & { type: "source" })["source"] | undefined;
    if (!source) continue;
    const row = snippet.get({ ...SNIPPET_ARGS, match, passage: hit.passage }) as { title: string | null; text: string | null } | undefined;
    const title = toSegments(row?.title);
    out.set(source.id, { type: "source", id: source.id, source, title: title.length ? title : [{ text: source.title, match: false }], snippet: toSegments(row?.text) });
  }
  return out;
}

function speakerResults(db: Db, match: string, ids: number[]): Map<number, SearchResultDTO> {
  const out = new Map<number, SearchResultDTO>();
  const meta = db.$client.prepare(
    `SELECT s.id, s.name, s.kind, s.description, s.aliases, a.id AS affId, a.name AS affName, a.kind AS affKind
     FROM speakers s LEFT JOIN speakers a ON a.id = s.affiliation_id WHERE s.id = ?`,
  );
  const snippet = db.$client.prepare(
    `SELECT highlight(speakers_fts, 0, @open, @close) AS name, highlight(speakers_fts, 1, @open, @close) AS aliases
     FROM speakers_fts WHERE speakers_fts MATCH @match AND rowid >= @id AND rowid <= @id`,
  );
  for (const id of ids) {
    type Row = { id: number; name: string; kind: SpeakerKind; description: string | null; aliases: string; affId: number | null; affName: string; affKind: SpeakerKind };
    const s = meta.get(id) as Row | undefined;
    if (!s) continue;
    const row = snippet.get({ ...SNIPPET_ARGS, match, id }) as { name: string | null; aliases: string | null } | undefined;
    const name = toSegments(row?.name);
    const aliases = toSegments(row?.aliases);
    out.set(id, {
      type: "speaker",
      id,
      speaker: {
        id: s.id,
        name: s.name,
        kind: s.kind,
        description: s.description,
        aliases: JSON.parse(s.aliases) as string[],
        affiliation: s.affId === null ? null : { id: s.affId, name: s.affName, kind: s.affKind },
      },
      name: name.length ? name : [{ text: s.name, match: false }],
      snippet: hasMatch(aliases) ? aliases : [],
    });
  }
  return out;
}

function runPage(db: Db, viewer: Viewer, q: SearchQuery, terms: QueryTerm[], mode: "all" | "any", types: ResultType[], cursor: Cursor | null) {
  const match = matchExpression(terms, mode)!;
  const phrase = phraseExpression(terms);
  const fetch = q.limit + 1;
  const done = cursor?.x ?? [];
  const hits: Hit[] = [];
  for (const type of types) {
    if (done.includes(type)) continue;
    const plan: Plan = { match, phrase, after: cursor?.k[type] ?? null, limit: fetch };
    if (type === "claim") hits.push(...claimHits(db, viewer, q, plan));
    else if (type === "source") hits.push(...sourceHits(db, q, plan));
    else hits.push(...speakerHits(db, plan));
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

  const claims = claimResults(db, viewer, match, taken.filter((h) => h.type === "claim").map((h) => h.key[2]));
  const sources = sourceResults(db, match, taken.filter((h) => h.type === "source"));
  const speakers = speakerResults(db, match, taken.filter((h) => h.type === "speaker").map((h) => h.key[2]));
  const byType = { claim: claims, source: sources, speaker: speakers };
  const items = taken.map((h) => byType[h.type].get(h.key[2])).filter((r): r is SearchResultDTO => r !== undefined);
  return { items, hasMore, nextCursor: hasMore ? encodeCursor(next) : null };
}

/**
 * Searches what the viewer may see. Nothing typed can make it fail: the words are quoted for
 * FTS5 by lib/search-query, and a query with nothing searchable in it finds nothing.
 */
export function search(db: Db, viewer: Viewer, q: SearchQuery): SearchPageDTO {
  const terms = parseSearchQuery(q.q);
  const cursor = decodeCursor(q.cursor);
  const understood = describeQuery(terms);
  const types = searchedTypes(q);
  let mode = cursor?.m ?? "all";
  if (terms.length === 0 || types.length === 0) return { items: [], nextCursor: null, hasMore: false, mode, understood };
  let page = runPage(db, viewer, q, terms, mode, types, cursor);
  if (!cursor && page.items.length === 0 && terms.length > 1) {
    mode = "any";
    page = runPage(db, viewer, q, terms, mode, types, null);
  }
  return { ...page, mode, understood };
}

export interface SearchFacets {
  speakers: { id: number; name: string }[];
  stories: { id: number; title: string }[];
  verdicts: { key: string; label: string }[];
}

/** The search page's filter options: speakers and stories with claims the viewer may see, the default scale's verdicts. */
export function searchFacets(db: Db, viewer: Viewer): SearchFacets {
  const statuses = visibleStatuses(viewer)
    .map((s) => `'${s}'`)
    .join(", ");
  const speakers = db.$client
    .prepare(
      `SELECT s.id, s.name FROM speakers s WHERE s.merged_into_id IS NULL
       AND EXISTS (SELECT 1 FROM claims c WHERE c.speaker_id = s.id AND c.status IN (${statuses})) ORDER BY s.name COLLATE NOCASE LIMIT 500`,
    )
    .all() as SearchFacets["speakers"];
  const stories = db.$client
    .prepare(
      `SELECT t.id, t.title FROM stories t
       WHERE EXISTS (SELECT 1 FROM claims c WHERE c.story_id = t.id AND c.status IN (${statuses})) ORDER BY t.title COLLATE NOCASE LIMIT 500`,
    )
    .all() as SearchFacets["stories"];
  const verdicts = db.$client
    .prepare("SELECT r.key, r.label FROM ratings r JOIN rating_scales s ON s.id = r.scale_id AND s.is_default = 1 ORDER BY r.position, r.id")
    .all() as SearchFacets["verdicts"];
  return { speakers, stories, verdicts };
}
