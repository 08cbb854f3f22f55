import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { checkRequests, claims, reviews, users } from "@/db/schema";
import type { EditorialDTO, PersonRef } from "@/lib/dto";
import { NotFoundError, RateLimitError, ValidationError } from "@/lib/errors";
import { type Viewer, visibleStatuses } from "@/lib/model";
import { authSecret } from "./auth";
import type { UserViewer } from "./authz";
import { recordEvent } from "./events";
import { commentsPage, EDITORIAL_SHOWN, evidencePage, lastReturns, latestReviews, peopleByIds, pendingReviewsFor } from "./reviews";
import { checkVersion, nowIso } from "./write-support";

/**
 * What staff see of a claim's review. Its lists are capped: the newest EDITORIAL_SHOWN reviews,
 * evidence items and comments, with how many there are in all (`counts`); the rest of the
 * evidence and comments come a page at a time (GET /api/claims/{id}/evidence and …/comments, the
 * page /claims/{id}/editorial). Check requests are only counted.
 */
export async function getEditorial(db: Db, claimId: number): Promise<EditorialDTO> {
  const [claim] = await db.select({ id: claims.id, assigneeId: claims.assigneeId }).from(claims).where(eq(claims.id, claimId));
  if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
  const reviewList = await latestReviews(db, claimId, EDITORIAL_SHOWN);
  const reviewTotal = reviewList.length < EDITORIAL_SHOWN ? reviewList.length : ((await db.select({ n: count() }).from(reviews).where(eq(reviews.claimId, claimId)))[0]?.n ?? 0);
  const [requests] = await db.select({ n: count() }).from(checkRequests).where(eq(checkRequests.claimId, claimId));
  const evidence = await evidencePage(db, claimId, { limit: EDITORIAL_SHOWN });
  const comments = await commentsPage(db, claimId, { limit: EDITORIAL_SHOWN });
  return {
    claimId,
    reviews: reviewList,
    pending: (await pendingReviewsFor(db, [claimId])).get(claimId) ?? null,
    lastReturn: (await lastReturns(db, [claimId])).get(claimId) ?? null,
    evidence: evidence.items,
    comments: comments.items,
    counts: { reviews: reviewTotal, evidence: evidence.total, comments: comments.total },
    checkRequests: requests?.n ?? 0,
    assignee: claim.assigneeId ? (await peopleByIds(db, [claim.assigneeId])).get(claim.assigneeId)! : null,
  };
}

/** Requests one client may make per hour, and per claim per day. */
const REQUESTS_PER_HOUR = 5;

/**
 * A reader asks for a claim to be checked. The requester is kept only as a salted hash (of the
 * user id, or of the address for anonymous readers), enough to limit each to a few requests an
 * hour and one per claim a day.
 */
export async function requestCheck(db: Db, viewer: Viewer, claimId: number, reason: string, address: string): Promise<{ claimId: number; requests: number }> {
  const requester = createHash("sha256")
    .update(`${await authSecret(db)}:${viewer.kind === "user" ? `user:${viewer.id}` : `ip:${address}`}`)
    .digest("hex");
  return withTx(db, async (tx) => {
    const [claim] = await tx.select({ id: claims.id, status: claims.status }).from(claims).where(eq(claims.id, claimId));
    if (!claim || !visibleStatuses(viewer).includes(claim.status)) throw new NotFoundError(`No claim with id ${claimId}.`);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    const [recent] = await tx.select({ n: count() }).from(checkRequests).where(and(eq(checkRequests.requester, requester), gte(checkRequests.createdAt, hourAgo)));
    if (recent!.n >= REQUESTS_PER_HOUR) throw new RateLimitError("You have asked for several checks in the last hour; please try again later.");
    const [again] = await tx
      .select({ n: count() })
      .from(checkRequests)
      .where(and(eq(checkRequests.requester, requester), eq(checkRequests.claimId, claimId), gte(checkRequests.createdAt, dayAgo)));
    if (again!.n > 0) throw new RateLimitError("You already asked for this claim to be checked today.");
    const [row] = await tx.insert(checkRequests).values({ claimId, reason, requester }).returning();
    await recordEvent(tx, { actor: viewer.kind === "user" ? viewer.id : "anonymous", entityType: "claim", entityId: claimId, action: "check-request", after: { requestId: row!.id, reason }, comment: reason });
    const [requests] = await tx.select({ n: count() }).from(checkRequests).where(eq(checkRequests.claimId, claimId));
    return { claimId, requests: requests!.n };
  });
}

/** Assigns a claim to a fact-checker or editor (or clears the assignee). */
export async function assignClaim(db: Db, viewer: UserViewer, claimId: number, input: { assigneeId: string | null; version: number }): Promise<EditorialDTO> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(claims).where(eq(claims.id, claimId));
    const before = checkVersion(row, input.version, `claim with id ${claimId}`, () => getEditorial(db, claimId));
    if (input.assigneeId !== null) {
      const [user] = await tx.select({ active: users.active }).from(users).where(eq(users.id, input.assigneeId));
      if (!user || !user.active) throw new ValidationError("No active user with that id.", { assigneeId: "no such active user" });
    }
    const [after] = await tx.update(claims).set({ assigneeId: input.assigneeId, version: before.version + 1, updatedAt: nowIso() }).where(eq(claims.id, claimId)).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claimId, action: "assign", before, after });
  });
  return getEditorial(db, claimId);
}

/** Active staff who can be assigned claims. */
export async function listAssignees(db: Db): Promise<PersonRef[]> {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).orderBy(users.name);
}
