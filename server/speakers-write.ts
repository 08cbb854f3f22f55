import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, speakers } from "@/db/schema";
import type { SpeakerDetailDTO } from "@/lib/dto";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { CreateSpeakerInput, UpdateSpeakerInput } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { getSpeaker } from "./speakers";
import { changedFields, checkVersion, IMMEDIATE, nowIso } from "./write-support";

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
function checkAffiliation(tx: Tx, speakerId: number | null, affiliationId: number | null | undefined): void {
  if (affiliationId == null) return;
  let current: number | null = affiliationId;
  for (let hops = 0; current !== null && hops < 50; hops++) {
    if (current === speakerId) throw new ValidationError("A speaker cannot be affiliated to itself, directly or through others.", { affiliationId: "would make a cycle" });
    const row: { affiliationId: number | null; mergedIntoId: number | null } | undefined = tx
      .select({ affiliationId: speakers.affiliationId, mergedIntoId: speakers.mergedIntoId })
      .from(speakers)
      .where(eq(speakers.id, current))
      .get();
    if (!row) throw new ValidationError(`No speaker with id ${current}.`, { affiliationId: "no such speaker" });
    if (row.mergedIntoId !== null && current === affiliationId) throw new ValidationError("That speaker was merged into another.", { affiliationId: "merged speaker" });
    current = row.affiliationId;
  }
}

/** Creates a speaker inside an existing transaction (used by createClaim for inline speakers). */
export function insertSpeaker(tx: Tx, viewer: UserViewer, input: CreateSpeakerInput): SpeakerRow {
  checkAffiliation(tx, null, input.affiliationId);
  const row = tx
    .insert(speakers)
    .values({
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
      aliases: uniqueAliases(input.name, input.aliases),
      affiliationId: input.affiliationId ?? null,
      createdBy: viewer.id,
    })
    .returning()
    .get();
  recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: row.id, action: "create", after: row });
  return row;
}

export function createSpeaker(db: Db, viewer: UserViewer, input: CreateSpeakerInput): SpeakerDetailDTO {
  const row = db.transaction((tx) => insertSpeaker(tx, viewer, input), IMMEDIATE);
  return getSpeaker(db, viewer, row.id);
}

export function updateSpeaker(db: Db, viewer: UserViewer, id: number, input: UpdateSpeakerInput): SpeakerDetailDTO {
  db.transaction((tx) => {
    const before = checkVersion(tx.select().from(speakers).where(eq(speakers.id, id)).get(), input.version, `speaker with id ${id}`, () => getSpeaker(db, viewer, id));
    if (before.mergedIntoId !== null) throw new ConflictError("This speaker was merged into another and can no longer be edited.", getSpeaker(db, viewer, id));
    if (input.affiliationId !== undefined) checkAffiliation(tx, id, input.affiliationId);
    const name = input.name ?? before.name;
    const patch = changedFields(before, {
      name: input.name,
      kind: input.kind,
      description: input.description,
      aliases: input.aliases === undefined ? undefined : uniqueAliases(name, input.aliases),
      affiliationId: input.affiliationId,
    });
    if (Object.keys(patch).length === 0) return;
    const after = tx
      .update(speakers)
      .set({ ...patch, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(speakers.id, id))
      .returning()
      .get();
    recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: id, action: "update", before, after });
  }, IMMEDIATE);
  return getSpeaker(db, viewer, id);
}

/**
 * Merges speaker `id` into `targetId`: its claims and affiliates move to the target, its name
 * and aliases become the target's aliases, and it is kept as a tombstone pointing at the target
 * (old links still resolve). Every moved claim gets its own event, so its history shows it.
 */
export function mergeSpeakers(db: Db, viewer: UserViewer, id: number, input: { targetId: number; version: number; targetVersion: number }): SpeakerDetailDTO {
  if (id === input.targetId) throw new ValidationError("A speaker cannot be merged into itself.", { targetId: "must be another speaker" });
  db.transaction((tx) => {
    const merged = checkVersion(tx.select().from(speakers).where(eq(speakers.id, id)).get(), input.version, `speaker with id ${id}`, () => getSpeaker(db, viewer, id));
    const target = checkVersion(
      tx.select().from(speakers).where(eq(speakers.id, input.targetId)).get(),
      input.targetVersion,
      `speaker with id ${input.targetId}`,
      () => getSpeaker(db, viewer, input.targetId),
    );
    if (merged.mergedIntoId !== null) throw new ConflictError("This speaker was already merged.", getSpeaker(db, viewer, id));
    if (target.mergedIntoId !== null) throw new ValidationError("The target speaker was itself merged into another.", { targetId: "merged speaker" });
    const at = nowIso();

    for (const claim of tx.select().from(claims).where(eq(claims.speakerId, id)).all()) {
      const after = tx
        .update(claims)
        .set({ speakerId: target.id, version: claim.version + 1, updatedAt: at })
        .where(eq(claims.id, claim.id))
        .returning()
        .get();
      recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claim.id, action: "update", before: claim, after, comment: `speaker ${merged.name} merged into ${target.name}` });
    }
    for (const affiliate of tx.select().from(speakers).where(and(eq(speakers.affiliationId, id), ne(speakers.id, target.id))).all()) {
      const after = tx.update(speakers).set({ affiliationId: target.id, version: affiliate.version + 1, updatedAt: at }).where(eq(speakers.id, affiliate.id)).returning().get();
      recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: affiliate.id, action: "update", before: affiliate, after, comment: `affiliation moved: ${merged.name} merged into ${target.name}` });
    }
    const targetAfter = tx
      .update(speakers)
      .set({
        aliases: uniqueAliases(target.name, [...target.aliases, merged.name, ...merged.aliases]),
        affiliationId: target.affiliationId === merged.id ? null : target.affiliationId,
        version: target.version + 1,
        updatedAt: at,
      })
      .where(eq(speakers.id, target.id))
      .returning()
      .get();
    recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: target.id, action: "merge-into", before: target, after: targetAfter, comment: `absorbed ${merged.name} (#${merged.id})` });
    const mergedAfter = tx
      .update(speakers)
      .set({ mergedIntoId: target.id, affiliationId: null, version: merged.version + 1, updatedAt: at })
      .where(eq(speakers.id, id))
      .returning()
      .get();
    recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: id, action: "merge", before: merged, after: mergedAfter, comment: `merged into ${target.name} (#${target.id})` });
  }, IMMEDIATE);
  return getSpeaker(db, viewer, input.targetId);
}

/** A speaker that new claims may name: it exists and was not merged away. */
export function assertLiveSpeaker(tx: Tx, id: number, field = "speakerId"): void {
  const row = tx.select({ id: speakers.id }).from(speakers).where(and(eq(speakers.id, id), isNull(speakers.mergedIntoId))).get();
  if (!row) throw new ValidationError(`No speaker with id ${id} (or it was merged into another).`, { [field]: "no such speaker" });
}
