import "server-only";
import { and, eq } from "drizzle-orm";
import { indexAfterWrite } from "@/db/passage-index";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claims, sourceRevisions, sources, speakers, stories } from "@/db/schema";
import type { ClaimDetailDTO, ReanchorReport, SourceDTO, SpeakerDetailDTO } from "@/lib/dto";
import { ConflictError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { HistoryEntityType, RestoreVersionInput } from "@/lib/history-schemas";
import { SOURCE_KINDS, SPEAKER_KINDS } from "@/lib/model";
import type { UserViewer } from "./authz";
import { getClaimDetail } from "./claims";
import { entityEvents, recordEvent, type Tx } from "./events";
import { anchorForQuote } from "./quote-change";
import { getSource } from "./sources";
import { updateSourceInTx } from "./sources-write";
import { getSpeaker } from "./speakers";
import { touchStory } from "./stories-write";
import { changedFields, checkVersion, nowIso } from "./write-support";

/**
 * Restoring an earlier version of a claim, source or speaker from the events log. Only the
 * editable content comes back — a claim's status and verdict go through the workflow; a restored
 * quote is re-anchored in the source's current text (or the claim orphaned, with a note) — and the restore is itself a new version with its own "restore" event:
 * nothing in the log is changed or removed.
 *
 * A reference in the old version that was merged away since (a speaker merged into another) is
 * mapped to the speaker that absorbed it: the merge said they are the same person, and undoing
 * it is not a restore's job. The event's comment says so.
 */

type Snapshot = Record<string, unknown>;
type Read = Pick<Tx, "select">;

/** What a restore of a snapshot sets, per entity type. */
export const RESTORED_FIELDS = {
  claim: ["text", "quote", "speakerId", "storyId", "statedOn"],
  speaker: ["name", "kind", "description", "aliases", "affiliationId"],
  source: ["title", "kind", "publisher", "author", "url", "publishedOn", "language"],
} as const satisfies Record<HistoryEntityType, readonly string[]>;

/** The content a snapshot restores to, with the notes to record, or the reason it cannot be restored. */
export interface RestoreTarget {
  values: Record<string, unknown>;
  notes: string[];
  problem: string | null;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);

/** A speaker followed through merges to the live speaker that absorbed it (itself when never merged). */
export async function survivorOf(tx: Read, id: number): Promise<{ id: number; name: string; chain: string[] } | null> {
  const chain: string[] = [];
  let current = id;
  for (let hops = 0; hops < 50; hops++) {
    const [row] = await tx.select({ id: speakers.id, name: speakers.name, mergedIntoId: speakers.mergedIntoId }).from(speakers).where(eq(speakers.id, current));
    if (!row) return null;
    if (row.mergedIntoId === null) return { id: row.id, name: row.name, chain };
    chain.push(row.name);
    current = row.mergedIntoId;
  }
  return null;
}

/** The live speaker for a snapshot's speaker reference, noting a merge; a problem when it is gone. */
async function liveSpeaker(tx: Read, id: number, role: string, notes: string[]): Promise<{ id: number } | { problem: string }> {
  const survivor = await survivorOf(tx, id);
  if (!survivor) return { problem: `The ${role} of that version (speaker ${id}) no longer exists.` };
  if (survivor.id !== id) notes.push(`${role} “${survivor.chain[0]}” was merged into “${survivor.name}”, so ${survivor.name} is kept`);
  return { id: survivor.id };
}

function uniqueAliases(name: string, aliases: unknown): string[] {
  const seen = new Set([name.toLocaleLowerCase()]);
  return (Array.isArray(aliases) ? aliases : []).filter((a): a is string => {
    if (typeof a !== "string") return false;
    const key = a.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The content `snapshot` (an event's `after`) restores to, for entity `id` of `type`. */
export async function restoreTarget(tx: Read, type: HistoryEntityType, id: number, snapshot: Snapshot): Promise<RestoreTarget> {
  const notes: string[] = [];
  if (type === "claim") {
    const text = str(snapshot.text);
    const speakerId = num(snapshot.speakerId);
    if (!text || speakerId === null) return { values: {}, notes, problem: "That version has no claim text or speaker to restore." };
    const speaker = await liveSpeaker(tx, speakerId, "speaker", notes);
    if ("problem" in speaker) return { values: {}, notes, problem: speaker.problem };
    const storyId = num(snapshot.storyId);
    if (storyId !== null && (await tx.select({ id: stories.id }).from(stories).where(eq(stories.id, storyId))).length === 0) {
      return { values: {}, notes, problem: `The story of that version (story ${storyId}) no longer exists.` };
    }
    return { values: { text, quote: str(snapshot.quote), speakerId: speaker.id, storyId, statedOn: str(snapshot.statedOn) }, notes, problem: null };
  }
  if (type === "speaker") {
    const name = str(snapshot.name);
    if (!name) return { values: {}, notes, problem: "That version has no name to restore." };
    const kind = SPEAKER_KINDS.find((k) => k === snapshot.kind) ?? "person";
    let affiliationId = num(snapshot.affiliationId);
    if (affiliationId !== null) {
      const live = await liveSpeaker(tx, affiliationId, "affiliation", notes);
      if ("problem" in live) return { values: {}, notes, problem: live.problem };
      affiliationId = live.id;
      // Walk up from the affiliation: reaching this speaker again would make a cycle.
      let current: number | null = affiliationId;
      for (let hops = 0; current !== null && hops < 50; hops++) {
        if (current === id) return { values: {}, notes, problem: "Restoring that version would make the speaker affiliated to itself (directly or through others)." };
        const [row]: { affiliationId: number | null }[] = await tx.select({ affiliationId: speakers.affiliationId }).from(speakers).where(eq(speakers.id, current));
        current = row?.affiliationId ?? null;
      }
    }
    return { values: { name, kind, description: str(snapshot.description), aliases: uniqueAliases(name, snapshot.aliases), affiliationId }, notes, problem: null };
  }
  const title = str(snapshot.title);
  if (!title) return { values: {}, notes, problem: "That version has no title to restore." };
  return {
    values: {
      title,
      kind: SOURCE_KINDS.find((k) => k === snapshot.kind) ?? "article",
      publisher: str(snapshot.publisher),
      author: str(snapshot.author),
      url: str(snapshot.url),
      publishedOn: str(snapshot.publishedOn),
      language: str(snapshot.language) ?? "en",
    },
    notes,
    problem: null,
  };
}

/** The event `eventId` as a version of entity `id` of `type`; anything else is a 400 naming `eventId`. */
export async function snapshotEvent(tx: Tx, type: HistoryEntityType, id: number, eventId: number) {
  const event = (await entityEvents(tx, type, id, eventId)).at(-1);
  if (!event || event.id !== eventId || !event.after) throw new ValidationError(`Event ${eventId} is not a version of this ${type}.`, { eventId: `not a version of ${type} ${id}` });
  return { ...event, after: event.after };
}

/** "restored to the version of 26 Jun 2025, 14:03 UTC (event 57)", plus what was mapped. */
function restoreComment(event: { id: number; createdAt: string }, notes: string[]): string {
  const time = /T(\d{2}:\d{2})/.exec(event.createdAt)?.[1];
  const date = time ? `${formatDate(event.createdAt)}, ${time} UTC` : formatDate(event.createdAt);
  return [`restored to the version of ${date} (event ${event.id})`, ...notes].join("; ");
}

const nothingToRestore = (type: string) => `That version’s content is the same as the current ${type}’s: there is nothing to restore.`;

async function restoreClaim(db: Db, viewer: UserViewer, id: number, input: RestoreVersionInput): Promise<ClaimDetailDTO> {
  await withTx(db, async (tx) => {
    const current = () => getClaimDetail(db, viewer, id);
    const [row] = await tx.select().from(claims).where(eq(claims.id, id));
    const before = checkVersion(row, input.version, `claim with id ${id}`, current);
    if (before.status === "archived") throw new ConflictError("An archived claim cannot be edited, so no earlier version can be restored.", current);
    const event = await snapshotEvent(tx, "claim", id, input.eventId);
    const target = await restoreTarget(tx, "claim", id, event.after);
    if (target.problem) throw new ConflictError(target.problem, current);
    const patch = changedFields(before, target.values as Partial<typeof before>);
    if (Object.keys(patch).length === 0) throw new ConflictError(nothingToRestore("claim"), current);
    // A restored quote is looked for in the source as it reads now: the claim is anchored on it,
    // or flagged on near words, or orphaned — never left quoting words its span does not hold.
    let anchor: Partial<typeof before> = {};
    if (typeof patch.quote === "string") {
      const placed = await anchorForQuote(tx, before, patch.quote);
      anchor = placed.columns;
      if (placed.note) target.notes.push(placed.note);
    }
    const [after] = await tx
      .update(claims)
      .set({ ...patch, ...anchor, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(claims.id, id))
      .returning();
    if (after!.storyId !== null) await touchStory(tx, after!.storyId);
    await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: id, action: "restore", before, after, comment: restoreComment(event, target.notes) });
  });
  return getClaimDetail(db, viewer, id);
}

async function restoreSpeaker(db: Db, viewer: UserViewer, id: number, input: RestoreVersionInput): Promise<SpeakerDetailDTO> {
  await withTx(db, async (tx) => {
    const current = () => getSpeaker(db, viewer, id);
    const [row] = await tx.select().from(speakers).where(eq(speakers.id, id));
    const before = checkVersion(row, input.version, `speaker with id ${id}`, current);
    if (before.mergedIntoId !== null) throw new ConflictError("This speaker was merged into another and can no longer be edited, so no earlier version can be restored.", current);
    const event = await snapshotEvent(tx, "speaker", id, input.eventId);
    const target = await restoreTarget(tx, "speaker", id, event.after);
    if (target.problem) throw new ConflictError(target.problem, current);
    const patch = changedFields(before, target.values as Partial<typeof before>);
    if (Object.keys(patch).length === 0) throw new ConflictError(nothingToRestore("speaker"), current);
    const [after] = await tx
      .update(speakers)
      .set({ ...patch, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(speakers.id, id))
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "speaker", entityId: id, action: "restore", before, after, comment: restoreComment(event, target.notes) });
  });
  return getSpeaker(db, viewer, id);
}

/** A source row for the audit log: everything but the text (as server/sources-write.ts records it). */
function summary(row: typeof sources.$inferSelect): Record<string, unknown> {
  const { text: _text, ...rest } = row;
  return rest;
}

/**
 * The text of revision `revision` when restoring it changes the source's text, else undefined.
 * A revision whose text equals the current one brings nothing back (and stores no new revision).
 */
async function revisionTextToRestore(tx: Read, id: number, revision: number | null, current: { revision: number; text: string }): Promise<string | undefined> {
  if (revision === null || revision === current.revision) return undefined;
  const [row] = await tx.select({ text: sourceRevisions.text }).from(sourceRevisions).where(and(eq(sourceRevisions.sourceId, id), eq(sourceRevisions.revision, revision)));
  if (!row) throw new ConflictError(`Revision ${revision} of this source is missing, so its text cannot be restored.`);
  return row.text === current.text ? undefined : row.text;
}

/**
 * Restores a source's metadata and, when the version had another revision's text, that text:
 * through updateSource, so the text is stored as a new revision and every claim is re-anchored
 * (an orphan whose quote is back re-attaches). updateSource records its own "revise" event
 * (with the restore's comment as the revision note) or "update" event; the "restore" event
 * follows it.
 */
async function restoreSource(db: Db, viewer: UserViewer, id: number, input: RestoreVersionInput): Promise<SourceDTO & { reanchor: ReanchorReport | null }> {
  const reanchor = await withTx(db, async (tx) => {
    const current = () => getSource(db, viewer, id);
    const [row] = await tx.select().from(sources).where(eq(sources.id, id));
    const before = checkVersion(row, input.version, `source with id ${id}`, current);
    const event = await snapshotEvent(tx, "source", id, input.eventId);
    const target = await restoreTarget(tx, "source", id, event.after);
    if (target.problem) throw new ConflictError(target.problem, current);
    const text = await revisionTextToRestore(tx, id, num(event.after.revision), before);
    const patch = changedFields(before, target.values as Partial<typeof before>);
    if (Object.keys(patch).length === 0 && text === undefined) throw new ConflictError(nothingToRestore("source"), current);
    const comment = restoreComment(event, target.notes);
    // In this transaction: the update and the restore event are all or nothing. The restore's
    // comment becomes the new revision's note (a note only goes with new text).
    const report = await updateSourceInTx(db, tx, viewer, id, { ...(patch as Parameters<typeof updateSourceInTx>[4]), text, revisionNote: text === undefined ? null : comment, version: before.version });
    const [after] = await tx.select().from(sources).where(eq(sources.id, id));
    await recordEvent(tx, {
      actor: viewer.id,
      entityType: "source",
      entityId: id,
      action: "restore",
      before: summary(before),
      after: { ...summary(after!), ...(report ? { reanchor: report } : {}) },
      comment,
    });
    return report;
  });
  await indexAfterWrite(db);
  return { ...(await getSource(db, viewer, id)), reanchor };
}

/**
 * Restores the editable content of entity `id` to its snapshot right after event
 * `input.eventId`, based on the current version `input.version` (409 when stale), in one
 * transaction, recording a "restore" event.
 */
export function restoreVersion(db: Db, viewer: UserViewer, type: HistoryEntityType, id: number, input: RestoreVersionInput) {
  if (type === "claim") return restoreClaim(db, viewer, id, input);
  if (type === "speaker") return restoreSpeaker(db, viewer, id, input);
  return restoreSource(db, viewer, id, input);
}
