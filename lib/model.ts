/**
 * The closed vocabularies of the Counterpoint model, shared by the database schema (CHECK
 * constraints), the zod schemas at the API edge and the UI. Pure: safe in the browser.
 */

export const SOURCE_KINDS = ["article", "report", "statement", "transcript", "social-post"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SPEAKER_KINDS = ["person", "organisation", "government", "other"] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** draft → in_review → published; in_review → returned → in_review; published | returned → archived. */
export const CLAIM_STATUSES = ["draft", "in_review", "returned", "published", "archived"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * Typed, directed links from one claim to another. `disputes` makes both ends contested; the
 * source of the link is the counter-claim, the supporter, the qualifier or the response.
 */
export const LINK_KINDS = ["disputes", "supports", "qualifies", "same-as", "responds-to"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const ANCHOR_STATES = ["anchored", "orphan"] as const;

/**
 * Why a claim waits in the editors' queue (kept by the database from its status, verdict and
 * disputes); quote_changed: a source revision moved its anchor onto words other than its quote.
 */
export const QUEUE_REASONS = ["quote_changed", "in_review", "returned", "contested"] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];
export type AnchorState = (typeof ANCHOR_STATES)[number];

export const EVIDENCE_STANCES = ["supports", "refutes", "context"] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

export const REVIEW_STATES = ["pending", "approved", "returned", "withdrawn"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ENTITY_TYPES = ["source", "speaker", "story", "claim", "link", "evidence", "review", "comment", "rating", "user", "token"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const LINK_LABELS: Record<LinkKind, { verb: string; inverse: string }> = {
  disputes: { verb: "disputes", inverse: "disputed by" },
  supports: { verb: "supports", inverse: "supported by" },
  qualifies: { verb: "qualifies", inverse: "qualified by" },
  "same-as": { verb: "same as", inverse: "same as" },
  "responds-to": { verb: "responds to", inverse: "answered by" },
};

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  returned: "Returned",
  published: "Published",
  archived: "Archived",
};

export const ROLES = ["factchecker", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Anonymous readers see only published claims. */
export type Viewer = { kind: "anonymous" } | { kind: "user"; id: string; name: string; role: Role };

export const ANONYMOUS: Viewer = { kind: "anonymous" };

/** Claim statuses a viewer may see: readers only published ones, staff every status. */
export function visibleStatuses(viewer: Viewer): readonly ClaimStatus[] {
  return viewer.kind === "anonymous" ? ["published"] : CLAIM_STATUSES;
}

/** What an import reads: schema.org ClaimReview, W3C Web Annotation, our CSV of claims, the LIAR TSV. */
export const IMPORT_FORMATS = ["claimreview", "web-annotation", "csv", "liar"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** queued → running → done | failed; done → undone. */
export const IMPORT_STATES = ["queued", "running", "done", "failed", "undone"] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** What an import did to one row it touched (kept so the import can be undone as a whole). */
export const IMPORT_RECORD_ACTIONS = ["create", "update"] as const;
export type ImportRecordAction = (typeof IMPORT_RECORD_ACTIONS)[number];
