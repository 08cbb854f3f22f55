import "server-only";
import { and, asc, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { checkRequests, claimLinks, claims, comments, evidence, importKeys, importRecords, imports, reviews, sourceRevisions, sources, speakers, stories, suggestionRejections } from "@/db/schema";
import type { ImportDTO } from "@/lib/dto";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { EntityType } from "@/lib/model";
import type { UserViewer } from "../authz";
import { recordEvent, type Tx } from "../events";
import { nowIso } from "../write-support";
import { getImport } from "./framework";

/**
 * Undoes an import as a whole, in one transaction: the claims, speakers, stories and sources it
 * made are deleted, and the claims it changed get back what they had. Refused (409, nothing
 * changed) when anything has built on the import since — a claim it made or changed edited
 * again, reviewed, linked, commented or given evidence; a speaker, story or source it made now
 * used by other claims — so undo never takes anyone else's work with it. Each deletion and
 * restoration is in the audit log, with the undo named in the comment.
 */
export async function undoImport(db: Db, viewer: UserViewer, id: number): Promise<ImportDTO> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, id));
    if (!row) throw new NotFoundError(`No import with id ${id}.`);
    if (row.dryRun) throw new ConflictError("A dry run wrote nothing, so there is nothing to undo.", () => getImport(db, id));
    if (row.state === "undone") throw new ConflictError("This import was already undone.", () => getImport(db, id));
    if (row.state !== "done" && row.state !== "failed") throw new ConflictError(`This import is ${row.state}; wait until it ends.`, () => getImport(db, id));
    const records = await tx.select().from(importRecords).where(eq(importRecords.importId, id)).orderBy(asc(importRecords.id));
    const made = (type: string) => records.filter((r) => r.action === "create" && r.entityType === type).map((r) => r.entityId);
    const changed = records.filter((r) => r.action === "update" && r.entityType === "claim");
    const madeClaims = made("claim");
    const touched = [...madeClaims, ...changed.map((r) => r.entityId)];
    const problems = await dependents(tx, id, madeClaims, touched, made("speaker"), made("story"), made("source"), changed);
    if (problems.length > 0) throw new ConflictError(`This import cannot be undone: ${problems.join("; ")}.`, () => getImport(db, id));

    const comment = `Undo of import #${id}`;
    const log = (entityType: EntityType, entityId: number, before: Record<string, unknown> | null, after: Record<string, unknown> | null, action = "delete") =>
      recordEvent(tx, { actor: viewer.id, entityType, entityId, action, before, after, comment });
    for (const r of [...changed].reverse()) {
      const [current] = await tx.select().from(claims).where(eq(claims.id, r.entityId));
      const was = r.before as typeof claims.$inferSelect;
      const [after] = await tx
        .update(claims)
        .set({ text: was.text, speakerId: was.speakerId, statedOn: was.statedOn, rationale: was.rationale, storyId: was.storyId, ratingId: was.ratingId, status: was.status, publishedAt: was.publishedAt, version: current!.version + 1, updatedAt: nowIso() })
        .where(eq(claims.id, r.entityId))
        .returning();
      await log("claim", r.entityId, current!, after!, "undo-import");
    }
    for (const part of chunks(madeClaims)) {
      await tx.delete(importKeys).where(inArray(importKeys.claimId, part));
      for (const c of await tx.delete(claims).where(inArray(claims.id, part)).returning()) await log("claim", c.id, c, null);
    }
    for (const part of chunks(made("source"))) {
      await tx.delete(sourceRevisions).where(inArray(sourceRevisions.sourceId, part));
      for (const s of await tx.delete(sources).where(inArray(sources.id, part)).returning()) {
        const { text: _text, ...summary } = s;
        await log("source", s.id, summary, null);
      }
    }
    for (const part of chunks(made("story"))) for (const s of await tx.delete(stories).where(inArray(stories.id, part)).returning()) await log("story", s.id, s, null);
    for (const part of chunks(made("speaker"))) for (const s of await tx.delete(speakers).where(inArray(speakers.id, part)).returning()) await log("speaker", s.id, s, null);
    await tx.update(imports).set({ state: "undone", undoneAt: nowIso(), undoneBy: viewer.id }).where(eq(imports.id, id));
  });
  return getImport(db, id);
}

const chunks = <T>(list: T[], size = 400): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

async function count(q: Promise<{ n: number | string }[]>): Promise<number> {
  return Number((await q)[0]?.n ?? 0);
}

/** What has come to depend on the import's rows since it ran, as sentences; empty when undo is safe. */
async function dependents(tx: Tx, importId: number, madeClaims: number[], touched: number[], madeSpeakers: number[], madeStories: number[], madeSources: number[], changed: (typeof importRecords.$inferSelect)[]): Promise<string[]> {
  const problems: string[] = [];
  const n = sql<number>`count(*)`;
  const add = (what: string, k: number) => k > 0 && problems.push(`${k} ${what}`);
  for (const part of chunks(touched)) {
    add("review(s) of its claims", await count(tx.select({ n }).from(reviews).where(inArray(reviews.claimId, part))));
    add("comment(s) on its claims", await count(tx.select({ n }).from(comments).where(inArray(comments.claimId, part))));
    add("check request(s) on its claims", await count(tx.select({ n }).from(checkRequests).where(inArray(checkRequests.claimId, part))));
    add("piece(s) of evidence on its claims", await count(tx.select({ n }).from(evidence).where(inArray(evidence.claimId, part))));
    add("link(s) to its claims", await count(tx.select({ n }).from(claimLinks).where(or(inArray(claimLinks.fromClaimId, part), inArray(claimLinks.toClaimId, part)))));
  }
  // A claim it made is edited again when its version moved past 1; one it changed, past the version it left.
  for (const part of chunks(madeClaims)) add("of its claims edited since", await count(tx.select({ n }).from(claims).where(and(inArray(claims.id, part), sql`${claims.version} > 1`))));
  let editedSince = 0;
  for (const r of changed) {
    const [c] = await tx.select({ version: claims.version }).from(claims).where(eq(claims.id, r.entityId));
    if (c && c.version !== (r.before as { version: number }).version + 1) editedSince++;
  }
  add("of the claims it updated edited since", editedSince);
  const ours = tx
    .select({ id: importRecords.entityId })
    .from(importRecords)
    .where(and(eq(importRecords.importId, importId), eq(importRecords.entityType, "claim"), eq(importRecords.action, "create")));
  const others = (column: typeof claims.speakerId | typeof claims.storyId | typeof claims.sourceId, ids: number[]) =>
    count(tx.select({ n }).from(claims).where(and(inArray(column, ids), notInArray(claims.id, ours))));
  for (const part of chunks(madeSpeakers)) add("other claim(s) by speakers it made", await others(claims.speakerId, part));
  for (const part of chunks(madeStories)) add("other claim(s) in stories it made", await others(claims.storyId, part));
  for (const part of chunks(madeSources)) {
    add("other claim(s) in sources it made", await others(claims.sourceId, part));
    add("piece(s) of evidence citing sources it made", await count(tx.select({ n }).from(evidence).where(inArray(evidence.sourceId, part))));
    add("revision(s) of sources it made", await count(tx.select({ n }).from(sources).where(and(inArray(sources.id, part), sql`${sources.revision} > 1`))));
    add("rejected suggestion(s) in sources it made", await count(tx.select({ n }).from(suggestionRejections).where(inArray(suggestionRejections.sourceId, part))));
  }
  for (const part of chunks(madeSpeakers)) add("speaker(s) it made now used as an affiliation or merge target", await count(tx.select({ n }).from(speakers).where(or(inArray(speakers.affiliationId, part), inArray(speakers.mergedIntoId, part)))));
  return problems;
}
