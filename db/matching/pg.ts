import "server-only";
import { sql } from "drizzle-orm";
import type { CorpusStats } from "@/lib/matching/stats";
import { COLUMN_WEIGHTS, PROBE_BUDGET, probeTerms } from "@/lib/matching/terms";
import type { Db } from "../client";
import { rows } from "../sql";
import { sizes, statusList } from "./shared";
import type { MatchCandidateRow, MatchVocabulary } from "./types";

/** How many claims of the probe, those holding the most telling words, are ranked in full. */
export const POOL_PER_CANDIDATE = 3;

/**
 * The matcher on PostgreSQL: claims.match_tsv (migration claim_matching, cp_porter: the stemming of
 * SQLite's FTS5 index), text A, quote B, rationale C.
 *
 * Ranking every claim that holds any of the post's words (thousands of tsvectors read for a
 * common word, a million at a million claims) is what a query cannot afford. So the candidates
 * are bounded first: the GIN index gives the claims holding each of the rarest words (terms
 * come rarest first; words are probed while their document counts stay within PROBE_BUDGET),
 * each claim is scored by the idf of the probed words it holds, and the best
 * POOL_PER_CANDIDATE × `limit` are ranked by ts_rank over all the terms, with the same column
 * weights as bm25 on SQLite and length normalisation 1 (log of the length). A claim holding only
 * the commonest words of a post is not a candidate; the training split loses nothing by it (see
 * lib/matching/README.md). Each term reaches PostgreSQL as a bound value of plainto_tsquery,
 * never as tsquery syntax.
 */
export function matchCandidates(db: Db, terms: string[], statuses: readonly string[], limit: number, stats: CorpusStats): Promise<MatchCandidateRow[]> {
  if (terms.length === 0) return Promise.resolve([]);
  const query = sql.join(
    terms.map((w) => sql`plainto_tsquery('cp_porter', ${w})`),
    sql` || `,
  );
  const [t, q, r] = COLUMN_WEIGHTS;
  // ts_rank's weights are in the order {D, C, B, A}.
  const weights = sql.raw(`'{0, ${r}, ${q}, ${t}}'::real[]`);
  const probed = probeTerms(terms, stats);
  const words = sql.join(
    probed.map((p) => sql`(${p.word}::text, ${p.idf}::float8)`),
    sql`, `,
  );
  return rows<MatchCandidateRow>(
    db,
    sql`WITH hits AS (
        SELECT h.id, p.weight FROM (VALUES ${words}) AS p(word, weight)
        CROSS JOIN LATERAL (
          SELECT c.id FROM claims c WHERE c.match_tsv @@ plainto_tsquery('cp_porter', p.word) AND c.status IN (${statusList(statuses)}) LIMIT ${PROBE_BUDGET}
        ) h
      ), pool AS (
        SELECT id, sum(weight) AS score FROM hits GROUP BY id ORDER BY score DESC, id LIMIT ${POOL_PER_CANDIDATE * limit}
      )
      SELECT c.id AS id, c.text AS text, c.quote AS quote, c.rationale AS rationale, c.published_at AS "publishedAt", c.stated_on AS "statedOn"
      FROM pool JOIN claims c ON c.id = pool.id, (SELECT ${query} AS q) q
      ORDER BY ts_rank(${weights}, c.match_tsv, q.q, 1) DESC, c.id LIMIT ${limit}`,
  );
}

/** Every stem's document count: ts_stat over the matching column (a scan; the caller caches it). */
export async function matchVocabulary(db: Db): Promise<MatchVocabulary> {
  const [vocab, size] = await Promise.all([rows<{ term: string; doc: number }>(db, sql`SELECT word AS term, ndoc AS doc FROM ts_stat('SELECT match_tsv FROM claims')`), sizes(db)]);
  return { n: size.n, df: new Map(vocab.map((v) => [v.term, Number(v.doc)])), avgTextLength: size.avgText, avgRationaleLength: size.avgRationale };
}
