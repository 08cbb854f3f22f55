/**
 * Check-worthiness: how much a suggested claim is worth a fact-checker's time, from explained
 * ingredients (each 0..1) — figures and comparisons can be checked against data, names can be
 * checked against records, an identified speaker can be held to the claim, hedged or
 * speculative wording ("may", "reportedly", "hopes") is harder to hold anyone to.
 */
import type { ScoreParts, SuggestionKind } from "./types";

const COMPARISON = /\b(more|less|fewer|than|most|least|largest|biggest|highest|lowest|best|worst|record|increase[sd]?|decrease[sd]?|rise|rose|fell|fall(?:en)?|drop(?:ped)?|doubled?|tripled?|twice|half|compared|outnumber\w*|\w{3,}est)\b/gi;
const HEDGE = /\b(may|might|could|would|possibly|perhaps|probably|reportedly|allegedly|apparently|likely|unlikely|seems?|seemed|appears?|appeared|suggests?|believes?|thinks?|hopes?|expects?|wants?|plans?|if)\b/gi;
// Superlative-looking words that are not comparisons.
const NOT_SUPERLATIVE = new Set(["interest", "protest", "request", "suggest", "test", "west", "rest", "best", "guest", "honest", "modest", "arrest", "earnest", "forest", "latest", "contest", "priest", "invest", "manifest", "harvest", "digest", "chest", "nest", "quest", "attest", "arrest"]);

export interface ScoreInput {
  text: string;
  quantities: number;
  namedEntities: number;
  kind: SuggestionKind;
  speaker: "named" | "resolved" | "unresolved" | "none";
}

export function scoreClaim(input: ScoreInput): { score: number; parts: ScoreParts } {
  let comparisons = 0;
  for (const m of input.text.matchAll(COMPARISON)) {
    const w = m[0].toLowerCase();
    if (/est$/.test(w) && NOT_SUPERLATIVE.has(w) && w !== "best") continue;
    comparisons++;
  }
  const hedges = [...input.text.matchAll(HEDGE)].length;
  const words = input.text.split(/\s+/).filter(Boolean).length;
  const parts: ScoreParts = {
    quantities: Math.min(1, 0.6 * input.quantities),
    comparisons: Math.min(1, 0.4 * comparisons),
    namedEntities: Math.min(1, 0.25 * input.namedEntities),
    attribution: { named: 1, resolved: 0.8, unresolved: 0.4, none: 0.1 }[input.speaker] * (input.kind === "other" ? 0.5 : 1),
    hedges: Math.min(1, 0.35 * hedges),
  };
  let score = 0.1 + 0.35 * parts.quantities + 0.15 * parts.comparisons + 0.15 * parts.namedEntities + 0.25 * parts.attribution - 0.2 * parts.hedges;
  // A two-word content ("the bill", "yes") is rarely a checkable claim on its own.
  if (words < 4) score *= 0.5;
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, parts };
}
