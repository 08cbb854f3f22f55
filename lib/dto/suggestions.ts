/** Claim suggestions (staff): what the suggestion engine proposes in a source, and rejections. */
import type { SpeakerKind } from "../model";
import type { ClaimDTO } from "./claims";

/** A span of a source's current text (code points) with the words in it. */
export interface TextSpanDTO {
  start: number;
  end: number;
  text: string;
}

/**
 * A claim the suggestion engine (lib/suggest) proposes in a source: the content to record,
 * the source and cue of its attribution, the guessed speaker (an existing speaker when
 * `speakerId` is set, else proposed as new), its figures and its check-worthiness.
 */
export interface SuggestionDTO {
  content: TextSpanDTO;
  source: TextSpanDTO | null;
  cue: TextSpanDTO | null;
  speaker: {
    /** The name as guessed (the known speaker's name when matched). */
    name: string;
    kind: SpeakerKind;
    /** An existing speaker matched by name or alias, or null: proposed as a new speaker. */
    speakerId: number | null;
    /** The matched speaker's name as stored, or null. */
    speakerName: string | null;
  } | null;
  quantities: import("../suggest").Quantity[];
  /** Check-worthiness, 0..1, and its ingredients (see lib/suggest/README.md). */
  score: number;
  scoreParts: import("../suggest").ScoreParts;
  kind: import("../suggest").SuggestionKind;
  /** How sure the attribution is, 0..1, and its group (lib/suggest/rank.ts); the annotator ranks by it. */
  confidence: number;
  group: import("../suggest").ConfidenceGroup;
  /**
   * The claim text proposed on accepting: a normalised statement (quotation marks, an
   * interrupting attribution and a leading "that" removed; first-person pronouns of a quotation
   * resolved to the speaker). The quote (`content.text`) stays verbatim.
   */
  statement: string;
}

/** One chunk of a source's suggestions: those whose content starts in `range`. */
export interface SuggestionsPageDTO {
  items: SuggestionDTO[];
  /** The paragraph-aligned range read (code points); the next chunk starts at `range.end`. */
  range: { start: number; end: number };
  /** Length of the source's text in code points. */
  length: number;
  /** True when `range` reaches the end of the text. */
  done: boolean;
  /** Suggestions in this range left out because they were rejected before… */
  rejected: number;
  /** …or because a claim already covers their span… */
  claimed: number;
  /** …or because they are fragments, no claim on their own (under four words, "of X's plan"). */
  fragments: number;
}

/** A suggestion a fact-checker rejected for a source (kept by its words and position). */
export interface SuggestionRejectionDTO {
  id: number;
  sourceId: number;
  revision: number;
  start: number;
  end: number;
  exact: string;
  createdAt: string;
  /** False when the same rejection was already stored (the call is idempotent). */
  created: boolean;
}

/** A group of suggestions accepted in one transaction: the draft claims made, in the order given. */
export interface AcceptedSuggestionsDTO {
  items: ClaimDTO[];
}
