import "server-only";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import type { EntityType } from "@/lib/model";

/** A connection or the transaction handle inside `db.transaction(...)`. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "run" | "get" | "all">;

export interface EventInput {
  actor: string;
  entityType: EntityType;
  entityId: number | string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  comment?: string | null;
}

/** Appends to the audit log. Call it inside the same transaction as the change it records. */
export function recordEvent(tx: Tx, event: EventInput): void {
  tx.insert(events)
    .values({
      actor: event.actor,
      entityType: event.entityType,
      entityId: String(event.entityId),
      action: event.action,
      before: event.before ?? null,
      after: event.after ?? null,
      comment: event.comment ?? null,
    })
    .run();
}
