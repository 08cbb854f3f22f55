import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, events, reviews } from "@/db/schema";
import type { VerdictRecordDTO } from "@/lib/dto";
import { verdictPublishedAt } from "./feeds";
import { listEvidence, peopleByIds } from "./reviews";

/**
 * What a reader is shown of how a published verdict was reached (IFCN's transparency
 * principles: the sources, when, and who checked it), or null when the claim has no published
 * verdict. Nothing unpublished is in it: no proposal, no comment, and only the evidence the
 * published verdict was approved with.
 *
 * Evidence belongs to a claim, not to a proposal, so what was approved is read from the audit
 * log — one sequence for the whole database, so no clock is compared: the evidence created before
 * the claim's latest approval. Evidence added afterwards (with a newer proposal, or on its own)
 * waits for the next approval. A verdict that never went through the queue (an import) shows its
 * evidence, except any that came with a proposal still undecided.
 */
export async function getVerdictRecord(db: Db, claimId: number): Promise<VerdictRecordDTO | null> {
  const [claim] = await db.select({ status: claims.status, ratingId: claims.ratingId }).from(claims).where(eq(claims.id, claimId));
  if (!claim || claim.status !== "published" || claim.ratingId === null) return null;

  const claimReviews = await db.select().from(reviews).where(eq(reviews.claimId, claimId)).orderBy(desc(reviews.id));
  const [approval] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.entityType, "claim"), eq(events.entityId, String(claimId)), eq(events.action, "approve")))
    .orderBy(desc(events.id))
    .limit(1);
  let cutoff = approval?.id ?? Number.POSITIVE_INFINITY;
  if (!approval && claimReviews.length > 0) {
    const [firstProposal] = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.entityType, "review"), eq(events.action, "create"), inArray(events.entityId, claimReviews.map((r) => String(r.id)))))
      .orderBy(events.id)
      .limit(1);
    if (firstProposal) cutoff = firstProposal.id;
  }

  const all = await listEvidence(db, claimId);
  const created =
    all.length === 0
      ? []
      : await db
          .select({ id: events.id, entityId: events.entityId })
          .from(events)
          .where(and(eq(events.entityType, "evidence"), eq(events.action, "create"), inArray(events.entityId, all.map((e) => String(e.id)))));
  // Evidence with no creation event predates the audit log: it counts as published with the claim.
  const createdAt = new Map(created.map((c) => [Number(c.entityId), c.id]));
  const evidence = all.filter((e) => (createdAt.get(e.id) ?? 0) < cutoff);

  // Who proposed and who approved the verdict shown (when it came through the queue).
  const approved = claimReviews.find((r) => r.state === "approved");
  const reviewed = approved && approved.ratingId === claim.ratingId ? approved : null;
  const people = await peopleByIds(db, reviewed ? [reviewed.authorId, reviewed.decidedBy] : []);
  return {
    claimId,
    publishedAt: await verdictPublishedAt(db, claimId),
    checkedBy: reviewed ? people.get(reviewed.authorId)! : null,
    approvedBy: reviewed?.decidedBy ? people.get(reviewed.decidedBy)! : null,
    evidence,
  };
}
