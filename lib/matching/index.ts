/**
 * "Has this been checked before?" — matching a post (a tweet, a quote, a paragraph) against the
 * archive of fact-checked claims. Two stages:
 *
 * 1. the database's full-text index returns candidates for one OR query of the post's words
 *    (`stage1Query` in terms.ts: an FTS5 expression, or the plain terms for another engine);
 * 2. `rankCandidates` (here, pure TypeScript) re-scores those candidates with a small linear
 *    model over lexical, name, figure and date features, and says why each one matches.
 *
 * Nothing here touches a database, the network or Node APIs: it runs in the browser as well.
 */
import { analyse, analyseField, type CandidateAnalysis } from "./analyse";
import { extractFigures } from "./figures";
import { parseDay } from "./dates";
import { explainPair, strengthOf, type Explanation, type Strength } from "./explain";
import { listFeatures, pairFeatures, type PairDetail, type PostAnalysis } from "./features";
import { checkWeights, linearScore, probability, type MatchWeights } from "./model";
import { idf, type CorpusStats } from "./stats";
import { contentStems } from "./text";
import { postText, type PipelineOptions } from "./terms";
import type { Candidate } from "./types";
import committedWeights from "./weights.json";

export type { Candidate } from "./types";
export type { CorpusStats } from "./stats";
export type { Explanation, Strength } from "./explain";
export type { MatchWeights } from "./model";
export { stage1Query, stage1Sql, COLUMN_WEIGHTS, DEFAULT_CANDIDATES, MAX_TERMS, type PipelineOptions } from "./terms";
export { normalisePost } from "./normalize";

let checkedDefault: MatchWeights | null = null;

/**
 * The committed weights (weights.json), checked against the feature list on first use — not at
 * import, so the training script can still load this module after the features changed.
 */
export function defaultWeights(): MatchWeights {
  return (checkedDefault ??= checkWeights(committedWeights as MatchWeights));
}

export function analysePost(post: string, stats: CorpusStats, options: PipelineOptions = {}): PostAnalysis {
  const { text, day, author, handles } = postText(post, stats, options);
  const a = analyse(text);
  const poster = options.poster && author ? contentStems(author) : [];
  const handleStems = options.poster ? [...new Set(handles.flatMap((h) => contentStems(h)))] : [];
  const weights = new Map<string, number>();
  let idfSum = 0;
  for (const s of a.tf.keys()) {
    const w = idf(stats, s);
    weights.set(s, w);
    idfSum += w;
  }
  return { ...a, idf: weights, idfSum, day, poster, handles: handleStems, figures: extractFigures(text) };
}

/**
 * Candidate analyses are memoised by content (a bounded map, cleared when full): the same
 * archived claims come back for many posts, and analysing one costs more than scoring it.
 */
const CANDIDATE_CACHE = new Map<string, CandidateAnalysis>();
const CANDIDATE_CACHE_MAX = 20_000;

export function analyseCandidate(c: Candidate, options: { cache?: boolean } = {}): CandidateAnalysis {
  const key = `${c.text}\u0000${c.quote}\u0000${c.headline}\u0000${c.date}`;
  const hit = options.cache === false ? undefined : CANDIDATE_CACHE.get(key);
  if (hit) return hit;
  const claim = c.quote ? `${c.text} ${c.quote}` : c.text;
  const text = analyseField(claim);
  const headline = analyseField(c.headline);
  const a: CandidateAnalysis = {
    text,
    headline,
    all: [...new Set([...text.stems, ...headline.stems])],
    names: [...new Set([...text.names, ...headline.names])],
    source: { text: claim, headline: c.headline },
    day: parseDay(c.date),
  };
  if (options.cache !== false) {
    if (CANDIDATE_CACHE.size >= CANDIDATE_CACHE_MAX) CANDIDATE_CACHE.clear();
    CANDIDATE_CACHE.set(key, a);
  }
  return a;
}

/** Feature vectors of every candidate of one post, list-relative features included. */
export function featureMatrix(post: PostAnalysis, candidates: CandidateAnalysis[], stats: CorpusStats): { rows: number[][]; details: PairDetail[] } {
  const rows: number[][] = [];
  const details: PairDetail[] = [];
  for (const c of candidates) {
    const { x, detail } = pairFeatures(post, c, stats);
    rows.push(x);
    details.push(detail);
  }
  listFeatures(rows, post, candidates);
  return { rows, details };
}

export interface Match {
  candidate: Candidate;
  /** The model's score (higher is better; comparable within one post's list). */
  score: number;
  /** Calibrated probability that this is the fact-check the post repeats. */
  probability: number;
  strength: Strength;
  explanation: Explanation;
}

export interface RankOptions extends PipelineOptions {
  weights?: MatchWeights;
  /** How many matches to return (default 5). */
  limit?: number;
  /** Memoise candidate analyses (default true). */
  cache?: boolean;
}

/** Candidates re-ranked for a post, best first, each with its strength and explanation. */
export function rankCandidates(post: string, candidates: Candidate[], stats: CorpusStats, options: RankOptions = {}): Match[] {
  const weights = options.weights ?? defaultWeights();
  const p = analysePost(post, stats, options);
  const analysed = candidates.map((c) => analyseCandidate(c, { cache: options.cache }));
  const { rows, details } = featureMatrix(p, analysed, stats);
  const order = rows.map((x, i) => ({ i, score: linearScore(weights, x) }));
  order.sort((a, b) => b.score - a.score || a.i - b.i);
  return order.slice(0, options.limit ?? 5).map(({ i, score }) => {
    const explanation = explainPair(p, analysed[i]!, details[i]!);
    const prob = probability(weights, score);
    return { candidate: candidates[i]!, score, probability: prob, strength: strengthOf(prob, explanation), explanation };
  });
}
