/** Speakers: a reference, the full record, and the detail page's extras. */
import type { SpeakerKind } from "../model";

export interface SpeakerRef {
  id: number;
  name: string;
  kind: SpeakerKind;
}

export interface SpeakerDTO extends SpeakerRef {
  description: string | null;
  aliases: string[];
  affiliation: SpeakerRef | null;
  mergedIntoId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SpeakerDetailDTO extends SpeakerDTO {
  /** Speakers affiliated to this one (Amnesty's secretary-general, a government's spokesman). */
  affiliates: SpeakerRef[];
  claimCount: number;
  contestedCount: number;
}

/** The speaker a typed name means, and those close to it (GET /api/speakers/match). */
export interface SpeakerMatchDTO {
  exact: { id: number; name: string; aliases: string[] } | null;
  close: { id: number; name: string; aliases: string[] }[];
}
