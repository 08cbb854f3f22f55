/**
 * Stage-2 features of one (post, candidate) pair. Each is a number of order 0..1 (a few up to
 * ~10) so one linear model can weigh them; names and groups are fixed here and the weights JSON
 * is keyed by name, so a weights file from another feature set is refused, not misapplied.
 *
 * Groups (the ablation in the README removes one group at a time):
 * - bm25: Okapi BM25 of the post's stems against the claim text and against the headline;
 * - coverage: idf-weighted share of the post found in the candidate and of the candidate's
 *   claim / headline found in the post (a post usually restates the whole claim);
 * - phrases: shared stem bigrams; character-trigram overlap (spelling variants, split words);
 * - names: names the post mentions that the candidate has, and has not;
 * - figures: figures both state, and figures of one kind that disagree;
 * - dates: days between the post (its signature line) and the fact-check;
 * - list: the pair's BM25 relative to the best candidate of the same query (set in score.ts).
 */
import type { Analysis, CandidateAnalysis } from "./analyse";
import { compareFigures, type FigureComparison } from "./figures";
import { idf, type CorpusStats } from "./stats";

export const FEATURE_GROUPS = {
  bm25: ["bm25Text", "bm25Headline"],
  coverage: ["postCovered", "claimCovered", "headlineCovered"],
  phrases: ["bigramsClaim", "bigramsHeadline", "trigramOverlap"],
  names: ["namesShared", "namesMissing", "candidateNamesMissing"],
  figures: ["figuresShared", "figuresDisagree", "yearsDisagree"],
  dates: ["dateMissing", "dateBefore", "dateSameDay", "dateNextDay", "date2to3", "date4to7", "date8to30", "date31to365", "dateLater"],
  list: ["bm25Relative", "bm25Best"],
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
}

const K1 = 1.2;
const B = 0.75;

function bm25(post: PostAnalysis, field: Analysis, avgLength: number): number {
  const norm = K1 * (1 - B + (B * field.length) / Math.max(1, avgLength));
  let score = 0;
  for (const [s, w] of post.idf) {
    const f = field.tf.get(s);
    if (f) score += (w * f * (K1 + 1)) / (f + norm);
  }
  return score;
}

/** idf-weighted share of `field`'s stems that the post holds. */
function covered(field: Analysis, post: PostAnalysis, stats: CorpusStats): number {
  let total = 0;
  let hit = 0;
  for (const s of field.tf.keys()) {
    const w = post.idf.get(s) ?? idf(stats, s);
    total += w;
    if (post.idf.has(s)) hit += w;
  }
  return total ? hit / total : 0;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
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

  set("bm25Text", bm25(post, cand.text, stats.avgTextLength) / 10);
  set("bm25Headline", bm25(post, cand.headline, stats.avgHeadlineLength) / 10);

  let hit = 0;
  for (const [s, w] of post.idf) if (cand.all.has(s)) hit += w;
  set("postCovered", post.idfSum ? hit / post.idfSum : 0);
  set("claimCovered", covered(cand.text, post, stats));
  set("headlineCovered", covered(cand.headline, post, stats));

  set("bigramsClaim", sharedCount(cand.text.bigrams, post.bigrams) / Math.max(1, cand.text.bigrams.size));
  set("bigramsHeadline", sharedCount(cand.headline.bigrams, post.bigrams) / Math.max(1, cand.headline.bigrams.size));
  const g = sharedCount(cand.text.grams, post.grams);
  set("trigramOverlap", g / Math.max(1, Math.min(cand.text.grams.size, post.grams.size)));

  // The post's names: its confident ones, and capitalised words the candidate uses as names.
  const candNames = [...new Set([...cand.text.names, ...cand.headline.names])];
  const postNames = [...post.names, ...post.capitalised.filter((s) => !post.names.includes(s) && candNames.includes(s))];
  const sharedNames: string[] = [];
  let namesHit = 0;
  let namesAll = 0;
  for (const s of postNames) {
    const w = post.idf.get(s) ?? idf(stats, s);
    namesAll += w;
    if (cand.all.has(s)) {
      namesHit += w;
      sharedNames.push(s);
    }
  }
  set("namesShared", namesHit / 10);
  set("namesMissing", namesAll ? (namesAll - namesHit) / namesAll : 0);
  const candMissing = candNames.filter((s) => !post.idf.has(s)).length;
  set("candidateNamesMissing", candNames.length ? candMissing / candNames.length : 0);

  const figures = compareFigures(post.figures, [...cand.text.figures, ...cand.headline.figures]);
  set("figuresShared", Math.min(3, figures.shared.length));
  const years = figures.disagreeing.filter((d) => /^\d{4}$/.test(d.post) && /^\d{4}$/.test(d.candidate)).length;
  set("figuresDisagree", Math.min(3, figures.disagreeing.length - years));
  set("yearsDisagree", Math.min(3, years));

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
