import "server-only";
import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claimLinks, claims, reviews } from "@/db/schema";
import type { ClaimDTO, Page, QueueItemDTO } from "@/lib/dto";
import type { QueueQuery } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { contestedExpr, getClaimsByIds } from "./claim-query";
import { decodeCursor, encodeCursor } from "./pagination";
import { lastReturns, listReviews, peopleByIds } from "./reviews";

/**
 * The editors' queue: claims in review, claims returned to their fact-checker, and contested
 * claims that have no verdict yet — most check requests first, then oldest first. Paged by
 * position (the order changes as requests arrive, so a keyset would skip items).
 */
export async function listQueue(db: Db, viewer: UserViewer, query: QueueQuery): Promise<Page<QueueItemDTO>> {
  const contested = sql`(${contestedExpr(viewer)} AND ${claims.ratingId} IS NULL AND ${claims.status} <> 'archived')`;
  const reasons: Record<string, SQL> = {
    in_review: sql`${claims.status} = 'in_review'`,
    returned: sql`${claims.status} = 'returned'`,
    contested,
  };
  const conditions: SQL[] = [query.filter === "all" ? or(reasons.in_review, reasons.returned, contested)! : reasons[query.filter]!];
  if (query.story) conditions.push(eq(claims.storyId, query.story));
  if (query.speaker) conditions.push(eq(claims.speakerId, query.speaker));
  if (query.assignee === "none") conditions.push(isNull(claims.assigneeId));
  else if (query.assignee === "me") conditions.push(eq(claims.assigneeId, viewer.id));
  else if (query.assignee) conditions.push(eq(claims.assigneeId, query.assignee));
  const offset = Number(decodeCursor(query.cursor)?.[1] ?? 0);
  const requests = sql<number>`(SELECT count(*) FROM check_requests r WHERE r.claim_id = "claims"."id")`.mapWith(Number);
  const rows = await db
    .select({ id: claims.id, status: claims.status, assigneeId: claims.assigneeId, requests })
    .from(claims)
    .where(and(...conditions))
    .orderBy(sql`${requests} DESC`, claims.createdAt, claims.id)
    .limit(query.limit + 1)
    .offset(offset);
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const byId = await getClaimsByIds(db, viewer, ids);
  const links = ids.length === 0 ? [] : await db.select().from(claimLinks).where(and(eq(claimLinks.kind, "disputes"), or(inArray(claimLinks.fromClaimId, ids), inArray(claimLinks.toClaimId, ids))));
  const others = await getClaimsByIds(db, viewer, links.flatMap((l) => [l.fromClaimId, l.toClaimId]));
  const people = await peopleByIds(db, page.map((r) => r.assigneeId));
  const hasReview = new Set(ids.length === 0 ? [] : (await db.select({ claimId: reviews.claimId }).from(reviews).where(inArray(reviews.claimId, ids))).map((r) => r.claimId));
  const returns = await lastReturns(db, ids);
  const items: QueueItemDTO[] = [];
  for (const r of page) {
    const reviewList = hasReview.has(r.id) ? await listReviews(db, r.id) : [];
    items.push({
      claim: byId.get(r.id)!,
      reason: r.status === "in_review" ? "in_review" : r.status === "returned" ? "returned" : "contested",
      pending: reviewList.find((v) => v.state === "pending") ?? null,
      lastReturn: returns.get(r.id) ?? null,
      requests: r.requests,
      assignee: r.assigneeId ? people.get(r.assigneeId)! : null,
      otherSide: links
        .filter((l) => l.fromClaimId === r.id || l.toClaimId === r.id)
        .map((l) => others.get(l.fromClaimId === r.id ? l.toClaimId : l.fromClaimId))
        .filter((c): c is ClaimDTO => c !== undefined),
    });
  }
  return { items, hasMore, nextCursor: hasMore ? encodeCursor([null, offset + query.limit]) : null };
}
