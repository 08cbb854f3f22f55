import "server-only";
import type { Tx } from "@/db/client";
import { and, asc, eq, lte } from "drizzle-orm";
import { announceChange } from "@/db/changes";
import { events } from "@/db/schema";
import { compactChange, replaySnapshots, withoutDerived } from "@/lib/history-fields";
import type { EntityType } from "@/lib/model";

export type { Tx };

export interface EventInput {
  actor: string;
  entityType: EntityType;
  entityId: number | string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  comment?: string | null;
}

/**
 * Whether readers can see what an event changed, so that their cached pages must be rendered
 * again (server/page-cache.ts): a claim only when it is published before or after the change;
 * comments, accounts and tokens never, nor a rejected suggestion. Anything else counts (links,
 * speakers, stories, sources, verdicts, the scale), erring towards a fresh page.
 */
export function readerVisible(event: Pick<EventInput, "entityType" | "action" | "before" | "after">): boolean {
  switch (event.entityType) {
    case "comment":
    case "user":
    case "token":
      return false;
    case "claim":
      return event.before?.status === "published" || event.after?.status === "published";
    default:
      return event.action !== "suggestion-reject";
  }
}

/**
 * Appends to the audit log. Call it inside the same transaction (withTx) as the change it records.
 * A change with both sides keeps only the fields that changed (compactChange); history pages
 * rebuild whole versions from the log (replaySnapshots).
 */
export async function recordEvent(tx: Tx, event: EventInput): Promise<void> {
  const before = withoutDerived(event.before ?? null);
  const after = withoutDerived(event.after ?? null);
  const change = before && after ? compactChange(before, after) : { before, after };
  const visible = readerVisible(event);
  await announceChange(tx, visible);
  await tx.insert(events).values({
    actor: event.actor,
    entityType: event.entityType,
    entityId: String(event.entityId),
    action: event.action,
    before: change.before,
    after: change.after,
    comment: event.comment ?? null,
    readerVisible: visible,
  });
}

/**
 * An entity's events, oldest first (up to `upTo`, when given), each with the entity whole before
 * and after it — rebuilt from the log's stored changes.
 */
export async function entityEvents(tx: Tx, entityType: EntityType, entityId: number | string, upTo?: number) {
  const rows = await tx
    .select()
    .from(events)
    .where(and(eq(events.entityType, entityType), eq(events.entityId, String(entityId)), upTo === undefined ? undefined : lte(events.id, upTo)))
    .orderBy(asc(events.id));
  const whole = replaySnapshots(rows);
  return rows.map((row) => ({ ...row, ...whole.get(row.id)! }));
}
