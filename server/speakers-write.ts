import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claims, speakers } from "@/db/schema";
import type { SpeakerDetailDTO } from "@/lib/dto";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { CreateSpeakerInput, UpdateSpeakerInput } from "@/lib/schemas";
import { isOnlyPartyTag, speakerKey } from "@/lib/speaker-names";
import type { UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { findSpeakerMatch } from "./speaker-match";
import { getSpeaker } from "./speakers";
import { changedFields, checkVersion, nowIso } from "./write-support";

type SpeakerRow = typeof speakers.$inferSelect;

function uniqueAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([name.toLocaleLowerCase()]);
  return aliases.filter((a) => {
    const key = a.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An affiliation must name a live speaker and must not make a cycle (A → B → A). */
async function checkAffiliation(tx: Tx, speakerId: number | null, affiliationId: number | null | undefined): Promise<void> {
  if (affiliationId == null) return;
  let current: number | null = affiliationId;
  for (let hops = 0; current !== null && hops < 50; hops++) {
    if (current === speakerId) throw new ValidationError("A speaker cannot be affiliated to itself, directly or through others.", { affiliationId: "would make a cycle" });
    const [row]: { affiliationId: number | null; mergedIntoId: number | null }[] = await tx
      .select({ affiliationId: speakers.affiliationId, mergedIntoId: speakers.mergedIntoId })
      .from(speakers)
      .where(eq(speakers.id, current));
    if (!row) throw new ValidationError(`No speaker with id ${current}.`, { affiliationId: "no such speaker" });
    if (row.mergedIntoId !== null && current === affiliationId) throw new ValidationError("That speaker was merged into another.", { affiliationId: "merged speaker" });
    current = row.affiliationId;
  }
}

/**
 * The live speaker a create request means when its name (or one of its aliases) is already a
 * speaker's name or alias — case, accents, titles and party/state tags aside — or null.
 */
async function existingSpeakerFor(tx: Tx, input: CreateSpeakerInput): Promise<SpeakerRow | null> {
  for (const name of [input.name, ...input.aliases]) {
    const key = speakerKey(name);
    const { exact } = await findSpeakerMatch(tx, name);
    if (exact && [exact.name, ...exact.aliases].some((n) => speakerKey(n) === key)) {
      const [row] = await tx.select().from(speakers).where(eq(speakers.id, exact.id));
      if (row) return row;
    }
  }
  return null;
}

/**
 * Creates a speaker inside an existing transaction (used by createClaim for inline speakers) —
 * unless the name is already a speaker's name or alias: then that speaker is used, so a name
 * typed faster than the autocomplete answered never makes a duplicate.
 */
export async function insertSpeaker(tx: Tx, viewer: UserViewer, input: CreateSpeakerInput, field = "name"): Promise<SpeakerRow> {
  if (isOnlyPartyTag(input.name)) throw new ValidationError(`“${input.name}” is a party/state tag, not a name.`, { [field]: "is a party/state tag, not a name" });
  const existing = await existingSpeakerFor(tx, input);
  if (existing) return existing;
  await checkAffiliation(tx, null, input.affiliationId);
  const [row] = await tx
    .insert(speakers)
    .values({
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
      aliases: uniqueAliases(input.name, input.aliases),
      affiliationId: input.affiliationId ?? null,
      createdBy: viewer.id,
    })
    .returning();
  await recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: row!.id, action: "create", after: row });
  return row!;
}

export async function createSpeaker(db: Db, viewer: UserViewer, input: CreateSpeakerInput): Promise<SpeakerDetailDTO> {
  const row = await withTx(db, (tx) => insertSpeaker(tx, viewer, input));
  return getSpeaker(db, viewer, row.id);
}

export async function updateSpeaker(db: Db, viewer: UserViewer, id: number, input: UpdateSpeakerInput): Promise<SpeakerDetailDTO> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(speakers).where(eq(speakers.id, id));
    const before = checkVersion(row, input.version, `speaker with id ${id}`, () => getSpeaker(db, viewer, id));
    if (before.mergedIntoId !== null) throw new ConflictError("This speaker was merged into another and can no longer be edited.", () => getSpeaker(db, viewer, id));
    if (input.affiliationId !== undefined) await checkAffiliation(tx, id, input.affiliationId);
    const name = input.name ?? before.name;
    const patch = changedFields(before, {
      name: input.name,
      kind: input.kind,
      description: input.description,
      aliases: input.aliases === undefined ? undefined : uniqueAliases(name, input.aliases),
      affiliationId: input.affiliationId,
    });
    if (Object.keys(patch).length === 0) return;
    const [after] = await tx
      .update(speakers)
      .set({ ...patch, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(speakers.id, id))
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: id, action: "update", before, after });
  });
  return getSpeaker(db, viewer, id);
}

/**
 * Claims moved per transaction in a merge: each claim's update, event and index triggers cost
 * about a millisecond at a million claims, so a batch holds the write lock for ~50 ms.
 */
export const MERGE_BATCH = 50;
/**
 * The pause between batches: long enough for requests already read to reach the write queue
 * before the next batch takes it (a bare setImmediate let the merge queue batch after batch
 * ahead of them: other writers waited over a second).
 */
const MERGE_PAUSE_MS = 5;

/**
 * Merges speaker `id` into `targetId`: its claims and affiliates move to the target, its name
 * and aliases become the target's aliases, and it is kept as a tombstone pointing at the target
 * (old links still resolve). Every moved claim gets its own event, so its history shows it.
 *
 * A prolific speaker has 20,000 claims, too many for one transaction without stalling every
 * other writer. So the first transaction checks both versions and makes the tombstone (from then
 * on no claim can name the merged speaker, and the merge cannot be undone or done twice); then
 * the claims and affiliates move in transactions of MERGE_BATCH, yielding between them. If the
 * process stops half-way, sending the same merge again finishes it (the tombstone already points
 * at the target, so the versions are not checked again).
 */
export async function mergeSpeakers(db: Db, viewer: UserViewer, id: number, input: { targetId: number; version: number; targetVersion: number }): Promise<SpeakerDetailDTO> {
  if (id === input.targetId) throw new ValidationError("A speaker cannot be merged into itself.", { targetId: "must be another speaker" });
  const names = await withTx(db, async (tx) => {
    const [mergedRow] = await tx.select().from(speakers).where(eq(speakers.id, id));
    if (mergedRow && mergedRow.mergedIntoId === input.targetId && (await hasMoreToMove(tx, id))) {
      const [targetRow] = await tx.select().from(speakers).where(eq(speakers.id, input.targetId));
      return { merged: mergedRow.name, target: targetRow!.name };
    }
    const merged = checkVersion(mergedRow, input.version, `speaker with id ${id}`, () => getSpeaker(db, viewer, id));
    const [targetRow] = await tx.select().from(speakers).where(eq(speakers.id, input.targetId));
    const target = checkVersion(targetRow, input.targetVersion, `speaker with id ${input.targetId}`, () => getSpeaker(db, viewer, input.targetId));
    if (merged.mergedIntoId !== null) throw new ConflictError("This speaker was already merged.", () => getSpeaker(db, viewer, id));
    if (target.mergedIntoId !== null) throw new ValidationError("The target speaker was itself merged into another.", { targetId: "merged speaker" });
    const at = nowIso();
    const [targetAfter] = await tx
      .update(speakers)
      .set({
        aliases: uniqueAliases(target.name, [...target.aliases, merged.name, ...merged.aliases]),
        affiliationId: target.affiliationId === merged.id ? null : target.affiliationId,
        version: target.version + 1,
        updatedAt: at,
      })
      .where(eq(speakers.id, target.id))
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: target.id, action: "merge-into", before: target, after: targetAfter, comment: `absorbed ${merged.name} (#${merged.id})` });
    const [mergedAfter] = await tx
      .update(speakers)
      .set({ mergedIntoId: target.id, affiliationId: null, version: merged.version + 1, updatedAt: at })
      .where(eq(speakers.id, id))
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: id, action: "merge", before: merged, after: mergedAfter, comment: `merged into ${target.name} (#${target.id})` });
    return { merged: merged.name, target: target.name };
  });
  await moveMergedClaims(db, viewer, id, input.targetId, names);
  return getSpeaker(db, viewer, input.targetId);
}

async function hasMoreToMove(tx: Tx, id: number): Promise<boolean> {
  const [claim] = await tx.select({ id: claims.id }).from(claims).where(eq(claims.speakerId, id)).limit(1);
  const [affiliate] = await tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.affiliationId, id)).limit(1);
  return Boolean(claim ?? affiliate);
}

/** Moves what still names the tombstone `id` to `targetId`, MERGE_BATCH rows per transaction. */
async function moveMergedClaims(db: Db, viewer: UserViewer, id: number, targetId: number, names: { merged: string; target: string }): Promise<void> {
  for (;;) {
    const moved = await withTx(db, async (tx) => {
      const at = nowIso();
      const batch = await tx.select().from(claims).where(eq(claims.speakerId, id)).orderBy(claims.id).limit(MERGE_BATCH);
      for (const claim of batch) {
        const [after] = await tx.update(claims).set({ speakerId: targetId, version: claim.version + 1, updatedAt: at }).where(eq(claims.id, claim.id)).returning();
        await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claim.id, action: "update", before: claim, after, comment: `speaker ${names.merged} merged into ${names.target}` });
      }
      const room = MERGE_BATCH - batch.length;
      const affiliates = room > 0 ? await tx.select().from(speakers).where(eq(speakers.affiliationId, id)).orderBy(speakers.id).limit(room) : [];
      for (const affiliate of affiliates) {
        const [after] = await tx.update(speakers).set({ affiliationId: targetId, version: affiliate.version + 1, updatedAt: at }).where(eq(speakers.id, affiliate.id)).returning();
        await recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: affiliate.id, action: "update", before: affiliate, after, comment: `affiliation moved: ${names.merged} merged into ${names.target}` });
      }
      return batch.length + affiliates.length;
    });
    if (moved === 0) return;
    // Let other requests' transactions in between batches.
    await new Promise((resolve) => setTimeout(resolve, MERGE_PAUSE_MS));
  }
}

/** A speaker that new claims may name: it exists and was not merged away. */
export async function assertLiveSpeaker(tx: Tx, id: number, field = "speakerId"): Promise<void> {
  const [row] = await tx.select({ id: speakers.id }).from(speakers).where(and(eq(speakers.id, id), isNull(speakers.mergedIntoId)));
  if (!row) throw new ValidationError(`No speaker with id ${id} (or it was merged into another).`, { [field]: "no such speaker" });
}
