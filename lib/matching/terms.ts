/**
 * Stage 1 — candidate retrieval — as one full-text query. The post's content words (normalised
 * as normalize.ts does, once per stem, only those the index holds) are OR-ed together, each as
 * an FTS5 quoted string, and the index ranks by bm25. With at most MAX_TERMS terms the query
 * costs a bounded number of posting-list reads whatever the input.
 *
 * Invariants:
 * - `match` is a valid FTS5 expression for any input, or null when there is nothing to search
 *   for: each term is a run of word characters (no quote, operator or column filter can appear)
 *   wrapped in double quotes, and terms are joined by " OR " only;
 * - `terms` is the same list as plain lower-case words, for an engine that builds its own query
 *   (PostgreSQL: `to_tsquery` of the terms joined by `|`, ranked by `ts_rank_cd`);
 * - the terms kept when there are too many are the rarest (highest idf), so the query keeps
 *   its most telling words.
 */
import type { CorpusStats } from "./stats";
import { idf } from "./stats";
import { normalisePost } from "./normalize";
import { repairText } from "./repair";
import { isContent, stem, tokens } from "./text";

/** The most terms one stage-1 query uses. */
export const MAX_TERMS = 32;
/** How many candidates stage 1 returns. */
export const DEFAULT_CANDIDATES = 100;
/** bm25 column weights for (text, quote, headline), chosen on the training split (see README). */
export const COLUMN_WEIGHTS = [1.0, 1.0, 0.6] as const;

export interface Stage1Query {
  /** FTS5 MATCH expression, e.g. `"oak" OR "versailles" OR "notre"`; null when nothing is searchable. */
  match: string | null;
  /** The same terms as plain words (lower-case, diacritics removed), most telling first. */
  terms: string[];
}

export interface TermOptions {
  maxTerms?: number;
  /** Repair words the archive does not know (repair.ts); default true. */
  repair?: boolean;
}

/** An FTS5 string literal. Terms never hold a quote (they are word characters); this is the second lock. */
export function ftsQuote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** The stage-1 query for a post: its content words, rarest first, at most `maxTerms`. */
export function stage1Query(post: string, stats: CorpusStats, options: TermOptions = {}): Stage1Query {
  const maxTerms = options.maxTerms ?? MAX_TERMS;
  const { text: clean } = normalisePost(post);
  const text = options.repair === false ? clean : repairText(clean, stats);
  const seen = new Set<string>();
  const picked: { word: string; weight: number; order: number }[] = [];
  for (const word of tokens(text)) {
    if (!isContent(word)) continue;
    const s = stem(word);
    if (seen.has(s)) continue;
    seen.add(s);
    if (stats.df(s) === 0) continue;
    picked.push({ word, weight: idf(stats, s), order: picked.length });
  }
  picked.sort((a, b) => b.weight - a.weight || a.order - b.order);
  const terms = picked.slice(0, maxTerms).map((p) => p.word);
  return { match: terms.length ? terms.map(ftsQuote).join(" OR ") : null, terms };
}

/** The SQLite statement stage 1 runs: bind the match expression and the candidate count. */
export function stage1Sql(table = "claims_fts", weights: readonly number[] = COLUMN_WEIGHTS): string {
  const w = weights.map((x) => x.toFixed(3)).join(", ");
  return `SELECT rowid AS id, bm25(${table}, ${w}) AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY score LIMIT ?`;
}
