/**
 * What each engine answers for the claim matcher (lib/matching): stage 1's candidates from the
 * matching index (db/migrations: claims_match_fts on SQLite, claims.match_tsv on PostgreSQL),
 * and the archive's word statistics for the re-ranker's idf.
 */

/** A candidate claim as stage 2 reads it (best stage-1 rank first). */
export interface MatchCandidateRow {
  id: number;
  text: string;
  quote: string | null;
  rationale: string | null;
  publishedAt: string | null;
  statedOn: string | null;
}

/** Document frequencies by stem (Porter stems, as both indexes store them), and sizes. */
export interface MatchVocabulary {
  /** Claims in the index. */
  n: number;
  df: Map<string, number>;
  /** Mean words per claim text, and per rationale (approximate: spaces + 1). */
  avgTextLength: number;
  avgRationaleLength: number;
}
