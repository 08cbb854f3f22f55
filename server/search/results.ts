import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sources, speakers } from "@/db/schema";
import { claimSnippets, type SearchPlan, sourceSnippets, speakerSnippets } from "@/db/search";
import { alias } from "@/db/sql";
import type { Viewer } from "@/lib/model";
import { hasMatch, type SearchResultDTO, toSegments } from "@/lib/search-query";
import { getClaimsByIds } from "../claim-query";
import type { Hit } from "./hits";

/** The results of a page's hits, per type: the claim, source or speaker with its highlighted snippet. */

const affiliation = alias(speakers, "affiliation");

export async function claimResults(db: Db, viewer: Viewer, plan: SearchPlan, ids: number[]): Promise<Map<number, SearchResultDTO>> {
  const claims = await getClaimsByIds(db, viewer, ids);
  const snippets = await claimSnippets(db, plan, ids);
  const out = new Map<number, SearchResultDTO>();
  for (const id of ids) {
    const claim = claims.get(id);
    if (!claim) continue;
    const row = snippets.get(id);
    const text = toSegments(row?.text);
    const quote = toSegments(row?.quote);
    const inQuote = !hasMatch(text) && hasMatch(quote);
    out.set(id, { type: "claim", id, claim, snippet: inQuote ? quote : text.length ? text : [{ text: claim.text, match: false }], matchedIn: inQuote ? "quote" : "text" });
  }
  return out;
}

export async function sourceResults(db: Db, plan: SearchPlan, hits: Hit[]): Promise<Map<number, SearchResultDTO>> {
  const out = new Map<number, SearchResultDTO>();
  if (hits.length === 0) return out;
  const meta = new Map(
    (
      await db
        .select({ id: sources.id, title: sources.title, kind: sources.kind, publisher: sources.publisher, url: sources.url, publishedOn: sources.publishedOn })
        .from(sources)
        .where(
          inArray(
            sources.id,
            hits.map((h) => h.key[2]),
          ),
        )
    ).map((s) => [s.id, s]),
  );
  const snippets = await sourceSnippets(
    db,
    plan,
    hits.flatMap((h) => (h.passage === undefined ? [] : [h.passage])),
  );
  for (const hit of hits) {
    const source = meta.get(hit.key[2]);
    if (!source) continue;
    const row = hit.passage === undefined ? undefined : snippets.get(hit.passage);
    const title = toSegments(row?.title);
    out.set(source.id, { type: "source", id: source.id, source, title: title.length ? title : [{ text: source.title, match: false }], snippet: toSegments(row?.text) });
  }
  return out;
}

export async function speakerResults(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, SearchResultDTO>> {
  const out = new Map<number, SearchResultDTO>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ s: speakers, a: { id: affiliation.id, name: affiliation.name, kind: affiliation.kind } })
    .from(speakers)
    .leftJoin(affiliation, eq(affiliation.id, speakers.affiliationId))
    .where(inArray(speakers.id, ids));
  const meta = new Map(rows.map((r) => [r.s.id, r]));
  const snippets = await speakerSnippets(db, plan, ids);
  for (const id of ids) {
    const found = meta.get(id);
    if (!found) continue;
    const { s, a } = found;
    const row = snippets.get(id);
    const name = toSegments(row?.name);
    const aliases = toSegments(row?.aliases);
    out.set(id, {
      type: "speaker",
      id,
      speaker: { id: s.id, name: s.name, kind: s.kind, description: s.description, aliases: s.aliases, affiliation: a },
      name: name.length ? name : [{ text: s.name, match: false }],
      snippet: hasMatch(aliases) ? aliases : [],
    });
  }
  return out;
}
