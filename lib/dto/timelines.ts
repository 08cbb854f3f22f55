/** Timelines (a story's, a speaker's) and speakers' scorecards. */
import type { LinkKind } from "../model";
import type { ClaimDTO, RatingDTO } from "./claims";
import type { FacetDTO } from "./common";
import type { SpeakerDetailDTO } from "./speakers";
import type { StoryDTO } from "./stories";

/** The filters a timeline was read with, normalised (null = not filtered). */
export interface TimelineFiltersDTO {
  /** Lanes by speaker, or by side of the disputes (a presentation choice, echoed for clients). */
  by: "speaker" | "side";
  speaker: number | null;
  /** A rating key of the default scale, or "none" for claims without a verdict. */
  verdict: string | null;
  /** YYYY-MM-DD, inclusive; a date range leaves undated claims out. */
  from: string | null;
  to: string | null;
}

export interface TimelineLinkDTO {
  id: number;
  kind: LinkKind;
  fromClaimId: number;
  toClaimId: number;
}

export interface TimelineViewDTO {
  /** The claims that match the filters, in stated-date order (same day: recorded order); undated last. */
  claims: ClaimDTO[];
  /**
   * Claims outside `claims` that dispute, or respond to, one of them (or that they dispute or
   * respond to), so each exchange is shown whole; same order.
   */
  context: ClaimDTO[];
  /** Every link between two claims of `claims` ∪ `context`. */
  links: TimelineLinkDTO[];
  filters: TimelineFiltersDTO;
  /** What the filter form offers: the speakers of the timeline and the default scale's verdicts. */
  facets: { speakers: FacetDTO; ratings: RatingDTO[] };
  /** How many claims the timeline holds before filtering (those the viewer may see). */
  total: number;
  /**
   * `claims` is one page of the claims that match: `matched` in all, the first shown at position
   * `first` (from 1); `next` and `previous` are the cursors (`after`, `before`) of the pages on
   * either side, null at an end.
   */
  page: { size: number; matched: number; first: number; next: string | null; previous: string | null };
}

/** A story's timeline: its claims in stated order (a page of them), context and links. */
export interface StoryTimelineDTO extends TimelineViewDTO {
  story: StoryDTO;
}

export interface SpeakerTimelineDTO extends TimelineViewDTO {
  speaker: SpeakerDetailDTO;
}

/**
 * A speaker's record: their published verdicts per rating of the default scale, in scale order.
 * Only published claims count, for every viewer, so the numbers are the same for all.
 */
export interface ScorecardDTO {
  speakerId: number;
  /** Published claims by the speaker. */
  claims: number;
  /** …of which a published claim disputes, or that dispute a published claim. */
  contested: number;
  /** …of which without a verdict. */
  unrated: number;
  ratings: { rating: RatingDTO; count: number }[];
  /** Staff only: the speaker's claims that are not published (drafts, in review, returned, archived); null for readers. */
  unpublished: number | null;
}
