import { sql } from "drizzle-orm";
import { timelineOrder } from "../timeline-order";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ANCHOR_STATES, CLAIM_STATUSES, EVIDENCE_STANCES, LINK_KINDS, QUEUE_REASONS } from "@/lib/model";
import { users } from "./auth";
import { bool, computed, isoDateCheck, nowIso, oneOf, serialId, versioned } from "./columns";
import { ratings } from "./ratings";
import { sources } from "./sources";
import { speakers } from "./speakers";
import { stories } from "./stories";

/**
 * One assertion. A claim made in a source carries a W3C Web Annotation anchor: a
 * TextQuoteSelector (anchor_exact/prefix/suffix) and a TextPositionSelector (anchor_start/end,
 * in Unicode code points of the source text at revision anchor_revision). A claim whose span
 * cannot be re-found after a revision keeps its last anchor with anchor_state = 'orphan'.
 */
export const claims = sqliteTable(
  "claims",
  {
    id: serialId(),
    text: text("text").notNull(),
    quote: text("quote"),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id),
    sourceId: integer("source_id").references(() => sources.id),
    storyId: integer("story_id").references(() => stories.id),
    statedOn: text("stated_on"),
    status: text("status", { enum: CLAIM_STATUSES }).notNull().default("draft"),
    ratingId: integer("rating_id").references(() => ratings.id),
    rationale: text("rationale"),
    publishedAt: text("published_at"),
    anchorExact: text("anchor_exact"),
    anchorPrefix: text("anchor_prefix"),
    anchorSuffix: text("anchor_suffix"),
    anchorStart: integer("anchor_start"),
    anchorEnd: integer("anchor_end"),
    anchorRevision: integer("anchor_revision"),
    anchorState: text("anchor_state", { enum: ANCHOR_STATES }),
    /** Who is working on the claim (a fact-checker or an editor); set from the review queue. */
    assigneeId: text("assignee_id").references(() => users.id),
    /**
     * Kept by the database (migration triggers) from the claim_links, so lists and the queue need
     * no count per row: `disputes` links touching the claim, and those whose other claim is
     * published (what a reader sees as contested).
     */
    disputeCount: integer("dispute_count").notNull().default(0),
    publicDisputeCount: integer("public_dispute_count").notNull().default(0),
    /** Readers' check requests (kept by server/editorial.ts with each request). */
    requestCount: integer("request_count").notNull().default(0),
    /** When the verdict shown was published: the feeds' order (set with the verdict). */
    verdictAt: text("verdict_at"),
    /**
     * Why the claim waits in the editors' queue, or NULL: computed from status, verdict and disputes,
     * and first of all a quote that no longer equals its anchored span (a revision changed the words).
     */
    queueReason: computed(
      text("queue_reason", { enum: QUEUE_REASONS }),
      sql`CASE WHEN anchor_state = 'anchored' AND quote IS NOT NULL AND quote <> anchor_exact AND status <> 'archived' THEN 'quote_changed' WHEN status = 'in_review' THEN 'in_review' WHEN status = 'returned' THEN 'returned' WHEN dispute_count > 0 AND rating_id IS NULL AND status <> 'archived' THEN 'contested' END`,
    ),
    ...versioned(),
  },
  (t) => [
    check("claims_status_check", oneOf("status", CLAIM_STATUSES)),
    check("claims_text_check", sql`length(trim(text)) > 0`),
    check("claims_stated_on_check", isoDateCheck("stated_on")),
    check("claims_anchor_state_check", sql`anchor_state IS NULL OR ${oneOf("anchor_state", ANCHOR_STATES)}`),
    // An anchor is all-or-nothing, needs a source, and spans at least one code point.
    check(
      "claims_anchor_check",
      sql`(anchor_state IS NULL AND anchor_exact IS NULL AND anchor_start IS NULL AND anchor_end IS NULL)
        OR (anchor_state IS NOT NULL AND source_id IS NOT NULL AND anchor_exact IS NOT NULL AND length(anchor_exact) > 0
            AND anchor_prefix IS NOT NULL AND anchor_suffix IS NOT NULL AND anchor_revision IS NOT NULL
            AND anchor_start >= 0 AND anchor_end > anchor_start)`,
    ),
    // Lists by speaker or story, newest first, and timelines (undated claims last), for readers
    // and staff alike: a page is read in index order, status checked from the index, nothing sorted.
    index("claims_speaker_created_idx").on(t.speakerId, t.createdAt, t.id, t.status),
    index("claims_story_created_idx").on(t.storyId, t.createdAt, t.id, t.status),
    index("claims_speaker_timeline_idx").on(t.speakerId, timelineOrder(t.statedOn), t.createdAt, t.id, t.status),
    index("claims_story_timeline_idx").on(t.storyId, timelineOrder(t.statedOn), t.createdAt, t.id, t.status),
    // A speaker's counts and scorecard, and a story's span and speakers, from an index alone.
    index("claims_scorecard_idx").on(t.speakerId, t.status, t.ratingId, t.publicDisputeCount, t.disputeCount),
    index("claims_story_span_idx").on(t.storyId, t.status, t.speakerId, t.statedOn),
    // The contested board's story and speaker choices: the contested claims alone.
    index("claims_contested_idx").on(t.storyId, t.speakerId, t.status, t.publicDisputeCount).where(sql`dispute_count > 0`),
    index("claims_source_idx").on(t.sourceId),
    // The whole-site annotation export pages through anchored claims source by source.
    index("claims_anchored_source_idx").on(t.sourceId, t.id).where(sql`anchor_state = 'anchored'`),
    index("claims_status_created_idx").on(t.status, t.createdAt, t.id),
    // The queue, most requested first then oldest: all of it, and by reason.
    index("claims_queue_idx").on(sql`${t.requestCount} DESC`, t.createdAt, t.id).where(sql`queue_reason IS NOT NULL`),
    index("claims_queue_reason_idx").on(t.queueReason, sql`${t.requestCount} DESC`, t.createdAt, t.id).where(sql`queue_reason IS NOT NULL`),
    index("claims_queue_story_idx").on(t.storyId, sql`${t.requestCount} DESC`, t.createdAt, t.id).where(sql`queue_reason IS NOT NULL`),
    index("claims_queue_speaker_idx").on(t.speakerId, sql`${t.requestCount} DESC`, t.createdAt, t.id).where(sql`queue_reason IS NOT NULL`),
    index("claims_queue_assignee_idx").on(t.assigneeId, sql`${t.requestCount} DESC`, t.createdAt, t.id).where(sql`queue_reason IS NOT NULL`),
    // The verdict feeds, newest verdict first: site-wide, a story's, a speaker's.
    index("claims_verdict_at_idx").on(t.status, t.verdictAt, t.id).where(sql`rating_id IS NOT NULL`),
    index("claims_story_verdict_at_idx").on(t.storyId, t.status, t.verdictAt, t.id).where(sql`rating_id IS NOT NULL`),
    index("claims_speaker_verdict_at_idx").on(t.speakerId, t.status, t.verdictAt, t.id).where(sql`rating_id IS NOT NULL`),
    index("claims_rating_idx").on(t.ratingId),
    index("claims_created_at_idx").on(t.createdAt, t.id),
    index("claims_stated_on_idx").on(t.statedOn),
    index("claims_assignee_idx").on(t.assigneeId),
  ],
);

/**
 * A typed, directed link between two claims. The database refuses self-links and a second
 * link of the same kind between the same two claims in either direction.
 */
export const claimLinks = sqliteTable(
  "claim_links",
  {
    id: serialId(),
    fromClaimId: integer("from_claim_id")
      .notNull()
      .references(() => claims.id),
    toClaimId: integer("to_claim_id")
      .notNull()
      .references(() => claims.id),
    kind: text("kind", { enum: LINK_KINDS }).notNull(),
    note: text("note"),
    createdBy: text("created_by").notNull().default("system"),
    createdAt: text("created_at").notNull().default(nowIso),
    /**
     * Kept by the database (migration triggers) from the two claims: each end's story and
     * speaker, and whether both ends are published (a pair a reader may see). The contested
     * board filtered by a story or a speaker reads its page from one index in the page's order.
     */
    fromStoryId: integer("from_story_id"),
    toStoryId: integer("to_story_id"),
    fromSpeakerId: integer("from_speaker_id"),
    toSpeakerId: integer("to_speaker_id"),
    bothPublished: bool("both_published").notNull().default(false),
  },
  (t) => [
    check("claim_links_kind_check", oneOf("kind", LINK_KINDS)),
    check("claim_links_no_self_link", sql`from_claim_id <> to_claim_id`),
    // The unique index over the unordered pair, (min(from,to), max(from,to), kind), is an
    // expression index drizzle-kit cannot emit; it lives in migration 0001_constraints.sql.
    index("claim_links_from_kind_idx").on(t.fromClaimId, t.kind),
    index("claim_links_to_kind_idx").on(t.toClaimId, t.kind),
    index("claim_links_kind_created_idx").on(t.kind, t.createdAt),
    // The contested board by story or speaker: the disputes whose disputed (to) or counter (from)
    // claim is in it, newest first, a reader's pairs told apart within the index.
    index("claim_links_disputes_to_story_idx").on(t.toStoryId, t.createdAt, t.id, t.bothPublished).where(sql`kind = 'disputes'`),
    index("claim_links_disputes_from_story_idx").on(t.fromStoryId, t.createdAt, t.id, t.bothPublished).where(sql`kind = 'disputes'`),
    index("claim_links_disputes_to_speaker_idx").on(t.toSpeakerId, t.createdAt, t.id, t.bothPublished).where(sql`kind = 'disputes'`),
    index("claim_links_disputes_from_speaker_idx").on(t.fromSpeakerId, t.createdAt, t.id, t.bothPublished).where(sql`kind = 'disputes'`),
  ],
);

/** Evidence for or against a claim: a span of another source, or a URL, with a stance. */
export const evidence = sqliteTable(
  "evidence",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    sourceId: integer("source_id").references(() => sources.id),
    url: text("url"),
    stance: text("stance", { enum: EVIDENCE_STANCES }).notNull(),
    note: text("note").notNull().default(""),
    anchorExact: text("anchor_exact"),
    anchorPrefix: text("anchor_prefix"),
    anchorSuffix: text("anchor_suffix"),
    anchorStart: integer("anchor_start"),
    anchorEnd: integer("anchor_end"),
    createdBy: text("created_by").notNull().default("system"),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [
    check("evidence_stance_check", oneOf("stance", EVIDENCE_STANCES)),
    check("evidence_target_check", sql`source_id IS NOT NULL OR url IS NOT NULL`),
    check("evidence_anchor_check", sql`anchor_start IS NULL OR (source_id IS NOT NULL AND anchor_start >= 0 AND anchor_end > anchor_start)`),
    index("evidence_claim_idx").on(t.claimId, t.createdAt),
    index("evidence_source_idx").on(t.sourceId),
  ],
);
