import type { ClaimDTO } from "./claims";

/** How sure the matcher is; a claim whose figures disagree with the text is never "strong". */
export type MatchStrength = "strong" | "possible" | "weak";

/** Why a claim matches a text, as the text writes it. */
export interface MatchReasonsDTO {
  sharedNames: string[];
  sharedFigures: string[];
  sharedPhrases: string[];
  /** The text's figure and the claim's, where they state different values of the same kind. */
  disagreeingFigures: { post: string; candidate: string }[];
}

/** A claim already recorded that the text may repeat ("Checked before?"). */
export interface MatchDTO {
  claim: ClaimDTO;
  strength: MatchStrength;
  /** Calibrated 0…1: how likely this is the check the text repeats. */
  probability: number;
  why: MatchReasonsDTO;
}
