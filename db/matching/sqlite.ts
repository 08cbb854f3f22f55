import "server-only";
import { sql } from "drizzle-orm";
import { COLUMN_WEIGHTS, ftsQuote } from "@/lib/matching/terms";
import type { Db } from "../client";
import { rows } from "../sql";
import { sizes, statusList } from "./shared";
import type { MatchCandidateRow, MatchVocabulary } from "./types";

/**
 * The matcher on SQLite: claims_match_fts (migration claim_matching, FTS5 porter unicode61, the same
 * tokens as lib/matching's stemmer), ranked by bm25 with the column weights chosen on the
 * training split (lib/matching/terms.ts). Terms reach FTS5 as quoted strings joined by OR; each
 * is a run of word characters (stage1Query's invariant), quoted again here as a second lock.
 */
export function matchCandidates(db: Db, terms: string[], statuses: readonly string[], limit: number): Promise<MatchCandidateRow[]> {
  if (terms.length === 0) return Promise.resolve([]);
  const match = terms.map(ftsQuote).join(" OR ");
  const [t, q, r] = COLUMN_WEIGHTS;
  // The best rows by bm25 from FTS alone (no claim read for the thousands an OR query touches),
  // then their claims by primary key, filtered to the statuses the viewer may see. Twice the
  // rows asked for leaves room for hidden ones; for a reader, a run of more hidden claims than
  // that among the best only shortens the list, never shows one.
  return rows<MatchCandidateRow>(
    db,
    sql`SELECT c.id AS id, c.text AS text, c.quote AS quote, c.rationale AS rationale, c.published_at AS publishedAt, c.stated_on AS statedOn
      FROM (
        SELECT rowid AS id, bm25(claims_match_fts, ${sql.raw(`${t}, ${q}, ${r}`)}) AS score FROM claims_match_fts
        WHERE claims_match_fts MATCH ${match} ORDER BY score LIMIT ${2 * limit}
      ) m CROSS JOIN claims c ON c.id = m.id
      WHERE c.status IN (${statusList(statuses)})
      ORDER BY m.score, c.id LIMIT ${limit}`,
  );
}

/** Every stem's document count, from the index's fts5vocab table. */
export async function matchVocabulary(db: Db): Promise<MatchVocabulary> {
  const [vocab, size] = await Promise.all([rows<{ term: string; doc: number }>(db, sql`SELECT term, doc FROM claims_match_vocab`), sizes(db)]);
  return { n: size.n, df: new Map(vocab.map((v) => [v.term, Number(v.doc)])), avgTextLength: size.avgText, avgRationaleLength: size.avgRationale };
}
