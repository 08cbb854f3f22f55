import "server-only";
import type { Db } from "@/db/client";
import type { SpeakerKind, Viewer } from "@/lib/model";
import { hasMatch, MARK_CLOSE, MARK_OPEN, type SearchResultDTO, toSegments } from "@/lib/search-query";
import { getClaimsByIds } from "../claim-query";
import type { Hit } from "./hits";

/** The results of a page's hits, per type: the claim, source or speaker with its highlighted snippet. */

const SNIPPET_ARGS = { open: MARK_OPEN, close: MARK_CLOSE, ellipsis: "…" };

/*
 * The snippet lookups below pin the row with `rowid >= @id AND rowid <= @id`, not `rowid = @id`:
 * with SQLite 3.51.2's FTS5, `MATCH … AND rowid = ?` with a bound value ignores the rowid and
 * returns every match (a literal works; so does a range, which FTS5 also seeks to). The search
 * tests check each snippet belongs to its own row.
 */

export function claimResults(db: Db, viewer: Viewer, match: string, ids: number[]): Map<number, SearchResultDTO> {
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

export function sourceResults(db: Db, match: string, hits: Hit[]): Map<number, SearchResultDTO> {
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

export function speakerResults(db: Db, match: string, ids: number[]): Map<number, SearchResultDTO> {
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
