import "server-only";
import { and, count, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claims, comments, events, evidence, ratings, reviews, sources, users } from "@/db/schema";
import { createAnchor } from "@/lib/anchoring";
import { CodePointIndex } from "@/lib/codepoints";
import type { CommentDTO, EvidenceDTO, Page, PersonRef, ReturnNoteDTO, ReviewDTO } from "@/lib/dto";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { CreateReviewInput, EvidenceInput } from "@/lib/schemas";
import { nextStatus } from "@/lib/workflow";
import type { UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { type CursorKey, decodeCursor, keysetAfter, toPage } from "./pagination";
import { scaleRatings } from "./ratings";
import { checkVersion, nowIso } from "./write-support";

/** Names for user ids (actors of the seed and the command line are "System"). */
export async function peopleByIds(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const rows = wanted.length === 0 ? [] : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  const map = new Map(rows.map((r) => [r.id, r]));
  for (const id of wanted) if (!map.has(id)) map.set(id, { id, name: id.startsWith("system") ? "System" : "Former user" });
  return map;
}

type ReviewRow = typeof reviews.$inferSelect;

/** The pending proposal of each of the claims (at most one each: a newer one withdraws the older). */
export async function pendingReviewsFor(db: Db, claimIds: number[]): Promise<Map<number, ReviewDTO>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(reviews)
    .where(and(inArray(reviews.claimId, claimIds), eq(reviews.state, "pending")))
    .orderBy(desc(reviews.id));
  const out = new Map<number, ReviewDTO>();
  for (const [claimId, list] of await reviewDTOs(db, rows)) out.set(claimId, list[0]!);
  return out;
}

/** The newest `limit` reviews of a claim, newest first. */
export async function latestReviews(db: Db, claimId: number, limit: number): Promise<ReviewDTO[]> {
  const rows = await db.select().from(reviews).where(eq(reviews.claimId, claimId)).orderBy(desc(reviews.createdAt), desc(reviews.id)).limit(limit);
  return (await reviewDTOs(db, rows)).get(claimId) ?? [];
}

/** Review rows as DTOs, grouped by claim in the rows' order. */
async function reviewDTOs(db: Db, rows: ReviewRow[]): Promise<Map<number, ReviewDTO[]>> {
  const out = new Map<number, ReviewDTO[]>();
  if (rows.length === 0) return out;
  const scale = new Map((await db.select().from(ratings)).map((r) => [r.id, r]));
  const people = await peopleByIds(db, rows.flatMap((r) => [r.authorId, r.decidedBy]));
  for (const r of rows) {
    const rating = scale.get(r.ratingId)!;
    const list = out.get(r.claimId) ?? [];
    list.push({
      id: r.id,
      claimId: r.claimId,
      rating: { id: rating.id, key: rating.key, label: rating.label, description: rating.description, colour: rating.colour, value: rating.value, position: rating.position },
      rationale: r.rationale,
      state: r.state,
      author: people.get(r.authorId)!,
      decidedBy: r.decidedBy ? people.get(r.decidedBy)! : null,
      decisionComment: r.decisionComment,
      decidedAt: r.decidedAt,
      createdAt: r.createdAt,
    });
    out.set(r.claimId, list);
  }
  return out;
}

/** How many of a claim's reviews, evidence items and comments its page (and GET …/editorial) carries: the newest. */
export const EDITORIAL_SHOWN = 20;
/** A page of the paged lists of a claim's evidence and comments. */
export const EDITORIAL_PAGE = 50;

const evidenceColumns = { e: evidence, s: { id: sources.id, title: sources.title, kind: sources.kind, publisher: sources.publisher, url: sources.url, publishedOn: sources.publishedOn } };

function evidenceDTO({ e, s }: { e: typeof evidence.$inferSelect; s: EvidenceDTO["source"] }): EvidenceDTO {
  return { id: e.id, stance: e.stance, note: e.note, url: e.url, source: s, quote: e.anchorExact, start: e.anchorStart, end: e.anchorEnd, createdAt: e.createdAt };
}

/** Every evidence item of a claim, oldest first (the verdict record's; see server/verdict-record.ts). */
export async function listEvidence(db: Db, claimId: number): Promise<EvidenceDTO[]> {
  const rows = await db.select(evidenceColumns).from(evidence).leftJoin(sources, eq(sources.id, evidence.sourceId)).where(eq(evidence.claimId, claimId)).orderBy(evidence.id);
  return rows.map(evidenceDTO);
}

/** A page of a claim's evidence or comments, newest first, with how many there are in all. */
export type EditorialPage<T> = Page<T> & { total: number };

/**
 * A claim's evidence, newest first, keyset-paged on (created_at, id) — the order of the index
 * evidence_claim_idx — `limit` at a time. The total is counted only when the page is full.
 */
export async function evidencePage(db: Db, claimId: number, query: { cursor?: string | null; limit: number }): Promise<EditorialPage<EvidenceDTO>> {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select(evidenceColumns)
    .from(evidence)
    .leftJoin(sources, eq(sources.id, evidence.sourceId))
    .where(and(eq(evidence.claimId, claimId), after ? keysetAfter([evidence.createdAt, evidence.id], after, "desc") : undefined))
    .orderBy(desc(evidence.createdAt), desc(evidence.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, evidenceDTO, (r) => [r.e.createdAt, r.e.id]);
  const total = !after && !page.hasMore ? page.items.length : ((await db.select({ n: count() }).from(evidence).where(eq(evidence.claimId, claimId)))[0]?.n ?? 0);
  return { ...page, total };
}

/** A claim's comments, newest first, keyset-paged on (created_at, id) (index comments_claim_idx), with their total. */
export async function commentsPage(db: Db, claimId: number, query: { cursor?: string | null; limit: number }): Promise<EditorialPage<CommentDTO>> {
  const after: CursorKey | null = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.claimId, claimId), after ? keysetAfter([comments.createdAt, comments.id], after, "desc") : undefined))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => r, (r) => [r.createdAt, r.id]);
  const people = await peopleByIds(db, page.items.map((r) => r.authorId));
  const items = page.items.map((r) => ({ id: r.id, author: people.get(r.authorId)!, body: r.body, createdAt: r.createdAt }));
  const total = !after && !page.hasMore ? items.length : ((await db.select({ n: count() }).from(comments).where(eq(comments.claimId, claimId)))[0]?.n ?? 0);
  return { items, nextCursor: page.nextCursor, hasMore: page.hasMore, total };
}

async function commentById(db: Db, id: number): Promise<CommentDTO> {
  const [row] = await db.select().from(comments).where(eq(comments.id, id));
  const people = await peopleByIds(db, [row!.authorId]);
  return { id: row!.id, author: people.get(row!.authorId)!, body: row!.body, createdAt: row!.createdAt };
}

async function evidenceById(db: Db, id: number): Promise<EvidenceDTO> {
  const [row] = await db.select(evidenceColumns).from(evidence).leftJoin(sources, eq(sources.id, evidence.sourceId)).where(eq(evidence.id, id));
  return evidenceDTO(row!);
}

/** Adds one evidence item; a quote from a source is located in its current text and anchored there. */
export async function insertEvidence(tx: Tx, viewer: UserViewer, claimId: number, item: EvidenceInput, field = "evidence") {
  let anchor = {};
  if (item.sourceId !== undefined) {
    const [source] = await tx.select({ text: sources.text }).from(sources).where(eq(sources.id, item.sourceId));
    if (!source) throw new ValidationError(`No source with id ${item.sourceId}.`, { [`${field}.sourceId`]: "no such source" });
    if (item.quote) {
      const at = source.text.indexOf(item.quote);
      if (at < 0) throw new ValidationError("The quoted words are not in that source.", { [`${field}.quote`]: "not found in the source's text" });
      const index = new CodePointIndex(source.text);
      const start = index.toCodePoint(at);
      const a = createAnchor(index, start, start + [...item.quote].length);
      anchor = { anchorExact: a.exact, anchorPrefix: a.prefix, anchorSuffix: a.suffix, anchorStart: a.start, anchorEnd: a.end };
    }
  }
  const [row] = await tx
    .insert(evidence)
    .values({ claimId, sourceId: item.sourceId ?? null, url: item.url ?? null, stance: item.stance, note: item.note, ...anchor, createdBy: viewer.id })
    .returning();
  await recordEvent(tx, { actor: viewer.id, entityType: "evidence", entityId: row!.id, action: "create", after: row });
  return row!;
}

/**
 * A fact-checker's proposed verdict, with its evidence. A newer proposal withdraws any pending
 * one. With `submit`, a draft or returned claim goes to the review queue in the same step.
 */
export async function createReview(db: Db, viewer: UserViewer, claimId: number, input: CreateReviewInput): Promise<number> {
  return withTx(db, async (tx) => {
    const [row] = await tx.select().from(claims).where(eq(claims.id, claimId));
    const claim = checkVersion(row, input.version, `claim with id ${claimId}`, () => null);
    if (claim.status === "archived") throw new ConflictError("An archived claim cannot be reviewed.");
    const rating = (await scaleRatings(tx)).find((r) => r.key === input.rating);
    if (!rating) throw new ValidationError(`No verdict “${input.rating}” on the rating scale.`, { rating: "not on the rating scale" });
    for (const pending of await tx.select().from(reviews).where(and(eq(reviews.claimId, claimId), eq(reviews.state, "pending")))) {
      const [after] = await tx.update(reviews).set({ state: "withdrawn", version: pending.version + 1 }).where(eq(reviews.id, pending.id)).returning();
      await recordEvent(tx, { actor: viewer.id, entityType: "review", entityId: pending.id, action: "withdraw", before: pending, after, comment: "replaced by a newer proposal" });
    }
    const [review] = await tx.insert(reviews).values({ claimId, ratingId: rating.id, rationale: input.rationale, authorId: viewer.id }).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "review", entityId: review!.id, action: "create", after: review });
    for (const [i, item] of input.evidence.entries()) await insertEvidence(tx, viewer, claimId, item, `evidence.${i}`);
    const to = input.submit ? nextStatus(claim.status, "submit") : null;
    if (to) {
      const [after] = await tx.update(claims).set({ status: to, version: claim.version + 1, updatedAt: nowIso() }).where(eq(claims.id, claimId)).returning();
      await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claimId, action: "submit", before: claim, after, comment: `verdict proposed: ${rating.label}` });
    } else {
      // The claim's version still moves, so an editor deciding on an older view is told.
      await tx.update(claims).set({ version: claim.version + 1, updatedAt: nowIso() }).where(eq(claims.id, claimId));
    }
    return review!.id;
  });
}

/** What publishing needs and a claim lacks, field by field. */
const PUBLISH_NEEDS = {
  rating: "is required to publish: no verdict was proposed",
  rationale: "is required to publish: the verdict has no rationale",
} as const;

/**
 * The first part of a verdict a claim lacks for publishing (with no pending proposal to supply
 * it): its rating, then its rationale; null when it has both.
 */
function publishingGap(claim: { ratingId: number | null; rationale: string | null }): keyof typeof PUBLISH_NEEDS | null {
  if (claim.ratingId === null) return "rating";
  if (!claim.rationale?.trim()) return "rationale";
  return null;
}

/**
 * An editor's decision on a claim in the queue. Approve: a claim in review is published, and
 * the pending verdict (if any) becomes the claim's verdict — also for a published claim that was
 * awaiting one. Publishing needs a verdict: approving a claim with no pending proposal and no
 * verdict (or one without a rationale) of its own is a 422 naming the missing field, nothing
 * written. Return: back to the fact-checker with a comment (required). The proposer of a
 * verdict cannot approve it: every published verdict is seen by a second person.
 */
export async function decideClaim(db: Db, viewer: UserViewer, claimId: number, input: { action: "approve" | "return"; comment?: string | null; version: number; reviewId?: number }): Promise<void> {
  await withTx(db, async (tx) => {
    const [claim] = await tx.select().from(claims).where(eq(claims.id, claimId));
    if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
    checkVersion(claim, input.version, `claim with id ${claimId}`, () => ({ id: claim.id, version: claim.version, status: claim.status }));
    const [pending] = await tx.select().from(reviews).where(and(eq(reviews.claimId, claimId), eq(reviews.state, "pending"))).orderBy(desc(reviews.id)).limit(1);
    if (input.reviewId !== undefined && pending?.id !== input.reviewId) throw new ConflictError("That verdict is no longer the one awaiting a decision.", { id: claim.id, version: claim.version, status: claim.status });
    const to = nextStatus(claim.status, input.action);
    if (!to && !(claim.status === "published" && pending)) {
      throw new ConflictError(`A claim that is ${claim.status.replace("_", " ")} has nothing awaiting a decision.`, { id: claim.id, version: claim.version, status: claim.status });
    }
    if (input.action === "return" && !input.comment) throw new ValidationError("Say what needs to change.", { comment: "is required to return a claim" });
    if (input.action === "approve" && pending && pending.authorId === viewer.id) {
      throw new ConflictError("You proposed this verdict; another editor must approve it.", { id: claim.id, version: claim.version, status: claim.status });
    }
    if (input.action === "approve" && !pending) {
      const missing = publishingGap(claim);
      if (missing) throw new UnprocessableError(`This claim has no ${missing === "rating" ? "verdict" : "rationale for its verdict"}: propose a verdict before approving it.`, { [missing]: PUBLISH_NEEDS[missing] });
    }
    const at = nowIso();
    if (pending) {
      const [after] = await tx
        .update(reviews)
        .set({ state: input.action === "approve" ? "approved" : "returned", decidedBy: viewer.id, decidedAt: at, decisionComment: input.comment ?? null, version: pending.version + 1 })
        .where(eq(reviews.id, pending.id))
        .returning();
      await recordEvent(tx, { actor: viewer.id, entityType: "review", entityId: pending.id, action: input.action, before: pending, after, comment: input.comment ?? null });
    }
    const verdict = input.action === "approve" && pending ? { ratingId: pending.ratingId, rationale: pending.rationale } : {};
    const status = to ?? claim.status;
    const [after] = await tx
      .update(claims)
      .set({ ...verdict, status, version: claim.version + 1, updatedAt: at, ...(status === "published" && claim.status !== "published" ? { publishedAt: at } : {}) })
      .where(eq(claims.id, claimId))
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claimId, action: input.action, before: claim, after, comment: input.comment ?? null });
    if (input.action === "return") {
      const [note] = await tx.insert(comments).values({ claimId, authorId: viewer.id, body: `Returned: ${input.comment}` }).returning();
      await recordEvent(tx, { actor: viewer.id, entityType: "comment", entityId: note!.id, action: "create", after: note });
    }
  });
}

/** 404 unless the claim exists (staff see every claim, drafts too). */
export async function assertClaimExists(db: Db, claimId: number): Promise<void> {
  await assertClaim(db, claimId);
}

async function assertClaim(tx: Db | Tx, claimId: number): Promise<void> {
  const [claim] = await tx.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId));
  if (!claim) throw new NotFoundError(`No claim with id ${claimId}.`);
}

export async function addComment(db: Db, viewer: UserViewer, claimId: number, body: string): Promise<CommentDTO> {
  const id = await withTx(db, async (tx) => {
    await assertClaim(tx, claimId);
    const [row] = await tx.insert(comments).values({ claimId, authorId: viewer.id, body }).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "comment", entityId: row!.id, action: "create", after: row });
    return row!.id;
  });
  return commentById(db, id);
}

export async function addEvidence(db: Db, viewer: UserViewer, claimId: number, item: EvidenceInput): Promise<EvidenceDTO> {
  const id = await withTx(db, async (tx) => {
    await assertClaim(tx, claimId);
    return (await insertEvidence(tx, viewer, claimId, item)).id;
  });
  return evidenceById(db, id);
}

export async function deleteEvidence(db: Db, viewer: UserViewer, id: number): Promise<{ id: number; deleted: true }> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(evidence).where(eq(evidence.id, id));
    if (!row) throw new NotFoundError(`No evidence with id ${id}.`);
    await tx.delete(evidence).where(eq(evidence.id, id));
    await recordEvent(tx, { actor: viewer.id, entityType: "evidence", entityId: id, action: "delete", before: row });
  });
  return { id, deleted: true };
}

/** The claim a review belongs to. */
export async function reviewClaimId(db: Db, reviewId: number): Promise<number> {
  const [row] = await db.select({ claimId: reviews.claimId }).from(reviews).where(eq(reviews.id, reviewId));
  if (!row) throw new NotFoundError(`No review with id ${reviewId}.`);
  return row.claimId;
}

/** The latest "return" of each claim (from the events log, whether or not a verdict was proposed). */
export async function lastReturns(db: Db, claimIds: number[]): Promise<Map<number, ReturnNoteDTO>> {
  if (claimIds.length === 0) return new Map();
  // Only each claim's latest: a claim returned a hundred times reads one row, not a hundred.
  const latest = db
    .select({ id: max(events.id) })
    .from(events)
    .where(and(eq(events.entityType, "claim"), inArray(events.entityId, claimIds.map(String)), eq(events.action, "return")))
    .groupBy(events.entityId);
  const rows = await db
    .select({ entityId: events.entityId, actor: events.actor, at: events.createdAt, comment: events.comment })
    .from(events)
    .where(inArray(events.id, latest))
    .orderBy(events.id);
  const people = await peopleByIds(db, rows.map((r) => r.actor));
  return new Map(rows.map((r) => [Number(r.entityId), { by: people.get(r.actor)!, at: r.at, comment: r.comment ?? "" }]));
}
