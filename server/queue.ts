import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { claimLinks, claims } from "@/db/schema";
import type { ClaimDTO, Page, QueueItemDTO } from "@/lib/dto";
import type { QueueQuery } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { getClaimsByIds } from "./claim-query";
import { decodeCursorOf, toPage } from "./pagination";
import { lastReturns, listReviewsFor, peopleByIds } from "./reviews";

/** The queue's order and cursor: most check requests first, then oldest, then id. */
const queueCursor = z.tuple([z.number().int().min(0), z.string(), z.number().int().refine(Number.isSafeInteger)]);

/**
 * The editors' queue: claims in review, claims returned to their fact-checker, and contested
 * claims that have no verdict yet (the `queue_reason` the database keeps on each claim) — most
 * check requests first, then oldest first. Keyset-paged on that order: a claim that gains
 * requests while an editor pages moves up, onto a page already seen, rather than shifting every
 * later page by one.
 */
export async function listQueue(db: Db, viewer: UserViewer, query: QueueQuery): Promise<Page<QueueItemDTO>> {
  const conditions: SQL[] = [query.filter === "all" ? isNotNull(claims.queueReason) : eq(claims.queueReason, query.filter)];
  if (query.story) conditions.push(eq(claims.storyId, query.story));
  if (query.speaker) conditions.push(eq(claims.speakerId, query.speaker));
  if (query.assignee === "none") conditions.push(isNull(claims.assigneeId));
  else if (query.assignee === "me") conditions.push(eq(claims.assigneeId, viewer.id));
  else if (query.assignee) conditions.push(eq(claims.assigneeId, query.assignee));
  const cursor = decodeCursorOf(query.cursor, queueCursor);
  if (cursor) {
    const [requests, createdAt, id] = cursor;
    // The first term bounds the index range; the rest places the cursor inside it.
    conditions.push(lte(claims.requestCount, requests));
    conditions.push(
      or(
        lt(claims.requestCount, requests),
        and(eq(claims.requestCount, requests), or(gt(claims.createdAt, createdAt), and(eq(claims.createdAt, createdAt), gt(claims.id, id)))),
      )!,
    );
  }
  const rows = await db
    .select({ id: claims.id, reason: claims.queueReason, assigneeId: claims.assigneeId, requests: claims.requestCount, createdAt: claims.createdAt })
    .from(claims)
    .where(and(...conditions))
    .orderBy(sql`${claims.requestCount} DESC NULLS LAST`, claims.createdAt, claims.id)
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => r, (r) => [r.requests, r.createdAt, r.id]);
  const ids = page.items.map((r) => r.id);
  const byId = await getClaimsByIds(db, viewer, ids);
  const links = ids.length === 0 ? [] : await db.select().from(claimLinks).where(and(eq(claimLinks.kind, "disputes"), or(inArray(claimLinks.fromClaimId, ids), inArray(claimLinks.toClaimId, ids))));
  const others = await getClaimsByIds(db, viewer, links.flatMap((l) => [l.fromClaimId, l.toClaimId]));
  const people = await peopleByIds(db, page.items.map((r) => r.assigneeId));
  const reviewsByClaim = await listReviewsFor(db, ids);
  const returns = await lastReturns(db, ids);
  const items: QueueItemDTO[] = page.items.map((r) => ({
    claim: byId.get(r.id)!,
    reason: r.reason!,
    pending: reviewsByClaim.get(r.id)?.find((v) => v.state === "pending") ?? null,
    lastReturn: returns.get(r.id) ?? null,
    requests: r.requests,
    assignee: r.assigneeId ? people.get(r.assigneeId)! : null,
    otherSide: links
      .filter((l) => l.fromClaimId === r.id || l.toClaimId === r.id)
      .map((l) => others.get(l.fromClaimId === r.id ? l.toClaimId : l.fromClaimId))
      .filter((c): c is ClaimDTO => c !== undefined),
  }));
  return { ...page, items };
}
