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
