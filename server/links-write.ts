import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claimLinks, claims } from "@/db/schema";
import { withTx } from "@/db/tx";
import type { ClaimDetailDTO } from "@/lib/dto";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { LINK_LABELS } from "@/lib/model";
import type { CreateLinkInput } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { insertClaim } from "./claims-write";
import { getClaimDetail } from "./claims";
import { recordEvent } from "./events";

/**
 * Links claim `id` to another claim — an existing one, or one made on the spot in the same
 * transaction. Self-links and a second link of the same kind between the same two claims are
 * refused here with a clear message (and by the database, should anything slip past).
 */
export async function createLink(db: Db, viewer: UserViewer, id: number, input: CreateLinkInput): Promise<ClaimDetailDTO & { linkId: number }> {
  const linkId = await withTx(db, async (tx) => {
    const [claim] = await tx.select({ id: claims.id, status: claims.status }).from(claims).where(eq(claims.id, id));
    if (!claim) throw new NotFoundError(`No claim with id ${id}.`);
    const targetId = input.targetClaim ? (await insertClaim(tx, viewer, input.targetClaim, "targetClaim.")).id : input.targetClaimId!;
    if (!input.targetClaim && (await tx.select({ id: claims.id }).from(claims).where(eq(claims.id, targetId))).length === 0) {
      throw new ValidationError(`No claim with id ${targetId}.`, { targetClaimId: "no such claim" });
    }
    if (targetId === id) throw new ValidationError("A claim cannot be linked to itself.", { targetClaimId: "must be another claim" });
    const [fromClaimId, toClaimId] = input.direction === "incoming" ? [targetId, id] : [id, targetId];
    const [existing] = await tx
      .select({ id: claimLinks.id })
      .from(claimLinks)
      .where(
        and(
          eq(claimLinks.kind, input.kind),
          or(and(eq(claimLinks.fromClaimId, fromClaimId), eq(claimLinks.toClaimId, toClaimId)), and(eq(claimLinks.fromClaimId, toClaimId), eq(claimLinks.toClaimId, fromClaimId))),
        ),
      )
      .limit(1);
    if (existing) {
      throw new ConflictError(`These two claims are already linked as “${LINK_LABELS[input.kind].verb}” (link ${existing.id}).`, () => getClaimDetail(db, viewer, id));
    }
    const [row] = await tx
      .insert(claimLinks)
      .values({ fromClaimId, toClaimId, kind: input.kind, note: input.note ?? null, createdBy: viewer.id })
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "link", entityId: row!.id, action: "create", after: row });
    return row!.id;
  });
  return { ...(await getClaimDetail(db, viewer, id)), linkId };
}

export async function deleteLink(db: Db, viewer: UserViewer, linkId: number): Promise<{ id: number; deleted: true }> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(claimLinks).where(eq(claimLinks.id, linkId));
    if (!row) throw new NotFoundError(`No link with id ${linkId}.`);
    await tx.delete(claimLinks).where(eq(claimLinks.id, linkId));
    await recordEvent(tx, { actor: viewer.id, entityType: "link", entityId: linkId, action: "delete", before: row });
  });
  return { id: linkId, deleted: true };
}
