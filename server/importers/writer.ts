import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { announceChange } from "@/db/changes";
import { claims, events, importKeys, importRecords, sourceRevisions, sources, speakers, stories } from "@/db/schema";
import type { ImportOutcome, ImportReportItem } from "@/lib/dto";
import type { IncomingClaim } from "@/lib/interchange/incoming";
import type { EntityType } from "@/lib/model";
import { yieldToOthers } from "../offload";
import { readerVisible, recordEvent, type Tx } from "../events";
import { nowIso } from "../write-support";

/**
 * Writes what the readers made of a file (IncomingClaim) — or, in a dry run, works out what it
 * would write without writing. The same code decides both, so the preview cannot disagree with
 * the import. Speakers are matched by name or alias (ignoring case), stories by title, sources by
 * URL; an item already imported (the same key) or a claim with the same speaker and text is
 * updated, never duplicated. Every row made or changed is in the audit log, with the import named
 * in the event's comment, and in import_records, which is what undo reverts.
 */

type ClaimRow = typeof claims.$inferSelect;

export interface WriteContext {
  importId: number;
  actor: string;
  dryRun: boolean;
  comment: string;
  ratingIds: Map<string, number>;
  /** Lower-cased speaker names and aliases → id (new speakers of a dry run get negative ids). */
  speakers: Map<string, number>;
  stories: Map<string, number>;
  sources: Map<string, number>;
  made: { speakers: number; stories: number; sources: number };
  nextFakeId: number;
  /** The identity (key, or speaker and text) of every item written so far → its ref: a file may not hold one item twice. */
  seen: Map<string, string>;
}

/** Caches filled inside a batch's transaction reach the context only once it commits (a retried or failed batch leaves none behind). */
interface Overlay {
  /** Rows written at the end of the batch, many to a statement: the log and undo records of what it made, and the keys. */
  pending: { events: (typeof events.$inferInsert)[]; records: (typeof importRecords.$inferInsert)[]; keys: (typeof importKeys.$inferInsert)[] };
  speakers: Map<string, number>;
  stories: Map<string, number>;
  sources: Map<string, number>;
  made: { speakers: number; stories: number; sources: number };
  seen: Map<string, string>;
}

export async function loadContext(db: Db, base: Omit<WriteContext, "ratingIds" | "speakers" | "stories" | "sources" | "made" | "nextFakeId" | "seen">, ratingIds: Map<string, number>): Promise<WriteContext> {
  const speakerMap = new Map<string, number>();
  for (const s of await db.select({ id: speakers.id, name: speakers.name, aliases: speakers.aliases }).from(speakers).where(isNull(speakers.mergedIntoId))) {
    for (const n of [s.name, ...(s.aliases ?? [])]) if (!speakerMap.has(n.toLowerCase())) speakerMap.set(n.toLowerCase(), s.id);
  }
  const storyMap = new Map((await db.select({ id: stories.id, title: stories.title }).from(stories)).map((s) => [s.title.toLowerCase(), s.id]));
  return { ...base, ratingIds, speakers: speakerMap, stories: storyMap, sources: new Map(), made: { speakers: 0, stories: 0, sources: 0 }, nextFakeId: -1, seen: new Map() };
}

const chunks = <T>(list: T[], size = 400): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Writes (or previews) one batch of items; `tx` is a transaction, or the database in a dry run. */
/** Items written between two chances for other requests to run. */
const YIELD_EVERY = 20;

export async function writeBatch(tx: Tx, ctx: WriteContext, items: IncomingClaim[]): Promise<ImportReportItem[] & { commit: () => void }> {
  const overlay: Overlay = { pending: { events: [], records: [], keys: [] }, speakers: new Map(), stories: new Map(), sources: new Map(), made: { speakers: 0, stories: 0, sources: 0 }, seen: new Map() };
  const existing = await findExisting(tx, ctx, items);
  const urls = [...new Set(items.map((i) => i.source?.url).filter((u): u is string => !!u && !ctx.sources.has(`url:${u}`)))];
  for (const part of chunks(urls)) {
    for (const s of await tx.select({ id: sources.id, url: sources.url }).from(sources).where(inArray(sources.url, part))) if (s.url) overlay.sources.set(`url:${s.url}`, s.id);
  }
  const out: ImportReportItem[] = [];
  for (const [n, item] of items.entries()) {
    // Other requests are answered between every few items (reads go on while the batch's
    // transaction is open; other writes wait for it, as for any transaction).
    if (n > 0 && n % YIELD_EVERY === 0) await yieldToOthers();
    const before = existing.get(item);
    // An item is the same as an earlier one of the file by claim, by key, or by speaker and text.
    const identities = [
      ...(before ? [`claim:${before.id}`] : []),
      ...(item.key ? [`key:${item.key.scheme}\u0000${item.key.key}`] : []),
      `text:${item.speaker.name.toLowerCase()}\u0000${item.text}`,
    ];
    const earlier = identities.map((i) => ctx.seen.get(i) ?? overlay.seen.get(i)).find(Boolean);
    if (earlier) {
      out.push({ ref: item.ref, outcome: "refused", reason: `the same claim as ${earlier} of this file` });
      continue;
    }
    for (const i of identities) overlay.seen.set(i, item.ref);
    out.push(await writeOne(tx, ctx, overlay, item, before));
  }
  await flushPending(tx, overlay.pending);
  return Object.assign(out, { commit: () => mergeOverlay(ctx, overlay) });
}

function mergeOverlay(ctx: WriteContext, overlay: Overlay): void {
  for (const [k, v] of overlay.seen) ctx.seen.set(k, v);
  for (const k of ["speakers", "stories", "sources"] as const) {
    for (const [name, id] of overlay[k]) ctx[k].set(name, id);
    ctx.made[k] += overlay.made[k];
  }
}

/** The claims that items already made: by key, by our own id, else by the same speaker and text. */
async function findExisting(tx: Tx, ctx: WriteContext, items: IncomingClaim[]): Promise<Map<IncomingClaim, ClaimRow>> {
  const found = new Map<IncomingClaim, ClaimRow>();
  const byKey = new Map<string, number>();
  const schemes = [...new Set(items.flatMap((i) => (i.key ? [i.key.scheme] : [])))];
  for (const scheme of schemes) {
    const keys = items.flatMap((i) => (i.key?.scheme === scheme ? [i.key.key] : []));
    for (const part of chunks(keys)) {
      for (const k of await tx.select({ key: importKeys.key, claimId: importKeys.claimId }).from(importKeys).where(and(eq(importKeys.scheme, scheme), inArray(importKeys.key, part)))) {
        byKey.set(`${scheme}\u0000${k.key}`, k.claimId);
      }
    }
  }
  const ids = new Map<IncomingClaim, number>();
  for (const item of items) {
    const id = item.claimId ?? (item.key ? byKey.get(`${item.key.scheme}\u0000${item.key.key}`) : undefined);
    if (id !== undefined) ids.set(item, id);
  }
  const rows = new Map<number, ClaimRow>();
  for (const part of chunks([...new Set(ids.values())])) for (const r of await tx.select().from(claims).where(inArray(claims.id, part))) rows.set(r.id, r);
  const texts = [...new Set(items.filter((i) => !ids.has(i)).map((i) => i.text))];
  const byText = new Map<string, ClaimRow>();
  for (const part of chunks(texts)) for (const r of await tx.select().from(claims).where(inArray(claims.text, part))) byText.set(`${r.speakerId}\u0000${r.text}`, r);
  for (const item of items) {
    const id = ids.get(item);
    if (id !== undefined) {
      const row = rows.get(id);
      if (row) found.set(item, row);
      continue;
    }
    const speakerId = ctx.speakers.get(item.speaker.name.toLowerCase());
    const row = speakerId !== undefined ? byText.get(`${speakerId}\u0000${item.text}`) : undefined;
    if (row) found.set(item, row);
  }
  return found;
}

/**
 * The audit log and undo record of a row the import made or changed. A change goes through
 * recordEvent (which keeps only the changed fields); what was made is queued and written with
 * the rest of the batch, many rows to a statement — the same rows recordEvent would write.
 */
async function record(tx: Tx, ctx: WriteContext, overlay: Overlay, entityType: EntityType, id: number, action: "create" | "update", before: Record<string, unknown> | null, after: Record<string, unknown>) {
  if (action === "update") await recordEvent(tx, { actor: ctx.actor, entityType, entityId: id, action, before, after, comment: ctx.comment });
  else overlay.pending.events.push({ actor: ctx.actor, entityType, entityId: String(id), action, before: null, after, comment: ctx.comment, readerVisible: readerVisible({ entityType, action, before: null, after }) });
  overlay.pending.records.push({ importId: ctx.importId, entityType, entityId: id, action, before });
}

async function flushPending(tx: Tx, pending: Overlay["pending"]): Promise<void> {
  if (pending.events.length > 0) await announceChange(tx, pending.events.some((e) => e.readerVisible));
  for (const part of chunks(pending.events, 200)) await tx.insert(events).values(part);
  for (const part of chunks(pending.records, 500)) await tx.insert(importRecords).values(part);
  for (const part of chunks(pending.keys, 500)) await tx.insert(importKeys).values(part);
}

async function speakerFor(tx: Tx, ctx: WriteContext, overlay: Overlay, speaker: IncomingClaim["speaker"]): Promise<number> {
  const key = speaker.name.toLowerCase();
  const known = ctx.speakers.get(key) ?? overlay.speakers.get(key);
  if (known !== undefined) return known;
  overlay.made.speakers++;
  if (ctx.dryRun) {
    overlay.speakers.set(key, ctx.nextFakeId--);
    return overlay.speakers.get(key)!;
  }
  const [row] = await tx.insert(speakers).values({ name: speaker.name, kind: speaker.kind, description: speaker.description, aliases: [], createdBy: ctx.actor }).returning();
  await record(tx, ctx, overlay, "speaker", row!.id, "create", null, row!);
  overlay.speakers.set(key, row!.id);
  return row!.id;
}

async function storyFor(tx: Tx, ctx: WriteContext, overlay: Overlay, title: string): Promise<number> {
  const key = title.toLowerCase();
  const known = ctx.stories.get(key) ?? overlay.stories.get(key);
  if (known !== undefined) return known;
  overlay.made.stories++;
  if (ctx.dryRun) {
    overlay.stories.set(key, ctx.nextFakeId--);
    return overlay.stories.get(key)!;
  }
  const [row] = await tx.insert(stories).values({ title, description: null, createdBy: ctx.actor }).returning();
  await record(tx, ctx, overlay, "story", row!.id, "create", null, row!);
  overlay.stories.set(key, row!.id);
  return row!.id;
}

/**
 * The source a claim first appeared in, matched by URL (or, without one, by title within this
 * import). A file gives only the appearance's title and address, not its text: the new source's
 * text is the claim as the file states it, and its revision note says so.
 */
async function sourceFor(tx: Tx, ctx: WriteContext, overlay: Overlay, item: IncomingClaim): Promise<number | null> {
  const s = item.source;
  if (!s) return null;
  const key = s.url ? `url:${s.url}` : `title:${s.title.toLowerCase()}`;
  const known = ctx.sources.get(key) ?? overlay.sources.get(key);
  if (known !== undefined) return known;
  overlay.made.sources++;
  if (ctx.dryRun) {
    overlay.sources.set(key, ctx.nextFakeId--);
    return overlay.sources.get(key)!;
  }
  const text = item.text;
  const [row] = await tx
    .insert(sources)
    .values({ title: s.title, publisher: s.publisher, author: s.author, url: s.url, publishedOn: s.publishedOn, text, revision: 1, createdBy: ctx.actor })
    .returning();
  await tx.insert(sourceRevisions).values({ sourceId: row!.id, revision: 1, text, note: "Imported: only the claim as the file states it; the full text is at the source's URL.", createdBy: ctx.actor });
  const { text: _text, ...summary } = row!;
  await record(tx, ctx, overlay, "source", row!.id, "create", null, summary);
  overlay.sources.set(key, row!.id);
  return row!.id;
}

async function writeOne(tx: Tx, ctx: WriteContext, overlay: Overlay, item: IncomingClaim, before: ClaimRow | undefined): Promise<ImportReportItem> {
  const notes = [...item.notes];
  const ratingKey = item.verdict && "key" in item.verdict ? item.verdict.key : null;
  const ratingId = ratingKey ? ctx.ratingIds.get(ratingKey) : undefined;
  if (ratingKey && ratingId === undefined) return { ref: item.ref, outcome: "refused", reason: `verdict “${ratingKey}” is not on the rating scale` };
  // Publishing needs a verdict, from the file or already on the claim: without one the claim
  // waits, a draft, for a fact-checker to propose one.
  const wantsPublishing = item.status === "published" && before?.status !== "published" && before?.status !== "archived";
  const unrated = wantsPublishing && ratingId === undefined && (before?.ratingId ?? null) === null;
  if (unrated) notes.push("no verdict: imported as a draft until one is proposed");
  const status = unrated ? "draft" : item.status;
  const speakerId = await speakerFor(tx, ctx, overlay, item.speaker);
  const storyId = item.story ? await storyFor(tx, ctx, overlay, item.story) : null;
  const done = (outcome: ImportOutcome, claimId: number): ImportReportItem => ({ ref: item.ref, outcome, claimId, ...(notes.length > 0 ? { notes } : {}) });

  if (before) {
    if (before.status === "archived") {
      notes.push("archived here: not updated");
      return done("unchanged", before.id);
    }
    const publish = status === "published" && before.status !== "published";
    if (item.status === "draft" && before.status === "published") notes.push("published here: its verdict is kept");
    const patch: Partial<ClaimRow> = {};
    const want: Partial<ClaimRow> = {
      text: item.text,
      speakerId,
      statedOn: item.statedOn ?? before.statedOn,
      rationale: item.rationale ?? before.rationale,
      ...(item.story ? { storyId } : {}),
      ...(ratingId !== undefined ? { ratingId } : {}),
      ...(publish ? { status: "published" as const, publishedAt: item.publishedAt ?? nowIso() } : {}),
    };
    for (const [k, v] of Object.entries(want) as [keyof ClaimRow, unknown][]) if (before[k] !== v) (patch as Record<string, unknown>)[k] = v;
    if (Object.keys(patch).length === 0) return done("unchanged", before.id);
    if (ctx.dryRun) return done("updated", before.id);
    const [after] = await tx
      .update(claims)
      .set({ ...patch, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(claims.id, before.id))
      .returning();
    await record(tx, ctx, overlay, "claim", before.id, "update", before, after!);
    return done("updated", before.id);
  }

  const sourceId = item.anchor?.sourceId ?? (await sourceFor(tx, ctx, overlay, item));
  if (ctx.dryRun) return { ref: item.ref, outcome: "created", ...(notes.length > 0 ? { notes } : {}) };
  const published = status === "published";
  const [row] = await tx
    .insert(claims)
    .values({
      text: item.text,
      quote: item.quote ?? item.anchor?.exact ?? null,
      speakerId,
      sourceId,
      storyId,
      statedOn: item.statedOn,
      status: published ? "published" : "draft",
      ratingId: ratingId ?? null,
      rationale: item.rationale,
      publishedAt: published ? (item.publishedAt ?? nowIso()) : null,
      ...(item.anchor
        ? {
            anchorExact: item.anchor.exact,
            anchorPrefix: item.anchor.prefix,
            anchorSuffix: item.anchor.suffix,
            anchorStart: item.anchor.start,
            anchorEnd: item.anchor.end,
            anchorRevision: item.anchor.revision,
            anchorState: "anchored" as const,
          }
        : {}),
      createdBy: ctx.actor,
    })
    .returning();
  if (item.key) overlay.pending.keys.push({ scheme: item.key.scheme, key: item.key.key, claimId: row!.id });
  await record(tx, ctx, overlay, "claim", row!.id, "create", null, row!);
  return done("created", row!.id);
}
