/** The editorial workflow (staff only): reviews, evidence, comments, returns, the review queue. */
import type { QueueReason } from "../model";
import type { ClaimDTO, RatingDTO } from "./claims";
import type { SourceRef } from "./sources";

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

/**
 * What readers are shown of how a published verdict was reached: when it was published, who
 * proposed it and which editor approved it (null for a verdict that did not come through the
 * review queue, such as an import), and the evidence it was approved with.
 */
export interface VerdictRecordDTO {
  claimId: number;
  publishedAt: string;
  checkedBy: PersonRef | null;
  approvedBy: PersonRef | null;
  evidence: EvidenceDTO[];
}

export interface CommentDTO {
  id: number;
  author: PersonRef;
  body: string;
  createdAt: string;
}

/**
 * What staff see about a claim's review: proposals, evidence, discussion, requests, assignee.
 * The lists hold the newest few (newest first); `counts` says how many there are in all.
 */
export interface EditorialDTO {
  claimId: number;
  reviews: ReviewDTO[];
  pending: ReviewDTO | null;
  /** The latest return, so the fact-checker sees why. */
  lastReturn: ReturnNoteDTO | null;
  evidence: EvidenceDTO[];
  comments: CommentDTO[];
  counts: { reviews: number; evidence: number; comments: number };
  checkRequests: number;
  assignee: PersonRef | null;
}

export interface QueueItemDTO {
  claim: ClaimDTO;
  /** Why it is in the queue. */
  reason: QueueReason;
  pending: ReviewDTO | null;
  lastReturn: ReturnNoteDTO | null;
  requests: number;
  assignee: PersonRef | null;
  /** For a contested claim: the first few claims on the other side of its disputes… */
  otherSide: ClaimDTO[];
  /** …and how many there are in all. */
  otherSideCount: number;
}
