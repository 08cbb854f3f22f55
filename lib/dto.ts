/**
 * The JSON shapes the API returns and server components render: plain objects, ISO-8601
 * timestamps as strings, calendar dates as YYYY-MM-DD, offsets in Unicode code points. The same
 * DTO comes from a server render and from a client refetch.
 */
import type { AnchorState, ClaimStatus, LinkKind, SourceKind, SpeakerKind } from "./model";

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null when this is the last one. */
  nextCursor: string | null;
  hasMore: boolean;
}

/** What re-anchoring did to a source's claims when its text was revised. */
export interface ReanchorReport {
  revision: number;
  /** Claims found in the new text (by position, exact or fuzzy match). */
  anchored: number;
  /** …of which at another place than before. */
  moved: number;
  /** …of which by an approximate match (the quote itself was edited). */
  fuzzy: number;
  /** Claims whose quote this revision removed: newly orphaned. */
  orphaned: number;
  /** Claims already orphaned by an earlier revision and still not found. */
  stillOrphaned: number;
  /** Earlier orphans whose quote this revision brought back. */
  reattached: number;
}

export interface RevisionDTO {
  revision: number;
  note: string | null;
  author: { id: string; name: string };
  createdAt: string;
  /** Length of the text in code points. */
  length: number;
}

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

export interface StoryRef {
  id: number;
  title: string;
}

export interface StoryDTO extends StoryRef {
  description: string | null;
  claimCount: number;
  firstStatedOn: string | null;
  lastStatedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SourceRef {
  id: number;
  title: string;
  kind: SourceKind;
  publisher: string | null;
  url: string | null;
  publishedOn: string | null;
}

export interface SourceSummaryDTO extends SourceRef {
  author: string | null;
  language: string;
  revision: number;
  claimCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SourceDTO extends SourceSummaryDTO {
  text: string;
  /** Length of `text` in code points (the unit of every anchor offset). */
  length: number;
}

export interface RatingDTO {
  id: number;
  key: string;
  label: string;
  description: string;
  colour: string;
  value: number | null;
  position: number;
}

/** W3C TextQuoteSelector + TextPositionSelector, in code points of the given revision. */
export interface AnchorDTO {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  revision: number;
  state: AnchorState;
}

export interface VerdictDTO {
  rating: RatingDTO;
  rationale: string | null;
}

export interface ClaimDTO {
  id: number;
  text: string;
  quote: string | null;
  status: ClaimStatus;
  statedOn: string | null;
  speaker: SpeakerRef & { affiliation: SpeakerRef | null };
  source: SourceRef | null;
  story: StoryRef | null;
  verdict: VerdictDTO | null;
  anchor: AnchorDTO | null;
  /** True when a `disputes` link touches this claim (visible to the viewer). */
  contested: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface LinkDTO {
  id: number;
  kind: LinkKind;
  /** outgoing: this claim → other; incoming: other → this claim. */
  direction: "outgoing" | "incoming";
  note: string | null;
  createdAt: string;
  claim: ClaimDTO;
}

export interface ClaimDetailDTO extends ClaimDTO {
  links: LinkDTO[];
  /** The quote in its source context (a few sentences around the span), when anchored. */
  context: { before: string; quote: string; after: string } | null;
}

/** A `disputes` link shown as two columns: the disputed claim and the counter-claim. */
export interface ContestedPairDTO {
  linkId: number;
  note: string | null;
  createdAt: string;
  claim: ClaimDTO;
  counter: ClaimDTO;
}

export interface TimelineDTO {
  story: StoryDTO;
  /** In stated-date order; undated claims last. */
  claims: ClaimDTO[];
  links: { id: number; kind: LinkKind; fromClaimId: number; toClaimId: number }[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; current?: unknown };
}

// ---- the editorial workflow (staff only) --------------------------------------------------

export interface PersonRef {
  id: string;
  name: string;
}

/** An editor sending a claim back: who, when, and what needs to change. */
export interface ReturnNoteDTO {
  by: PersonRef;
  at: string;
  comment: string;
}

export interface ReviewDTO {
  id: number;
  claimId: number;
  rating: RatingDTO;
  rationale: string;
  state: "pending" | "approved" | "returned" | "withdrawn";
  author: PersonRef;
  decidedBy: PersonRef | null;
  decisionComment: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface EvidenceDTO {
  id: number;
  stance: "supports" | "refutes" | "context";
  note: string;
  url: string | null;
  source: SourceRef | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  createdAt: string;
}

export interface CommentDTO {
  id: number;
  author: PersonRef;
  body: string;
  createdAt: string;
}

/** What staff see about a claim's review: proposals, evidence, discussion, requests, assignee. */
export interface EditorialDTO {
  claimId: number;
  reviews: ReviewDTO[];
  pending: ReviewDTO | null;
  /** The latest return, so the fact-checker sees why. */
  lastReturn: ReturnNoteDTO | null;
  evidence: EvidenceDTO[];
  comments: CommentDTO[];
  checkRequests: number;
  assignee: PersonRef | null;
}

export interface QueueItemDTO {
  claim: ClaimDTO;
  /** Why it is in the queue. */
  reason: "in_review" | "returned" | "contested";
  pending: ReviewDTO | null;
  lastReturn: ReturnNoteDTO | null;
  requests: number;
  assignee: PersonRef | null;
  /** For a contested claim: the claims on the other side of its disputes. */
  otherSide: ClaimDTO[];
}

// ---- claim suggestions (staff) --------------------------------------------------------------

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
  quantities: import("./suggest").Quantity[];
  /** Check-worthiness, 0..1, and its ingredients (see lib/suggest/README.md). */
  score: number;
  scoreParts: import("./suggest").ScoreParts;
  kind: import("./suggest").SuggestionKind;
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
  /** …or because a claim already covers their span. */
  claimed: number;
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

// ---- timelines and scorecards ---------------------------------------------------------------

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
  facets: { speakers: SpeakerRef[]; ratings: RatingDTO[] };
  /** How many claims the timeline holds before filtering (those the viewer may see). */
  total: number;
}

/** A story's timeline (a superset of the older TimelineDTO: story, claims, links). */
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
