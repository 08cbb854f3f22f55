import "server-only";
import { and, asc, desc, eq, getTableColumns, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { indexAfterWrite } from "@/db/passage-index";
import { withTx } from "@/db/tx";
import { claims, sourceRevisions, sources } from "@/db/schema";
import { type ReanchorResult, type TextAnchor } from "@/lib/anchoring";
import { codePointLength } from "@/lib/codepoints";
import type { ReanchorReport, RevisionDTO, SourceDTO } from "@/lib/dto";
import { normalizeSourceText } from "@/lib/import/normalize";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import type { CreateSourceInput, UpdateSourceInput } from "@/lib/schemas";
import { authorize, type UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { offload, yieldToOthers } from "./offload";
import { quoteChange } from "./quote-change";
import { peopleByIds } from "./reviews";
import { getSource, readerMayReadText } from "./sources";
import { changedFields, checkVersion, nowIso } from "./write-support";

type SourceRow = typeof sources.$inferSelect;

/** A source row for the audit log: everything but the text, which lives in source_revisions. */
function summary(row: SourceRow | Omit<SourceRow, "text">): Record<string, unknown> {
  const { text: _text, ...rest } = row as SourceRow;
  return rest;
}

/** A source's columns but its text: what a write reads back (RETURNING a 5 MiB text costs SQLite a tenth of a second on the request thread). */
const { text: _text, ...sourceColumnsButText } = getTableColumns(sources);

export async function createSource(db: Db, viewer: UserViewer, input: CreateSourceInput): Promise<SourceDTO> {
  const text = normalizeSourceText(input.text);
  const row = await withTx(db, async (tx) => {
    const [row] = await tx
      .insert(sources)
      .values({
        title: input.title,
        kind: input.kind,
        publisher: input.publisher ?? null,
        author: input.author ?? null,
        url: input.url ?? null,
        publishedOn: input.publishedOn ?? null,
        language: input.language,
        text,
        revision: 1,
        createdBy: viewer.id,
      })
      .returning(sourceColumnsButText);
    // Writing a long text takes SQLite tens of milliseconds a statement: other requests' reads
    // (on the reader connection) get in between, rather than after the whole transaction.
    await yieldToOthers();
    await tx.insert(sourceRevisions).values({ sourceId: row!.id, revision: 1, text, createdBy: viewer.id });
    await yieldToOthers();
    await recordEvent(tx, { actor: viewer.id, entityType: "source", entityId: row!.id, action: "create", after: summary(row!) });
    return row!;
  });
  // A long text is indexed for search off this thread, before the answer (db/passage-index.ts).
  await indexAfterWrite(db);
  return getSource(db, viewer, row.id);
}

/**
 * Re-anchors every anchored claim of a source to its new text, in the caller's transaction.
 * Claims anchored to the previous revision go through one diff (reanchorAll); orphans from
 * older revisions are searched for on their own and re-attached only when found. Each claim
 * whose anchor changes gets a new version and an event.
 */
type ClaimRow = typeof claims.$inferSelect;

/** Where each anchored claim of a source lands in a new text, computed from `rows` (claims at a version). */
export interface ReanchorPlan {
  versions: Map<number, number>;
  results: Map<number, ReanchorResult>;
}

const toAnchor = (c: ClaimRow): TextAnchor => ({ exact: c.anchorExact!, prefix: c.anchorPrefix ?? "", suffix: c.anchorSuffix ?? "", start: c.anchorStart!, end: c.anchorEnd! });

export function anchoredClaims(db: Db | Tx, sourceId: number): Promise<ClaimRow[]> {
  return db
    .select()
    .from(claims)
    .where(and(eq(claims.sourceId, sourceId), isNotNull(claims.anchorState)))
    .orderBy(asc(claims.id));
}

/** How long re-anchoring a source's claims to a new text may take before the edit is refused (503). */
export const REANCHOR_DEADLINE_MS = 30_000;

/**
 * The diff of the two texts and each claim's new place: the costly part of a revision (seconds
 * for a long text with many claims), so it runs on a worker thread, with a deadline.
 */
export async function planReanchor(rows: ClaimRow[], oldText: string, newText: string): Promise<ReanchorPlan> {
  const current = rows.filter((c) => c.anchorState === "anchored");
  const orphans = rows.filter((c) => c.anchorState === "orphan");
  const results = new Map<number, ReanchorResult>();
  if (current.length + orphans.length > 0) {
    const placed = await offload("reanchorPlan", { oldText, newText, current: current.map(toAnchor), orphans: orphans.map(toAnchor) }, { deadlineMs: REANCHOR_DEADLINE_MS, what: "Re-anchoring the source's claims to its new text" });
    placed.current.forEach((r, i) => results.set(current[i]!.id, r));
    placed.orphans.forEach((r, i) => results.set(orphans[i]!.id, r));
  }
  return { versions: new Map(rows.map((c) => [c.id, c.version])), results };
}

async function reanchorClaims(tx: Tx, viewer: UserViewer, sourceId: number, oldText: string, newText: string, revision: number, planned: ReanchorPlan | null): Promise<ReanchorReport> {
  const rows = await anchoredClaims(tx, sourceId);
  // A plan made before the transaction holds for every claim still at the version it was made
  // from; a claim edited since (rare) is placed again here, on its own.
  const stale = planned ? rows.filter((c) => planned.versions.get(c.id) !== c.version) : rows;
  const results = planned && stale.length < rows.length ? new Map(planned.results) : (await planReanchor(rows, oldText, newText)).results;
  if (planned && stale.length < rows.length && stale.length > 0) {
    const placed = await offload("reanchorPlan", { oldText, newText, current: [], orphans: stale.map(toAnchor) }, { deadlineMs: REANCHOR_DEADLINE_MS, what: "Re-anchoring the source's claims to its new text" });
    placed.orphans.forEach((r, i) => results.set(stale[i]!.id, r));
  }

  const report: ReanchorReport = { revision, anchored: 0, moved: 0, fuzzy: 0, orphaned: 0, stillOrphaned: 0, reattached: 0, quoteChanged: [] };
  const at = nowIso();
  for (const claim of rows) {
    const result = results.get(claim.id)!;
    if (result.status === "orphan") {
      if (claim.anchorState === "orphan") {
        report.stillOrphaned++; // stays an orphan of its older revision
        continue;
      }
      report.orphaned++;
      const [after] = await tx.update(claims).set({ anchorState: "orphan", version: claim.version + 1, updatedAt: at }).where(eq(claims.id, claim.id)).returning();
      await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claim.id, action: "orphan", before: claim, after, comment: `quote not found in revision ${revision}: ${result.reason}` });
      continue;
    }
    report.anchored++;
    if (result.method === "fuzzy") report.fuzzy++;
    if (claim.anchorState === "orphan") report.reattached++;
    else if (result.start !== claim.anchorStart || result.end !== claim.anchorEnd) report.moved++;
    const a = result.anchor;
    const [after] = await tx
      .update(claims)
      .set({
        anchorExact: a.exact,
        anchorPrefix: a.prefix,
        anchorSuffix: a.suffix,
        anchorStart: a.start,
        anchorEnd: a.end,
        anchorRevision: revision,
        anchorState: "anchored",
        // The quote is what was verified: it never follows the source on its own. When the span
        // now holds other words the claim is flagged (queue_reason 'quote_changed') until a
        // person accepts them or keeps the quote (server/quote-change.ts).
        version: claim.version + 1,
        updatedAt: at,
      })
      .where(eq(claims.id, claim.id))
      .returning();
    const changed = quoteChange(after!);
    if (changed) report.quoteChanged.push(changed);
    const note = changed && changed.proposed !== quoteChange(claim)?.proposed ? "; the quote changed in the source and waits for review" : "";
    await recordEvent(tx, { actor: viewer.id, entityType: "claim", entityId: claim.id, action: "reanchor", before: claim, after, comment: `revision ${revision}: ${result.method} match, score ${result.score.toFixed(2)}${note}` });
  }
  return report;
}

/**
 * Edits a source. Metadata changes bump its version; a text change also stores a new revision
 * and re-anchors every claim, all in one transaction: a claim either lands on its quote in the
 * new text or becomes an orphan — none is dropped.
 */
export async function updateSource(db: Db, viewer: UserViewer, id: number, input: UpdateSourceInput): Promise<SourceDTO & { reanchor: ReanchorReport | null }> {
  // The re-anchoring is planned before the transaction, from what is committed, so the write
  // lock is held for the writes only (a source with thousands of claims takes a while to diff);
  // the transaction checks the plan still holds.
  let planned: { fromVersion: number; plan: ReanchorPlan } | null = null;
  const [current] = await db.select().from(sources).where(eq(sources.id, id));
  if (current && input.text !== undefined && current.version === input.version) {
    const text = normalizeSourceText(input.text);
    if (text !== current.text) planned = { fromVersion: current.version, plan: await planReanchor(await anchoredClaims(db, id), current.text, text) };
  }
  const report = await withTx(db, (tx) => updateSourceInTx(db, tx, viewer, id, input, planned));
  await indexAfterWrite(db);
  return { ...(await getSource(db, viewer, id)), reanchor: report };
}

/** updateSource's work, inside the caller's transaction (a restore runs it within its own). */
export async function updateSourceInTx(db: Db, tx: Tx, viewer: UserViewer, id: number, input: UpdateSourceInput, planned: { fromVersion: number; plan: ReanchorPlan } | null = null): Promise<ReanchorReport | null> {
  const [row] = await tx.select().from(sources).where(eq(sources.id, id));
  const before = checkVersion(row, input.version, `source with id ${id}`, () => getSource(db, viewer, id));
  const text = input.text === undefined ? undefined : normalizeSourceText(input.text);
  if (input.revisionNote && input.text === undefined) {
    throw new ValidationError("A revision note goes with a change to the text.", { revisionNote: "is only kept with a new text" });
  }
  const patch = changedFields(before, {
    title: input.title,
    kind: input.kind,
    publisher: input.publisher,
    author: input.author,
    url: input.url,
    publishedOn: input.publishedOn,
    language: input.language,
    text,
    publishable: input.publishable,
  });
  if (Object.keys(patch).length === 0) return null;
  // Whether readers see the whole text is an editor's decision.
  if (patch.publishable !== undefined) authorize(viewer, "review:decide");
  const revision = patch.text !== undefined ? before.revision + 1 : before.revision;
  const [after] = await tx
    .update(sources)
    .set({ ...patch, revision, version: before.version + 1, updatedAt: nowIso() })
    .where(eq(sources.id, id))
    .returning(sourceColumnsButText);
  let report: ReanchorReport | null = null;
  if (patch.text !== undefined) {
    await yieldToOthers();
    await tx.insert(sourceRevisions).values({ sourceId: id, revision, text: patch.text, note: input.revisionNote ?? null, createdBy: viewer.id });
    await yieldToOthers();
    report = await reanchorClaims(tx, viewer, id, before.text, patch.text, revision, planned?.fromVersion === before.version ? planned.plan : null);
  }
  await recordEvent(tx, {
    actor: viewer.id,
    entityType: "source",
    entityId: id,
    action: patch.text !== undefined ? "revise" : "update",
    before: summary(before),
    after: { ...summary(after!), ...(report ? { reanchor: report } : {}) },
    comment: input.revisionNote ?? null,
  });
  return report;
}

/** Revisions are the source's text: a reader sees them only for a publishable source with a published claim. */
async function assertTextVisible(db: Db, viewer: Viewer, sourceId: number): Promise<void> {
  const [exists] = await db.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId));
  if (!exists || !(await readerMayReadText(db, viewer, sourceId))) throw new NotFoundError(`No source with id ${sourceId}.`);
}

export async function listRevisions(db: Db, viewer: Viewer, sourceId: number): Promise<RevisionDTO[]> {
  await assertTextVisible(db, viewer, sourceId);
  // length() counts characters (code points) on both engines, the unit of anchors.
  const rows = await db
    .select({ revision: sourceRevisions.revision, note: sourceRevisions.note, createdBy: sourceRevisions.createdBy, createdAt: sourceRevisions.createdAt, length: sql<number>`length(${sourceRevisions.text})`.mapWith(Number) })
    .from(sourceRevisions)
    .where(eq(sourceRevisions.sourceId, sourceId))
    .orderBy(desc(sourceRevisions.revision));
  const people = await peopleByIds(db, rows.map((r) => r.createdBy));
  return rows.map(({ createdBy, ...r }) => ({ ...r, author: people.get(createdBy)! }));
}

export async function getRevision(db: Db, viewer: Viewer, sourceId: number, revision: number): Promise<RevisionDTO & { text: string }> {
  await assertTextVisible(db, viewer, sourceId);
  const [row] = await db.select().from(sourceRevisions).where(and(eq(sourceRevisions.sourceId, sourceId), eq(sourceRevisions.revision, revision)));
  if (!row) throw new NotFoundError(`Source ${sourceId} has no revision ${revision}.`);
  const author = (await peopleByIds(db, [row.createdBy])).get(row.createdBy)!;
  return { revision: row.revision, note: row.note, author, createdAt: row.createdAt, length: codePointLength(row.text), text: row.text };
}
