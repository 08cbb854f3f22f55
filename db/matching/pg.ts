import "server-only";
import { sql } from "drizzle-orm";
import { COLUMN_WEIGHTS } from "@/lib/matching/terms";
import type { Db } from "../client";
import { rows } from "../sql";
import { sizes, statusList } from "./shared";
import type { MatchCandidateRow, MatchVocabulary } from "./types";

/**
 * The matcher on PostgreSQL: claims.match_tsv (migration claim_matching, cp_porter: the stemming of
 * SQLite's FTS5 index), text A, quote B, rationale C, ranked by ts_rank with the same column
 * weights as bm25 on SQLite and length normalisation 1 (log of the length). Each term reaches
 * PostgreSQL as a bound value of plainto_tsquery, never as tsquery syntax.
 */
export function matchCandidates(db: Db, terms: string[], statuses: readonly string[], limit: number): Promise<MatchCandidateRow[]> {
  if (terms.length === 0) return Promise.resolve([]);
  const query = sql.join(
    terms.map((w) => sql`plainto_tsquery('cp_porter', ${w})`),
    sql` || `,
  );
  const [t, q, r] = COLUMN_WEIGHTS;
  // ts_rank's weights are in the order {D, C, B, A}.
  const weights = sql.raw(`'{0, ${r}, ${q}, ${t}}'::real[]`);
  return rows<MatchCandidateRow>(
    db,
    sql`SELECT c.id AS id, c.text AS text, c.quote AS quote, c.rationale AS rationale, c.published_at AS "publishedAt", c.stated_on AS "statedOn"
      FROM claims c, (SELECT ${query} AS q) q
      WHERE c.match_tsv @@ q.q AND c.status IN (${statusList(statuses)})
      ORDER BY ts_rank(${weights}, c.match_tsv, q.q, 1) DESC, c.id LIMIT ${limit}`,
  );
}

/** Every stem's document count: ts_stat over the matching column (a scan; the caller caches it). */
export async function matchVocabulary(db: Db): Promise<MatchVocabulary> {
  const [vocab, size] = await Promise.all([rows<{ term: string; doc: number }>(db, sql`SELECT word AS term, ndoc AS doc FROM ts_stat('SELECT match_tsv FROM claims')`), sizes(db)]);
  return { n: size.n, df: new Map(vocab.map((v) => [v.term, Number(v.doc)])), avgTextLength: size.avgText, avgRationaleLength: size.avgRationale };
}
