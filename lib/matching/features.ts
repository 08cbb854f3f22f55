/**
 * Stage-2 features of one (post, candidate) pair. Each is a number of order 0..1 (a few up to
 * ~10) so one linear model can weigh them; names and groups are fixed here and the weights JSON
 * is keyed by name, so a weights file from another feature set is refused, not misapplied.
 *
 * Groups (the ablation in the README removes one group at a time):
 * - bm25: Okapi BM25 of the post's stems against the claim text and against the headline;
 * - coverage: idf-weighted share of the post found in the candidate and of the candidate's
 *   claim / headline found in the post (a post usually restates the whole claim);
 * - phrases: shared stem bigrams (two content words in a row, stopwords between them skipped);
 * - names: names the post mentions that the candidate has, and has not;
 * - figures: figures both state, and figures of one kind that disagree;
 * - dates: days between the post (its signature line) and the fact-check;
 * - list: the pair's BM25 relative to the best candidate of the same query, and whether it is
 *   the first fact-check published on or after the post among the 20 best by BM25 (listFeatures);
 * - poster: the candidate names the poster (signature line) or a handle the post mentions. OFF
 *   by default — the issue asks that matching ignore both — so these are 0 and their trained
 *   weights 0; `{ poster: true }` turns them on to measure what ignoring them costs.
 */
import { candidateFigures, type Analysis, type CandidateAnalysis, type FieldAnalysis } from "./analyse";
import { compareFigures, type Figure, type FigureComparison } from "./figures";
import { idf, type CorpusStats } from "./stats";

export const FEATURE_GROUPS = {
  bm25: ["bm25Text", "bm25Headline"],
  coverage: ["postCovered", "claimCovered", "headlineCovered"],
  phrases: ["bigramsClaim", "bigramsHeadline"],
  names: ["namesShared", "namesMissing", "candidateNamesMissing"],
  figures: ["figuresShared", "figuresDisagree", "yearsDisagree"],
  dates: ["dateMissing", "dateBefore", "dateSameDay", "dateNextDay", "date2to3", "date4to7", "date8to30", "date31to365", "dateLater"],
  list: ["bm25Relative", "bm25Best", "nearestDated"],
  poster: ["posterNamed", "handlesNamed"],
} as const;

export type FeatureGroup = keyof typeof FEATURE_GROUPS;
export type FeatureName = (typeof FEATURE_GROUPS)[FeatureGroup][number];
export const FEATURE_NAMES: readonly FeatureName[] = Object.values(FEATURE_GROUPS).flat();
const INDEX = new Map<FeatureName, number>(FEATURE_NAMES.map((n, i) => [n, i]));

/** The post as the features see it. */
export interface PostAnalysis extends Analysis {
  /** Unique content stems with their idf. */
  idf: Map<string, number>;
  idfSum: number;
  day: number | null;
  figures: Figure[];
  /** Stems of the poster's name and of the handles' words; empty unless the poster option is on. */
  poster: string[];
  handles: string[];
}

const K1 = 1.2;
const B = 0.75;

/**
 * Σ idf over a field's distinct stems, memoised on the analysis (which is itself memoised per
 * candidate) for the stats object it was computed with.
 */
const IDF_TOTALS = new WeakMap<FieldAnalysis, { stats: CorpusStats; total: number }>();
function idfTotal(field: FieldAnalysis, stats: CorpusStats): number {
  const hit = IDF_TOTALS.get(field);
  if (hit && hit.stats === stats) return hit.total;
  let total = 0;
  for (const s of field.stems) total += idf(stats, s);
  IDF_TOTALS.set(field, { stats, total });
  return total;
}

/** idf-weighted share of `stems` the candidate holds. */
function found(stems: string[], cand: CandidateAnalysis, stats: CorpusStats): number {
  let total = 0;
  let hit = 0;
  for (const s of stems) {
    const w = idf(stats, s);
    total += w;
    if (cand.all.includes(s)) hit += w;
  }
  return total ? hit / total : 0;
}

/** Share of a field's bigrams that the post has too. */
function bigramShare(field: FieldAnalysis, post: Analysis): number {
  const pairs = field.bigrams.length / 2;
  let n = 0;
  for (let k = 0; k < field.bigrams.length; k += 2) {
    if (post.follows.get(field.stems[field.bigrams[k]!]!)?.has(field.stems[field.bigrams[k + 1]!]!)) n++;
  }
  return n / Math.max(1, pairs);
}

/** Σ over the stems a field shares with the post of BM25's term weight, and of idf. */
function fieldMatch(field: FieldAnalysis, post: PostAnalysis, avgLength: number): { bm25: number; idf: number } {
  const norm = K1 * (1 - B + (B * field.length) / Math.max(1, avgLength));
  let bm25 = 0;
  let hit = 0;
  for (let i = 0; i < field.stems.length; i++) {
    const w = post.idf.get(field.stems[i]!);
    if (w === undefined) continue;
    const f = field.counts[i]!;
    bm25 += (w * f * (K1 + 1)) / (f + norm);
    hit += w;
  }
  return { bm25, idf: hit };
}

export interface PairDetail {
  figures: FigureComparison;
  sharedNames: string[];
}

/** The feature vector (FEATURE_NAMES order) of one pair; the list group is left at 0. */
export function pairFeatures(post: PostAnalysis, cand: CandidateAnalysis, stats: CorpusStats): { x: number[]; detail: PairDetail } {
  const x = new Array<number>(FEATURE_NAMES.length).fill(0);
  const set = (name: FeatureName, v: number) => {
    x[INDEX.get(name)!] = v;
  };

  // BM25 of each field (Okapi, k1 = 1.2, b = 0.75) and the idf mass the post shares with each
  // field and with the whole candidate.
  const text = fieldMatch(cand.text, post, stats.avgTextLength);
  const head = fieldMatch(cand.headline, post, stats.avgHeadlineLength);
  let hitAll = 0;
  for (const s of cand.all) hitAll += post.idf.get(s) ?? 0;
  set("bm25Text", text.bm25 / 10);
  set("bm25Headline", head.bm25 / 10);
  set("postCovered", post.idfSum ? hitAll / post.idfSum : 0);
  const totalText = idfTotal(cand.text, stats);
  const totalHead = idfTotal(cand.headline, stats);
  set("claimCovered", totalText ? text.idf / totalText : 0);
  set("headlineCovered", totalHead ? head.idf / totalHead : 0);

  set("bigramsClaim", bigramShare(cand.text, post));
  set("bigramsHeadline", bigramShare(cand.headline, post));

  // The post's names: its confident ones, and capitalised words the candidate uses as names.
  const candNames = cand.names;
  const postNames = [...post.names, ...post.capitalised.filter((s) => !post.names.includes(s) && candNames.includes(s))];
  const sharedNames: string[] = [];
  let namesHit = 0;
  let namesAll = 0;
  for (const s of postNames) {
    const w = post.idf.get(s) ?? idf(stats, s);
    namesAll += w;
    if (cand.all.includes(s)) {
      namesHit += w;
      sharedNames.push(s);
    }
  }
  set("namesShared", namesHit / 10);
  set("namesMissing", namesAll ? (namesAll - namesHit) / namesAll : 0);
  const candMissing = candNames.filter((s) => !post.idf.has(s)).length;
  set("candidateNamesMissing", candNames.length ? candMissing / candNames.length : 0);

  const figures: FigureComparison = post.figures.length ? compareFigures(post.figures, candidateFigures(cand)) : { shared: [], disagreeing: [] };
  set("figuresShared", Math.min(3, figures.shared.length));
  const years = figures.disagreeing.filter((d) => /^\d{4}$/.test(d.post) && /^\d{4}$/.test(d.candidate)).length;
  set("figuresDisagree", Math.min(3, figures.disagreeing.length - years));
  set("yearsDisagree", Math.min(3, years));

  set("posterNamed", found(post.poster, cand, stats));
  set("handlesNamed", found(post.handles, cand, stats));

  // Days from the post to the fact-check, in bins: most fact-checks follow the post within a week.
  if (post.day === null || cand.day === null) set("dateMissing", 1);
  else {
    const d = cand.day - post.day;
    set(d < 0 ? "dateBefore" : d === 0 ? "dateSameDay" : d === 1 ? "dateNextDay" : d <= 3 ? "date2to3" : d <= 7 ? "date4to7" : d <= 30 ? "date8to30" : d <= 365 ? "date31to365" : "dateLater", 1);
  }
  return { x, detail: { figures, sharedNames } };
}

export function featureIndex(name: FeatureName): number {
  return INDEX.get(name)!;
}

/** How many of the best candidates by BM25 the "nearest dated" feature looks at. */
export const NEAREST_AMONG = 20;

/**
 * The list group, which depends on the other candidates of the same post: BM25 (text plus
 * headline) relative to the best, and the first fact-check dated on or after the post among the
 * NEAREST_AMONG best by BM25 — when several candidates share the words, the one that followed the
 * post soonest is most often the fact-check of it.
 */
export function listFeatures(rows: number[][], post: PostAnalysis, candidates: CandidateAnalysis[]): void {
  const t = INDEX.get("bm25Text")!;
  const h = INDEX.get("bm25Headline")!;
  const totals = rows.map((x) => x[t]! + x[h]!);
  const best = Math.max(0, ...totals);
  rows.forEach((x, i) => {
    x[INDEX.get("bm25Relative")!] = best > 0 ? totals[i]! / best : 0;
    x[INDEX.get("bm25Best")!] = best > 0 && totals[i] === best ? 1 : 0;
  });
  if (post.day === null) return;
  const top = totals
    .map((total, i) => ({ total, i }))
    .sort((a, b) => b.total - a.total || a.i - b.i)
    .slice(0, NEAREST_AMONG);
  let nearest = -1;
  let nearestDays = Infinity;
  for (const { i } of top) {
    const day = candidates[i]!.day;
    if (day === null || day < post.day) continue;
    if (day - post.day < nearestDays) {
      nearestDays = day - post.day;
      nearest = i;
    }
  }
  if (nearest >= 0) rows[nearest]![INDEX.get("nearestDated")!] = 1;
}
