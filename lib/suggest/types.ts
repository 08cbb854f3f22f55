/**
 * Public types of the claim-suggestion engine. All offsets are Unicode code points of the
 * analysed text (end exclusive), like every offset Counterpoint stores or sends.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Quantity {
  start: number;
  end: number;
  text: string;
  /** Numeric value (fractions and "X out of Y" as a ratio, e.g. 0.667), null for vague ones ("dozens"). */
  value: number | null;
  /** "%", "USD", "EUR", "fraction", "year" …, null for a bare count. */
  unit: string | null;
  /** What is counted: "scam centers", "people"; null when nothing follows the number. */
  counted: string | null;
  /** Hedged by "about", "nearly", "an estimated" …, or vague ("dozens"). */
  approximate: boolean;
  comparator: "more-than" | "less-than" | "up-to" | "about" | null;
}

export type SpeakerKind = "person" | "organisation" | "government" | "other";

export interface SpeakerGuess {
  /** Canonical name of the resolved speaker, e.g. "Amnesty International". */
  name: string;
  kind: SpeakerKind;
  /** The named mention the source was resolved to (may differ from the source span). */
  mention: Span | null;
  /** Id of a known Counterpoint speaker matched by name or alias, else null (proposed as new). */
  speakerId: number | null;
}

export type SuggestionKind = "direct-quote" | "indirect" | "according-to" | "other";

export interface ScoreParts {
  quantities: number;
  comparisons: number;
  namedEntities: number;
  attribution: number;
  hedges: number;
}

export interface Suggestion {
  content: Span;
  source: Span | null;
  cue: Span | null;
  speaker: SpeakerGuess | null;
  quantities: Quantity[];
  /** Check-worthiness, 0..1. */
  score: number;
  scoreParts: ScoreParts;
  kind: SuggestionKind;
  /** How sure the attribution is (kind, how the speaker was found, length), 0..1; see rank.ts. */
  confidence: number;
}

export interface KnownSpeaker {
  id: number;
  name: string;
  aliases: string[];
}

export interface SuggestOptions {
  knownSpeakers?: KnownSpeaker[];
}
