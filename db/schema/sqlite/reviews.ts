import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { REVIEW_STATES } from "@/lib/model";
import { claims } from "./claims";
import { nowIso, oneOf, serialId } from "./columns";
import { ratings } from "./ratings";

/** A verdict proposed by a fact-checker, approved or returned by an editor. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    ratingId: integer("rating_id")
      .notNull()
      .references(() => ratings.id),
    rationale: text("rationale").notNull(),
    state: text("state", { enum: REVIEW_STATES }).notNull().default("pending"),
    authorId: text("author_id").notNull(),
    decidedBy: text("decided_by"),
    decisionComment: text("decision_comment"),
    decidedAt: text("decided_at"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [
    check("reviews_state_check", oneOf("state", REVIEW_STATES)),
    index("reviews_claim_idx").on(t.claimId, t.createdAt),
    index("reviews_rating_idx").on(t.ratingId),
    index("reviews_state_idx").on(t.state, t.createdAt),
  ],
);

/** Discussion between fact-checker and editor on a claim. */
export const comments = sqliteTable(
  "comments",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    authorId: text("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [check("comments_body_check", sql`length(trim(body)) > 0`), index("comments_claim_idx").on(t.claimId, t.createdAt)],
);

/** A reader's request that a claim be checked; counts rank the review queue. */
export const checkRequests = sqliteTable(
  "check_requests",
  {
    id: serialId(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    reason: text("reason").notNull(),
    /** A salted hash of the requester (user id or client address), for rate limiting; never the address itself. */
    requester: text("requester").notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [index("check_requests_claim_idx").on(t.claimId), index("check_requests_requester_idx").on(t.requester, t.createdAt)],
);
