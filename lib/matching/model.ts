/**
 * The stage-2 model: a linear score over the features, plus a one-variable logistic calibration
 * turning the score into "how likely is this the fact-check the post repeats" for the strength
 * label. Weights come from weights.json, written by scripts/train-matching.ts from the training
 * split only. Pure.
 *
 * Invariant: a weights file is applied only when its feature list is exactly FEATURE_NAMES (in
 * order); anything else throws rather than silently scoring with misaligned weights.
 */
import { FEATURE_NAMES } from "./features";

export interface MatchWeights {
  /** Feature names, in FEATURE_NAMES order. */
  features: string[];
  weights: number[];
  bias: number;
  /** P(relevant) = 1 / (1 + exp(-(a · score + b))). */
  calibration: { a: number; b: number };
  /** How the file was made (script, split, options), for the record. */
  trainedOn?: string;
}

export function checkWeights(w: MatchWeights, names: readonly string[] = FEATURE_NAMES): MatchWeights {
  if (w.features.length !== names.length || w.features.some((f, i) => f !== names[i]) || w.weights.length !== names.length) {
    throw new Error(`matching weights are for features [${w.features.join(", ")}], not [${names.join(", ")}]: retrain with scripts/train-matching.ts`);
  }
  return w;
}

export function linearScore(w: MatchWeights, x: readonly number[]): number {
  let s = w.bias;
  for (let i = 0; i < x.length; i++) s += w.weights[i]! * x[i]!;
  return s;
}

export function probability(w: MatchWeights, score: number): number {
  return 1 / (1 + Math.exp(-(w.calibration.a * score + w.calibration.b)));
}
