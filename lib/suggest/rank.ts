/**
 * How sure the engine is of a suggestion (is this really who said what?), the groups the
 * annotator shows them in, and what is too small to propose. Confidence is not
 * check-worthiness (`score`): a sure attribution of a dull sentence is high confidence, low score.
 *
 * The ingredients and their weights are explained rules, and the eval prints the precision of
 * each group on PolNeAR (`npm run eval:attribution`), so that "high" keeps meaning something.
 */
import type { SuggestionKind } from "./types";

/** How the speaker was found: by its name in the source, through a pronoun or a description, or not. */
export type SpeakerVia = "name" | "antecedent" | "description" | "unresolved" | "none";

/** A quotation with its speaker's name is the surest; an evidential without a source the least. */
const KIND_WEIGHT: Record<SuggestionKind, number> = { "direct-quote": 1, "according-to": 0.95, indirect: 0.8, other: 0.55 };
const VIA_WEIGHT: Record<SpeakerVia, number> = { name: 1, antecedent: 0.85, description: 0.75, unresolved: 0.6, none: 0.45 };

export function confidenceOf(input: { kind: SuggestionKind; via: SpeakerVia; words: number }): number {
  // Short contents are more often a partial reading; very long ones often run past the claim.
  const length = input.words < 6 ? 0.8 : input.words > 80 ? 0.85 : 1;
  return Math.round(KIND_WEIGHT[input.kind] * VIA_WEIGHT[input.via] * length * 1000) / 1000;
}

export type ConfidenceGroup = "high" | "medium" | "low";

export const CONFIDENCE_GROUPS: { group: ConfidenceGroup; label: string; min: number }[] = [
  { group: "high", label: "High confidence", min: 0.75 },
  { group: "medium", label: "Medium confidence", min: 0.5 },
  { group: "low", label: "Low confidence", min: 0 },
];

export function groupOf(confidence: number): ConfidenceGroup {
  return CONFIDENCE_GROUPS.find((g) => confidence >= g.min)!.group;
}

interface Rankable {
  confidence: number;
  score: number;
  content: { start: number };
}

/** Most confident first; among equals the more check-worthy, then text order. */
export function rankSuggestions<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.content.start - b.content.start);
}

/** Ranked suggestions in their confidence groups (empty groups left out). */
export function groupSuggestions<T extends Rankable>(items: readonly T[]): { group: ConfidenceGroup; label: string; items: T[] }[] {
  const ranked = rankSuggestions(items);
  return CONFIDENCE_GROUPS.map(({ group, label }) => ({ group, label, items: ranked.filter((s) => groupOf(s.confidence) === group) })).filter((g) => g.items.length > 0);
}

const LEADING_PREPOSITION = /^[\s“"‘']*(of|about|for|on|in|with|against|at|by|as|over|from|into|toward|towards|regarding|between|among|than)\b/i;

const VERB_LIKE = /\b(is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|\w+ed|\w+s)\b/i;

/**
 * A fragment is no claim to propose: under three words ("the bill", "yes"), three words without
 * a verb ("Only you, Dinesh"), or a prepositional phrase left over from a noun or particle cue
 * ("of Mrs. Clinton's plan", "about the economy"). "Amnesty's report exaggerated" is a claim.
 */
export function isFragment(content: string): boolean {
  const words = content.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  return words < 3 || (words === 3 && !VERB_LIKE.test(content)) || LEADING_PREPOSITION.test(content);
}
