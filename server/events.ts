import "server-only";
import type { Tx } from "@/db/client";
import { events } from "@/db/schema";
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

/** Appends to the audit log. Call it inside the same transaction (withTx) as the change it records. */
export async function recordEvent(tx: Tx, event: EventInput): Promise<void> {
  await tx.insert(events).values({
    actor: event.actor,
    entityType: event.entityType,
    entityId: String(event.entityId),
    action: event.action,
    before: event.before ?? null,
    after: event.after ?? null,
    comment: event.comment ?? null,
  });
}
