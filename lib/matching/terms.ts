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
 *   (PostgreSQL: the rarest of them probed through its GIN index within PROBE_BUDGET claims,
 *   `probeTerms`, then the best of those claims ranked by `ts_rank` over all the terms);
 * - the terms kept when there are too many are the rarest (highest idf), so the query keeps
 *   its most telling words; words common in the archive are left out (MAX_DF_SHARE).
 */
import type { CorpusStats } from "./stats";
import { idf } from "./stats";
import { normalisePost, type NormalisedPost } from "./normalize";
import { repairText } from "./repair";
import { isContent, stem, tokens } from "./text";

/** The most terms one stage-1 query uses. */
export const MAX_TERMS = 32;
/**
 * A word found in more than 3 % of the archive's claims ("trump", "video", "photo" in a
 * fact-check archive) narrows nothing: leaving it out of stage 1 halves the query's cost (its
 * posting list is the longest) and loses no recall on the training split. Stage 2 still uses it.
 */
export const MAX_DF_SHARE = 0.03;
/** ... unless fewer than this many words would remain: then the rarest common words fill in. */
export const MIN_TERMS = 4;
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

/** Switches for the parts of the pipeline, all on by default; turned off only to measure what each adds. */
export interface PipelineOptions {
  /** Strip what the platform adds around a post (normalize.ts). */
  clean?: boolean;
  /** Repair words the archive does not know (repair.ts). */
  repair?: boolean;
  /** Use the poster's name and the handles as evidence (features.ts, group "poster"); default false. */
  poster?: boolean;
}

export interface TermOptions extends PipelineOptions {
  maxTerms?: number;
  /** Words in more than this share of the archive are left out (unless too few words remain). */
  maxDfShare?: number;
}

/** The post's matching text: normalised, unknown words repaired. */
export function postText(post: string, stats: CorpusStats, options: PipelineOptions = {}): NormalisedPost {
  const n = normalisePost(post, { clean: options.clean });
  return options.repair === false ? n : { ...n, text: repairText(n.text, stats) };
}

/** An FTS5 string literal. Terms never hold a quote (they are word characters); this is the second lock. */
export function ftsQuote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** The stage-1 query for a post: its content words, rarest first, at most `maxTerms`. */
export function stage1Query(post: string, stats: CorpusStats, options: TermOptions = {}): Stage1Query {
  const maxTerms = options.maxTerms ?? MAX_TERMS;
  const maxDf = (options.maxDfShare ?? MAX_DF_SHARE) * stats.n;
  const { text } = postText(post, stats, options);
  const seen = new Set<string>();
  const picked: { word: string; weight: number; order: number; common: boolean }[] = [];
  for (const word of tokens(text)) {
    if (!isContent(word)) continue;
    const s = stem(word);
    if (seen.has(s)) continue;
    seen.add(s);
    const df = stats.df(s);
    if (df === 0) continue;
    picked.push({ word, weight: idf(stats, s), order: picked.length, common: df > maxDf });
  }
  picked.sort((a, b) => b.weight - a.weight || a.order - b.order);
  const rare = picked.filter((p) => !p.common);
  const kept = rare.length >= MIN_TERMS ? rare : [...rare, ...picked.filter((p) => p.common).slice(0, MIN_TERMS - rare.length)];
  const terms = kept.slice(0, maxTerms).map((p) => p.word);
  return { match: terms.length ? terms.map(ftsQuote).join(" OR ") : null, terms };
}

/**
 * How many index entries (claims holding a probed word) one bounded stage 1 may read: an
 * engine that cannot rank an OR query's matches best first (PostgreSQL's GIN index) probes the
 * rarest terms until their document counts reach this.
 */
export const PROBE_BUDGET = 5000;

/**
 * The terms to probe, rarest first as stage1Query orders them, each with its idf: while their
 * document counts add up to at most `budget`, and the first (the rarest) always.
 */
export function probeTerms(terms: string[], stats: CorpusStats, budget = PROBE_BUDGET): { word: string; idf: number }[] {
  const out: { word: string; idf: number }[] = [];
  let entries = 0;
  for (const word of terms) {
    const s = stem(word);
    entries += stats.df(s);
    if (out.length > 0 && entries > budget) break;
    out.push({ word, idf: idf(stats, s) });
  }
  return out;
}

/** The SQLite statement stage 1 runs: bind the match expression and the candidate count. */
export function stage1Sql(table = "claims_fts", weights: readonly number[] = COLUMN_WEIGHTS): string {
  const w = weights.map((x) => x.toFixed(3)).join(", ");
  return `SELECT rowid AS id, bm25(${table}, ${w}) AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY score LIMIT ?`;
}
