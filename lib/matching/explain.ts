/**
 * "Why it matches", for the UI: the names, figures and phrases a post shares with a candidate,
 * the figures that disagree, and a strength label. Pure.
 *
 * Invariant: a candidate with a disagreeing figure ("53 centres" against "35 centres") is never
 * "strong", however high its score: at best "possible", for a person to judge.
 */
import { fieldSequence, type CandidateAnalysis } from "./analyse";
import type { PairDetail, PostAnalysis } from "./features";

export type Strength = "strong" | "possible" | "weak";

export interface Explanation {
  /** Names (as the post writes them) that the candidate mentions too. */
  sharedNames: string[];
  /** Figures (as the post writes them) that the candidate states too. */
  sharedFigures: string[];
  /** Runs of two or more consecutive words the post and the candidate's claim or headline share. */
  sharedPhrases: string[];
  /** Figures of the same kind that differ: post's value, candidate's value. */
  disagreeingFigures: { post: string; candidate: string }[];
}

/** Probability thresholds for the labels (calibrated on the training split; see README). */
export const STRONG_AT = 0.6;
export const POSSIBLE_AT = 0.2;

export function strengthOf(probability: number, explanation: Explanation): Strength {
  if (probability >= STRONG_AT && explanation.disagreeingFigures.length === 0) return "strong";
  return probability >= POSSIBLE_AT ? "possible" : "weak";
}

/** Longest runs of consecutive post stems found as consecutive stems of a field, as post words. */
function sharedRuns(post: PostAnalysis, field: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < post.stems.length - 1) {
    let best = 1;
    for (let j = 0; j < field.length; j++) {
      let n = 0;
      while (i + n < post.stems.length && j + n < field.length && post.stems[i + n] === field[j + n]) n++;
      if (n > best) best = n;
    }
    if (best >= 2) {
      out.push(post.words.slice(i, i + best).join(" "));
      i += best;
    } else i++;
  }
  return out;
}

/** The explanation of one pair; names and phrases read as the post wrote them. */
export function explainPair(post: PostAnalysis, cand: CandidateAnalysis, detail: PairDetail): Explanation {
  const phrases = [...sharedRuns(post, fieldSequence(cand, "text")), ...sharedRuns(post, fieldSequence(cand, "headline"))];
  const uniquePhrases = [...new Set(phrases)].filter((p, _i, all) => !all.some((q) => q !== p && q.includes(p)));
  const wordOf = new Map<string, string>();
  post.stems.forEach((s, i) => {
    const w = post.words[i]!;
    // Prefer a capitalised occurrence: "Pelosi" rather than "pelosi".
    if (!wordOf.has(s) || (/^\p{Lu}/u.test(w) && !/^\p{Lu}/u.test(wordOf.get(s)!))) wordOf.set(s, w);
  });
  return {
    sharedNames: detail.sharedNames.map((s) => wordOf.get(s) ?? s),
    sharedFigures: detail.figures.shared,
    sharedPhrases: uniquePhrases,
    disagreeingFigures: detail.figures.disagreeing,
  };
}
