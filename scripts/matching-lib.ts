/**
 * Shared by scripts/train-matching.ts, scripts/eval-matching-offline.ts and the matcher's slice
 * test: stage 1 against the real FTS5 index, the feature lists of each query, the listwise
 * trainer and the measures. Deterministic throughout: no random numbers, fixed iteration
 * counts, folds by position in the query file.
 */
import { analyseCandidate, analysePost, featureMatrix, stage1Query, type PipelineOptions } from "../lib/matching";
import { FEATURE_NAMES } from "../lib/matching/features";
import type { MatchWeights } from "../lib/matching/model";
import type { ClaimIndex, Split } from "./matching-data";

/** One query's candidates as the trainer sees them. */
export interface QueryList {
  qid: string;
  /** Candidate ids in stage-1 order. */
  ids: string[];
  rows: number[][];
  labels: number[];
  /** Number of relevant fact-checks for the query (some may be missing from the candidates). */
  relevant: number;
}

export interface ListOptions extends PipelineOptions {
  candidates: number;
  maxTerms?: number;
}

/** Runs stage 1 and computes stage-2 features for every query of a split. */
export function buildLists(index: ClaimIndex, split: Split, options: ListOptions): QueryList[] {
  const out: QueryList[] = [];
  for (const q of split.queries) {
    const rel = split.qrels.get(q.id);
    if (!rel) continue;
    const { match } = stage1Query(q.text, index.stats, options);
    const hits = match ? index.search(match, options.candidates) : [];
    const cands = hits.map((i) => index.candidates[i]!);
    const post = analysePost(q.text, index.stats, options);
    const { rows } = featureMatrix(post, cands.map((c) => analyseCandidate(c)), index.stats);
    out.push({ qid: q.id, ids: cands.map((c) => String(c.id)), rows, labels: cands.map((c) => (rel.has(String(c.id)) ? 1 : 0)), relevant: rel.size });
  }
  return out;
}

export interface Measures {
  map5: number;
  mrr: number;
  recall5: number;
  queries: number;
}

/** MAP@5 as the CheckThat! scorer computes it (precision at each hit in the top 5 over all relevant), MRR, recall@5. */
export function measure(lists: QueryList[], scores: (l: QueryList) => number[]): Measures {
  let map = 0;
  let mrr = 0;
  let rec = 0;
  for (const l of lists) {
    const s = scores(l);
    const order = l.labels.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
    let hits = 0;
    let ap = 0;
    let rr = 0;
    order.forEach((i, r) => {
      if (!l.labels[i]) return;
      if (!rr) rr = 1 / (r + 1);
      if (r < 5) {
        hits++;
        ap += hits / (r + 1);
      }
    });
    map += ap / l.relevant;
    mrr += rr;
    rec += hits / l.relevant;
  }
  const n = lists.length || 1;
  return { map5: map / n, mrr: mrr / n, recall5: rec / n, queries: lists.length };
}

export interface FitOptions {
  /** L2 penalty on the standardised weights. */
  l2: number;
  iterations: number;
  /** Features forced to 0 weight (the ablation). */
  drop?: ReadonlySet<string>;
}

export const DEFAULT_FIT: FitOptions = { l2: 1e-3, iterations: 400 };

/**
 * Listwise softmax ranker (ListNet with a one-hot target): maximises the log-probability of the
 * relevant candidates under softmax(w·x) over each query's list. Full-batch Adam on standardised
 * features from a zero start, then folded back to raw-feature weights. Lists without a relevant
 * candidate teach nothing and are skipped.
 */
export function fitRanker(lists: QueryList[], options: FitOptions = DEFAULT_FIT): MatchWeights {
  const d = FEATURE_NAMES.length;
  const use = lists.filter((l) => l.labels.some((y) => y));
  const keep = FEATURE_NAMES.map((n) => !options.drop?.has(n));
  // Standardise on all candidate rows.
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  let count = 0;
  for (const l of use) for (const x of l.rows) {
    count++;
    for (let j = 0; j < d; j++) mean[j]! += x[j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= Math.max(1, count);
  for (const l of use) for (const x of l.rows) for (let j = 0; j < d; j++) sd[j]! += (x[j]! - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]! / Math.max(1, count)) || 1;
  const z = use.map((l) => l.rows.map((x) => x.map((v, j) => (keep[j] ? (v - mean[j]!) / sd[j]! : 0))));

  const w = new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const lr = 0.05;
  for (let it = 1; it <= options.iterations; it++) {
    const g = w.map((wj) => options.l2 * wj);
    use.forEach((l, li) => {
      const rows = z[li]!;
      const s = rows.map((x) => x.reduce((acc, xj, j) => acc + xj * w[j]!, 0));
      const top = Math.max(...s);
      const e = s.map((si) => Math.exp(si - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const pos = l.labels.reduce((a, b) => a + b, 0);
      rows.forEach((x, i) => {
        const coef = (e[i]! / sum - l.labels[i]! / pos) / use.length;
        for (let j = 0; j < d; j++) g[j]! += coef * x[j]!;
      });
    });
    for (let j = 0; j < d; j++) {
      m[j] = 0.9 * m[j]! + 0.1 * g[j]!;
      v[j] = 0.999 * v[j]! + 0.001 * g[j]! ** 2;
      const mh = m[j]! / (1 - 0.9 ** it);
      const vh = v[j]! / (1 - 0.999 ** it);
      w[j]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const raw = w.map((wj, j) => (keep[j] ? wj / sd[j]! : 0));
  const bias = -raw.reduce((acc, rj, j) => acc + rj * mean[j]!, 0);
  const weights: MatchWeights = { features: [...FEATURE_NAMES], weights: raw, bias, calibration: { a: 1, b: 0 } };
  weights.calibration = fitCalibration(use, weights);
  return weights;
}

function dot(w: MatchWeights, x: number[]): number {
  let s = w.bias;
  for (let j = 0; j < x.length; j++) s += w.weights[j]! * x[j]!;
  return s;
}

/** P(relevant | score): logistic regression of the label on the score over each list's top 10. */
function fitCalibration(lists: QueryList[], w: MatchWeights): { a: number; b: number } {
  const pts: [number, number][] = [];
  for (const l of lists) {
    const s = l.rows.map((x) => dot(w, x));
    const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
    for (const i of order.slice(0, 10)) pts.push([s[i]!, l.labels[i]!]);
  }
  // Newton's method on two parameters, from the flat model (a = b = 0), where it is stable.
  let a = 0;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    for (const [s, y] of pts) {
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      ga += (p - y) * s;
      gb += p - y;
      const q = p * (1 - p);
      haa += q * s * s;
      hab += q * s;
      hbb += q;
    }
    const det = haa * hbb - hab * hab;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return { a, b };
}

export function scoreWith(w: MatchWeights): (l: QueryList) => number[] {
  return (l) => l.rows.map((x) => dot(w, x));
}

/** k-fold cross-validation by position (query i is in fold i mod k): out-of-fold measures. */
export function crossValidate(lists: QueryList[], k: number, options: FitOptions = DEFAULT_FIT): Measures {
  const scored = new Map<QueryList, number[]>();
  for (let f = 0; f < k; f++) {
    const train = lists.filter((_, i) => i % k !== f);
    const w = fitRanker(train, options);
    lists.forEach((l, i) => {
      if (i % k === f) scored.set(l, scoreWith(w)(l));
    });
  }
  return measure(lists, (l) => scored.get(l)!);
}
