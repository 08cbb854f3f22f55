import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claimLinks, claims, sources, stories } from "@/db/schema";
import { createAnchor } from "@/lib/anchoring";
import { CodePointIndex } from "@/lib/codepoints";
import type { ClaimDetailDTO } from "@/lib/dto";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { CreateClaimInput, SpanInput, UpdateClaimInput } from "@/lib/schemas";
import { type ClaimAction, nextStatus, TRANSITIONS } from "@/lib/workflow";
import type { UserViewer } from "./authz";
import { getClaimDetail } from "./claims";
import { recordEvent, type Tx } from "./events";
import { assertLiveSpeaker, insertSpeaker } from "./speakers-write";
import { insertStory, touchStory } from "./stories-write";
import { changedFields, checkVersion, nowIso } from "./write-support";

type ClaimRow = typeof claims.$inferSelect;

/**
 * Checks a span against the source's current text and returns the anchor columns to store.
 * The span must lie inside the text and `exact` must be exactly the text there, so a client
 * working on a stale copy of the text cannot attach a claim to the wrong words.
 */
async function anchorColumns(tx: Tx, sourceId: number, span: SpanInput, field = "anchor") {
  const [source] = await tx.select({ text: sources.text, revision: sources.revision }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new ValidationError(`No source with id ${sourceId}.`, { sourceId: "no such source" });
  const index = new CodePointIndex(source.text);
  if (span.end > index.length) throw new ValidationError(`The span ends at ${span.end}, past the end of the text (${index.length} code points).`, { [`${field}.end`]: `must be at most ${index.length}` });
  const actual = index.slice(span.start, span.end);
  if (actual !== span.exact) {
    throw new ValidationError("The selected text does not match the source at that position (the source may have been revised).", {
      [`${field}.exact`]: `does not match the text at ${span.start}–${span.end}`,
    });
  }
  const a = createAnchor(index, span.start, span.end);
  return {
    anchorExact: a.exact,
    anchorPrefix: a.prefix,
    anchorSuffix: a.suffix,
    anchorStart: a.start,
    anchorEnd: a.end,
    anchorRevision: source.revision,
    anchorState: "anchored" as const,
  };
}

async function assertStory(tx: Tx, storyId: number): Promise<void> {
  const [row] = await tx.select({ id: stories.id }).from(stories).where(eq(stories.id, storyId));
  if (!row) throw new ValidationError(`No story with id ${storyId}.`, { storyId: "no such story" });
}

/**
 * Inserts a claim (and its new speaker or story, if given) inside the caller's transaction.
 * `fieldPrefix` goes before the field names of a refusal (the claim's place in a larger body);
 * `comment` is the create event's.
 */
export async function insertClaim(tx: Tx, viewer: UserViewer, input: CreateClaimInput, fieldPrefix = "", comment: string | null = null): Promise<ClaimRow> {
  if (input.sameAsClaimId !== undefined && (await tx.select({ id: claims.id }).from(claims).where(eq(claims.id, input.sameAsClaimId))).length === 0) {
    throw new ValidationError(`No claim with id ${input.sameAsClaimId}.`, { [`${fieldPrefix}sameAsClaimId`]: "no such claim" });
  }
  const speakerId = input.speaker ? (await insertSpeaker(tx, viewer, input.speaker, `${fieldPrefix}speaker.name`)).id : input.speakerId!;
  if (!input.speaker) await assertLiveSpeaker(tx, speakerId, `${fieldPrefix}speakerId`);
  let storyId = input.storyId ?? null;
  if (input.story) storyId = (await insertStory(tx, viewer, input.story)).id;
  else if (storyId !== null) await assertStory(tx, storyId);
  let statedOn = input.statedOn;
  let anchor = {};
  if (input.sourceId != null) {
    const [source] = await tx.select({ publishedOn: sources.publishedOn }).from(sources).where(eq(sources.id, input.sourceId));
    if (!source) throw new ValidationError(`No source with id ${input.sourceId}.`, { [`${fieldPrefix}sourceId`]: "no such source" });
    // The stated date defaults to the source's publication date.
    if (statedOn === undefined) statedOn = source.publishedOn;
    if (input.anchor) anchor = await anchorColumns(tx, input.sourceId, input.anchor, `${fieldPrefix}anchor`);
  }
  const [row] = await tx
    .insert(claims)
    .values({
      text: input.text,
      quote: input.quote ?? input.anchor?.exact ?? null,
      speakerId,
      sourceId: input.sourceId ?? null,
      storyId,
      statedOn: statedOn ?? null,
      status: "draft",
      ...anchor,
      createdBy: viewer.id,
    })
    .returning();
  if (storyId !== null) await touchStory(tx, storyId);
  await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: row!.id, action: "create", after: row, comment });
  if (input.sameAsClaimId !== undefined) {
    // A repetition of a claim already recorded: linked to it rather than left a standalone duplicate.
    const [link] = await tx.insert(claimLinks).values({ fromClaimId: row!.id, toClaimId: input.sameAsClaimId, kind: "same-as", createdBy: viewer.id }).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "link", entityId: link!.id, action: "create", after: link });
  }
  return row!;
}

/** Creates a draft claim, optionally from a span of a source, in one transaction. */
export async function createClaim(db: Db, viewer: UserViewer, input: CreateClaimInput): Promise<ClaimDetailDTO> {
  const row = await withTx(db, (tx) => insertClaim(tx, viewer, input));
  return getClaimDetail(db, viewer, row.id);
}

/**
 * Edits a claim. A new anchor must be a span of the claim's own source (that is how an orphan
 * is re-attached). Archived claims are read-only.
 */
export async function updateClaim(db: Db, viewer: UserViewer, id: number, input: UpdateClaimInput): Promise<ClaimDetailDTO> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(claims).where(eq(claims.id, id));
    const before = checkVersion(row, input.version, `claim with id ${id}`, () => getClaimDetail(db, viewer, id));
    if (before.status === "archived") throw new ConflictError("An archived claim cannot be edited.", () => getClaimDetail(db, viewer, id));
    if (input.speakerId !== undefined && input.speakerId !== before.speakerId) await assertLiveSpeaker(tx, input.speakerId);
    if (input.storyId != null && input.storyId !== before.storyId) await assertStory(tx, input.storyId);
    let anchor = {};
    if (input.anchor) {
      if (before.sourceId === null) throw new ValidationError("This claim has no source to anchor to.", { anchor: "the claim has no source" });
      anchor = await anchorColumns(tx, before.sourceId, input.anchor);
      // Re-attaching to other words than the quote is a choice of which the claim now quotes:
      // the new words, or the old quote kept (then flagged, its span holding other words).
      if (input.quote === undefined && before.quote !== null && before.quote !== input.anchor.exact) {
        throw new UnprocessableError("The selected words differ from the claim's quote: say which the claim quotes now.", {
          quote: "must be given when re-attaching to other words: the selected words, or the old quote to keep it (flagged for review)",
        });
      }
    }
    const patch = changedFields(before, {
      text: input.text,
      quote: input.quote === undefined && input.anchor ? input.anchor.exact : input.quote,
      speakerId: input.speakerId,
      storyId: input.storyId,
      statedOn: input.statedOn,
      ...anchor,
    });
    if (Object.keys(patch).length === 0) return;
    const [after] = await tx
      .update(claims)
      .set({ ...patch, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(claims.id, id))
      .returning();
    if (after!.storyId !== null) await touchStory(tx, after!.storyId);
    await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: id, action: input.anchor && before.anchorState === "orphan" ? "reattach" : "update", before, after });
  });
  return getClaimDetail(db, viewer, id);
}

/**
 * Moves a claim through the workflow by a step that needs no editor's decision (submit,
 * archive); an illegal transition is a 409 naming the current state. Approving and returning
 * go through decideClaim (server/reviews.ts), which publishes only with a verdict.
 */
export async function transitionClaim(db: Db, viewer: UserViewer, id: number, input: { action: Exclude<ClaimAction, "approve" | "return">; comment?: string | null; version: number }): Promise<ClaimDetailDTO> {
  await withTx(db, async (tx) => {
    const [before] = await tx.select().from(claims).where(eq(claims.id, id));
    if (!before) throw new NotFoundError(`No claim with id ${id}.`);
    checkVersion(before, input.version, `claim with id ${id}`, () => getClaimDetail(db, viewer, id));
    const to = nextStatus(before.status, input.action);
    if (!to) throw new ConflictError(`A claim that is ${before.status.replace("_", " ")} cannot be sent to “${input.action}”.`, () => getClaimDetail(db, viewer, id));
    if (TRANSITIONS[input.action].commentRequired && !input.comment) throw new ValidationError("Say why, for the fact-checker.", { comment: "is required to return a claim" });
    const [after] = await tx
      .update(claims)
      .set({ status: to, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(claims.id, id))
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: id, action: input.action, before, after, comment: input.comment ?? null });
  });
  return getClaimDetail(db, viewer, id);
}
