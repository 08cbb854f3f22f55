import "server-only";
import { and, eq, gt, isNotNull, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { claims } from "@/db/schema";
import type { ClaimDTO, Page, QueueItemDTO } from "@/lib/dto";
import type { QueueQuery } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { getClaimsByIds } from "./claim-query";
import { decodeCursorOf, toPage } from "./pagination";
import { linksOf, toLinks } from "./claims";
import { lastReturns, peopleByIds, pendingReviewsFor } from "./reviews";

/** How many counter-claims each contested claim in the queue shows (the rest: its page of links). */
export const OTHER_SIDE_SHOWN = 3;

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
  // The other side of each contested claim: its first few counter-claims (a claim may have
  // thousands), with how many there are; the rest are on the claim's page of links.
  const otherSides = new Map<number, { claims: ClaimDTO[]; count: number }>();
  for (const id of ids) {
    const disputes = linksOf(db, viewer, id, "disputes");
    const rows = await disputes.rows(OTHER_SIDE_SHOWN, null);
    const shown = (await toLinks(db, viewer, id, rows.map((r) => r.link))).map((l) => l.claim);
    otherSides.set(id, { claims: shown, count: rows.length < OTHER_SIDE_SHOWN ? rows.length : await disputes.count() });
  }
  const people = await peopleByIds(db, page.items.map((r) => r.assigneeId));
  const pending = await pendingReviewsFor(db, ids);
  const returns = await lastReturns(db, ids);
  const items: QueueItemDTO[] = page.items.map((r) => ({
    claim: byId.get(r.id)!,
    reason: r.reason!,
    pending: pending.get(r.id) ?? null,
    lastReturn: returns.get(r.id) ?? null,
    requests: r.requests,
    assignee: r.assigneeId ? people.get(r.assigneeId)! : null,
    otherSide: otherSides.get(r.id)!.claims,
    otherSideCount: otherSides.get(r.id)!.count,
  }));
  return { ...page, items };
}
