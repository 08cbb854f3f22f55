import "server-only";
import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jsonIntEquals } from "@/db/sql";
import { claims, events, ratings, sourceRevisions, sources, speakers, stories, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import {
  addRef,
  collectRefs,
  diffSnapshots,
  fieldSpecs,
  type RefKind,
  type Resolve,
  type Snapshot,
  snapshotFields,
  textExcerpts,
} from "@/lib/history-fields";
import type { FieldChangeDTO, HistoryActor, HistoryDTO, HistoryEntityType, HistoryEntryDTO, HistoryHeadDTO, VersionDTO } from "@/lib/history-schemas";
import { LINK_LABELS, type LinkKind } from "@/lib/model";
import { entityEvents } from "./events";
import { RESTORED_FIELDS, restoreTarget } from "./restore";
import { changedFields, nowIso } from "./write-support";

/**
 * The history of a claim, source or speaker, read from the append-only events log: who did
 * what and when, field by field, newest first — and for a claim also the links made to and from
 * it. Staff-only (the routes and pages check); nothing here writes.
 */

type EventRow = typeof events.$inferSelect;

/** The names the log's non-user actors are shown with. */
const SYSTEM_ACTORS: Record<string, string> = { "system:seed": "Demo data", anonymous: "Anonymous reader" };

const ACTIONS: Record<string, string> = {
  create: "Created",
  update: "Edited",
  restore: "Restored an earlier version",
  revise: "Revised the text",
  reanchor: "Re-anchored after the source was revised",
  orphan: "Lost its place in the source",
  reattach: "Re-attached to the source",
  submit: "Submitted for review",
  approve: "Approved and published",
  return: "Returned to the fact-checker",
  archive: "Archived",
  merge: "Merged into another speaker",
  "merge-into": "Absorbed a merged speaker",
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);

async function loadNames(db: Db, wanted: Map<RefKind, Set<number | string>>): Promise<Resolve> {
  const names = new Map<string, string>();
  const ids = (kind: RefKind) => [...(wanted.get(kind) ?? [])];
  const numeric = (kind: RefKind) => ids(kind).filter((v): v is number => typeof v === "number");
  const put = (kind: RefKind, rows: { id: number | string; name: string }[]) => rows.forEach((r) => names.set(`${kind}:${r.id}`, r.name));
  const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / 500) }, (_, k) => list.slice(k * 500, k * 500 + 500));
  for (const part of chunks(numeric("speaker"))) put("speaker", await db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(inArray(speakers.id, part)));
  for (const part of chunks(numeric("story"))) put("story", await db.select({ id: stories.id, name: stories.title }).from(stories).where(inArray(stories.id, part)));
  for (const part of chunks(numeric("source"))) put("source", await db.select({ id: sources.id, name: sources.title }).from(sources).where(inArray(sources.id, part)));
  for (const part of chunks(numeric("rating"))) put("rating", await db.select({ id: ratings.id, name: ratings.label }).from(ratings).where(inArray(ratings.id, part)));
  for (const part of chunks(numeric("claim"))) put("claim", await db.select({ id: claims.id, name: claims.text }).from(claims).where(inArray(claims.id, part)));
  for (const part of chunks(ids("user").map(String))) put("user", await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, part)));
  return (kind, id) => ({ id, name: names.get(`${kind}:${id}`) ?? `${kind} ${id} (no longer exists)` });
}

/** Who made each change: users by name; the log's other actors as "Demo data", "System" …. */
async function loadActors(db: Db, ids: Iterable<string>): Promise<(actor: string) => HistoryActor> {
  const list = [...new Set(ids)].filter((id) => !(id in SYSTEM_ACTORS));
  const names = new Map<string, string>();
  for (let k = 0; k < list.length; k += 500) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list.slice(k, k + 500)))) names.set(u.id, u.name);
  }
  return (actor) => {
    const user = names.get(actor);
    return user !== undefined ? { id: actor, name: user, kind: "user" } : { id: actor, name: SYSTEM_ACTORS[actor] ?? "System", kind: "system" };
  };
}

/** The entity as it is now, with what a restore would compare against; 404 when unknown. */
type Current = { head: HistoryHeadDTO; row: Record<string, unknown>; sameTextRevisions: Set<number> };

async function loadCurrent(db: Db, type: HistoryEntityType, id: number): Promise<Current> {
  if (type === "claim") {
    const [row] = await db.select().from(claims).where(eq(claims.id, id));
    if (!row) throw new NotFoundError(`No claim with id ${id}.`);
    const locked = row.status === "archived" ? "An archived claim cannot be edited, so no earlier version can be restored." : null;
    return { head: { type, id, name: row.text, version: row.version, href: `/claims/${id}`, locked }, row, sameTextRevisions: new Set() };
  }
  if (type === "speaker") {
    const [row] = await db.select().from(speakers).where(eq(speakers.id, id));
    if (!row) throw new NotFoundError(`No speaker with id ${id}.`);
    const locked = row.mergedIntoId !== null ? "This speaker was merged into another and can no longer be edited, so no earlier version can be restored." : null;
    return { head: { type, id, name: row.name, version: row.version, href: `/speakers/${id}`, locked }, row, sameTextRevisions: new Set() };
  }
  const { text: _text, ...columns } = getTableColumns(sources);
  const [row] = await db.select(columns).from(sources).where(eq(sources.id, id));
  if (!row) throw new NotFoundError(`No source with id ${id}.`);
  // Revisions whose text is the current text: restoring one of them leaves the text alone.
  const same = await db
    .select({ revision: sourceRevisions.revision })
    .from(sourceRevisions)
    .where(and(eq(sourceRevisions.sourceId, id), sql`${sourceRevisions.text} = (SELECT ${sources.text} FROM ${sources} WHERE ${sources.id} = ${id})`));
  return { head: { type, id, name: row.title, version: row.version, href: `/sources/${id}`, locked: null }, row, sameTextRevisions: new Set(same.map((r) => r.revision)) };
}

/** The entity's name, current version and page, for a history page's header; 404 when unknown. */
export async function getHistoryHead(db: Db, type: HistoryEntityType, id: number): Promise<HistoryHeadDTO> {
  return (await loadCurrent(db, type, id)).head;
}

/** What GET /api/{claims,sources,speakers}/{id}/history returns; `?version=` adds that version's snapshot. */
export async function getHistoryDTO(db: Db, type: HistoryEntityType, id: number, versionEventId?: number): Promise<HistoryDTO & { version?: VersionDTO }> {
  const dto: HistoryDTO & { version?: VersionDTO } = { asOf: nowIso(), entity: await getHistoryHead(db, type, id), items: await getHistory(db, type, id) };
  if (versionEventId !== undefined) dto.version = await getVersionAt(db, type, id, versionEventId);
  return dto;
}

/** Would restoring `snapshot` change the entity's current content? */
async function isRestorable(db: Db, type: HistoryEntityType, id: number, current: Current, snapshot: Snapshot): Promise<boolean> {
  if (current.head.locked) return false;
  const target = await restoreTarget(db, type, id, snapshot);
  if (target.problem) return false;
  const content = Object.fromEntries(RESTORED_FIELDS[type].map((f) => [f, current.row[f]]));
  if (Object.keys(changedFields(content, target.values)).length > 0) return true;
  const revision = num(snapshot.revision);
  return type === "source" && revision !== null && !current.sameTextRevisions.has(revision);
}

/**
 * Link events whose link starts or ends at claim `id` (before or after the change): one indexed
 * lookup per side (the planner will not combine the four partial indexes for an OR).
 */
async function linkEvents(db: Db, id: number): Promise<EventRow[]> {
  const found = new Map<number, EventRow>();
  for (const column of ["before", "after"] as const) {
    for (const key of ["fromClaimId", "toClaimId"] as const) {
      // 'link' as a literal, as the partial link indexes have it: a parameter would not match them.
      const rows = await db.select().from(events).where(and(sql`${events.entityType} = 'link'`, jsonIntEquals(events[column], key, id)));
      for (const row of rows) found.set(row.id, row);
    }
  }
  return [...found.values()];
}

/** A link event as seen from claim `claimId`: "Linked: disputed by claim 12". */
function linkEntry(event: EventRow, claimId: number, resolve: Resolve): Pick<HistoryEntryDTO, "summary" | "link" | "changes"> {
  const link = (event.after ?? event.before ?? {}) as Snapshot;
  const kind = link.kind as LinkKind;
  const direction = num(link.toClaimId) === claimId ? "incoming" : "outgoing";
  const otherId = num(direction === "incoming" ? link.fromClaimId : link.toClaimId) ?? 0;
  const label = LINK_LABELS[kind] ? (direction === "incoming" ? LINK_LABELS[kind].inverse : LINK_LABELS[kind].verb) : String(link.kind);
  const claim = resolve("claim", otherId);
  const summary = event.action === "delete" ? `Link removed: no longer ${label} claim ${otherId}` : `Linked: ${label} claim ${otherId}`;
  const note = typeof link.note === "string" && link.note ? link.note : null;
  const changes: FieldChangeDTO[] = note ? [{ field: "note", label: "Link note", kind: "text", before: event.action === "delete" ? note : null, after: event.action === "delete" ? null : note }] : [];
  return { summary, changes, link: { id: num(link.id) ?? Number(event.entityId), kind, direction, claim } };
}

function summaryOf(type: HistoryEntityType, event: EventRow): string {
  const words = ACTIONS[event.action] ?? event.action.charAt(0).toUpperCase() + event.action.slice(1).replace(/[-_]/g, " ");
  const after = event.after ?? {};
  // A source event that stored a new revision (a revision, a restore of older text) says how its claims fared.
  const r = after.reanchor as { anchored?: number; orphaned?: number } | undefined;
  if (type === "source" && (event.action === "revise" || r)) {
    const claimsPart = r ? ` — ${r.anchored ?? 0} claim(s) kept their place, ${r.orphaned ?? 0} lost it` : "";
    return `${words} (revision ${String(after.revision ?? "?")})${claimsPart}`;
  }
  return words;
}

/** The entity's events (and, for a claim, the link events touching it), newest first. */
export async function getHistory(db: Db, entityType: HistoryEntityType, id: number): Promise<HistoryEntryDTO[]> {
  const current = await loadCurrent(db, entityType, id);
  const own = (await entityEvents(db, entityType, id)).reverse();
  const all = [...own, ...(entityType === "claim" ? await linkEvents(db, id) : [])].sort((a, b) => b.id - a.id);

  const specs = fieldSpecs(entityType, own.flatMap((e) => [e.before, e.after]));
  const wanted = new Map<RefKind, Set<number | string>>();
  collectRefs(specs, own.flatMap((e) => [e.before, e.after]), wanted);
  for (const e of all) {
    if (e.entityType === "link") {
      const link = (e.after ?? e.before ?? {}) as Snapshot;
      for (const key of ["fromClaimId", "toClaimId"]) if (typeof link[key] === "number") addRef(wanted, "claim", link[key]);
    }
  }
  const resolve = await loadNames(db, wanted);
  const actorOf = await loadActors(db, all.map((e) => e.actor));
  const texts = entityType === "source" ? await revisionTexts(db, id, own) : new Map<number, string>();

  const entries: HistoryEntryDTO[] = [];
  for (const event of all) {
    const base = { eventId: event.id, entityType: event.entityType, entityId: event.entityId, action: event.action, actor: actorOf(event.actor), at: event.createdAt, comment: event.comment };
    if (event.entityType === "link") {
      entries.push({ ...base, ...linkEntry(event, id, resolve), viewable: false, restorable: false });
      continue;
    }
    const changes = diffSnapshots(specs, event.before, event.after, resolve);
    const entry: HistoryEntryDTO = { ...base, summary: summaryOf(entityType, event), changes, viewable: event.after !== null, restorable: event.after !== null && (await isRestorable(db, entityType, id, current, event.after)) };
    const from = num(event.before?.revision);
    const to = num(event.after?.revision);
    if (entityType === "source" && to !== null && from !== to) {
      entry.revision = { before: from, after: to };
      const before = from === null ? undefined : texts.get(from);
      const after = texts.get(to);
      if (before !== undefined && after !== undefined) {
        const excerpt = textExcerpts(before, after);
        changes.unshift({ field: "text", label: "Text", kind: "text", before: excerpt.before, after: excerpt.after, ...(excerpt.truncated ? { truncated: true } : {}) });
      }
    }
    entries.push(entry);
  }
  return entries;
}

/** The texts of the revisions a source's events moved between (not the first one's: nothing to compare). */
async function revisionTexts(db: Db, id: number, own: EventRow[]): Promise<Map<number, string>> {
  const wanted = new Set<number>();
  for (const e of own) {
    const from = num(e.before?.revision);
    const to = num(e.after?.revision);
    if (from !== null && to !== null && from !== to) wanted.add(from).add(to);
  }
  if (wanted.size === 0) return new Map();
  const rows = await db
    .select({ revision: sourceRevisions.revision, text: sourceRevisions.text })
    .from(sourceRevisions)
    .where(and(eq(sourceRevisions.sourceId, id), inArray(sourceRevisions.revision, [...wanted])));
  return new Map(rows.map((r) => [r.revision, r.text]));
}

/**
 * The entity as it was right after event `eventId` (the event's `after` snapshot), with its
 * fields resolved for reading and, for a source, the text of that snapshot's revision. 404 when
 * the entity is unknown or the event is not one of its versions.
 */
export async function getVersionAt(db: Db, type: HistoryEntityType, id: number, eventId: number): Promise<VersionDTO> {
  const current = await loadCurrent(db, type, id);
  const event = (await entityEvents(db, type, id, eventId)).at(-1);
  if (!event || event.id !== eventId || !event.after) throw new NotFoundError(`Event ${eventId} is not a version of ${type} ${id}.`);
  const snapshot = event.after;
  const specs = fieldSpecs(type, [snapshot]);
  const wanted = new Map<RefKind, Set<number | string>>();
  collectRefs(specs, [snapshot], wanted);
  const resolve = await loadNames(db, wanted);
  const version: VersionDTO = {
    eventId: event.id,
    action: event.action,
    at: event.createdAt,
    actor: (await loadActors(db, [event.actor]))(event.actor),
    version: num(snapshot.version),
    snapshot,
    fields: snapshotFields(specs, snapshot, resolve),
    restorable: await isRestorable(db, type, id, current, snapshot),
  };
  const revision = num(snapshot.revision);
  if (type === "source" && revision !== null) {
    const [row] = await db.select({ text: sourceRevisions.text }).from(sourceRevisions).where(and(eq(sourceRevisions.sourceId, id), eq(sourceRevisions.revision, revision)));
    version.text = row?.text ?? null;
  }
  return version;
}
