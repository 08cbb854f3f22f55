import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claimLinks, claims } from "@/db/schema";
import type { ClaimDetailDTO } from "@/lib/dto";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { LINK_LABELS } from "@/lib/model";
import type { CreateLinkInput } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { insertClaim } from "./claims-write";
import { getClaimDetail } from "./claims";
import { recordEvent } from "./events";
import { IMMEDIATE } from "./write-support";

/**
 * Links claim `id` to another claim — an existing one, or one made on the spot in the same
 * transaction. Self-links and a second link of the same kind between the same two claims are
 * refused here with a clear message (and by the database, should anything slip past).
 */
export function createLink(db: Db, viewer: UserViewer, id: number, input: CreateLinkInput): ClaimDetailDTO & { linkId: number } {
  const linkId = db.transaction((tx) => {
    const claim = tx.select({ id: claims.id, status: claims.status }).from(claims).where(eq(claims.id, id)).get();
    if (!claim) throw new NotFoundError(`No claim with id ${id}.`);
    const targetId = input.targetClaim ? insertClaim(tx, viewer, input.targetClaim, "targetClaim.").id : input.targetClaimId!;
    if (!input.targetClaim && !tx.select({ id: claims.id }).from(claims).where(eq(claims.id, targetId)).get()) {
      throw new ValidationError(`No claim with id ${targetId}.`, { targetClaimId: "no such claim" });
    }
    if (targetId === id) throw new ValidationError("A claim cannot be linked to itself.", { targetClaimId: "must be another claim" });
    const [fromClaimId, toClaimId] = input.direction === "incoming" ? [targetId, id] : [id, targetId];
    const existing = tx
      .select({ id: claimLinks.id })
      .from(claimLinks)
      .where(
        and(
          eq(claimLinks.kind, input.kind),
          or(and(eq(claimLinks.fromClaimId, fromClaimId), eq(claimLinks.toClaimId, toClaimId)), and(eq(claimLinks.fromClaimId, toClaimId), eq(claimLinks.toClaimId, fromClaimId))),
        ),
      )
      .get();
    if (existing) {
      throw new ConflictError(`These two claims are already linked as “${LINK_LABELS[input.kind].verb}” (link ${existing.id}).`, getClaimDetail(db, viewer, id));
    }
    const row = tx
      .insert(claimLinks)
      .values({ fromClaimId, toClaimId, kind: input.kind, note: input.note ?? null, createdBy: viewer.id })
      .returning()
      .get();
    recordEvent(tx, { actor: viewer.id, entityType: "link", entityId: row.id, action: "create", after: row });
    return row.id;
  }, IMMEDIATE);
  return { ...getClaimDetail(db, viewer, id), linkId };
}

export function deleteLink(db: Db, viewer: UserViewer, linkId: number): { id: number; deleted: true } {
  db.transaction((tx) => {
    const row = tx.select().from(claimLinks).where(eq(claimLinks.id, linkId)).get();
    if (!row) throw new NotFoundError(`No link with id ${linkId}.`);
    tx.delete(claimLinks).where(eq(claimLinks.id, linkId)).run();
    recordEvent(tx, { actor: viewer.id, entityType: "link", entityId: linkId, action: "delete", before: row });
  }, IMMEDIATE);
  return { id: linkId, deleted: true };
}
