import type { QueryTerm } from "@/lib/search-query";

/**
 * What the full-text search of each engine answers (db/search/sqlite.ts: FTS5 with bm25;
 * db/search/pg.ts: tsvector with ts_rank_cd). Server code (server/search) merges the types, pages
 * and builds the results; only the ranking and the snippets live here.
 */

/** A keyset position: tier 0 when the row holds the whole phrase typed, then score (lower is better), then id. */
export type Key = [tier: number, score: number, id: number];

export interface SearchPlan {
  terms: QueryTerm[];
  /** Every term must match, or any of them. */
  mode: "all" | "any";
  after: Key | null;
  limit: number;
}

export interface ClaimFilter {
  /** The statuses the viewer may see (and the status filter), from the closed vocabulary. */
  statuses: readonly string[];
  speaker?: number;
  story?: number;
  verdict?: string;
  from?: string;
  to?: string;
}

/**
 * How many of the newest matching rows a search ranks, per type and per tier: a word in 100,000
 * claims then costs what a rare word does. A search that reaches it says so (`capped`).
 */
export const CANDIDATES = 1000;

/**
 * With a selective filter (a speaker, a story, a date range, readers' publishable sources) the
 * newest CANDIDATES rows that pass it may lie far down a common word's matches: a search reads
 * at most the newest WALK rows holding the words, and says it was capped when it stopped there.
 */
export const WALK = 2 * CANDIDATES;

/** Whether few claims pass the filter: a speaker, story, verdict or dates, or a status other than published. */
export function selectiveClaimFilter(filter: ClaimFilter): boolean {
  return Boolean(filter.speaker || filter.story || filter.verdict || filter.from || filter.to) || (filter.statuses.length === 1 && filter.statuses[0] !== "published");
}

export interface RankedHit {
  /** Null in the one row PostgreSQL answers when a quoted phrase matched none of its candidates: it carries only `pool`. */
  id: number | null;
  tier: number;
  score: number;
  /** How many candidates were ranked: CANDIDATES when older matches were left out. */
  pool: number;
  /** For sources: the best passage, whose snippet is shown. */
  passage?: number;
}

/** Snippet strings with matches between MARK_OPEN and MARK_CLOSE (lib/search-query). */
export interface ClaimSnippet {
  text: string | null;
  quote: string | null;
}
export interface SourceSnippet {
  title: string | null;
  text: string | null;
}
export interface SpeakerSnippet {
  name: string | null;
  aliases: string | null;
}
