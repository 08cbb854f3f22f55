/** Shared by the admin API tests. */
import type { Db } from "@/db/client";

export { refused } from "../support/refused";

/** The audit events recorded for one entity, oldest first. */
export function eventsFor(db: Db, entityType: string, entityId: string | number) {
  return db.$client.prepare("SELECT actor, action, before, after FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id").all(entityType, String(entityId)) as {
    actor: string;
    action: string;
    before: string | null;
    after: string | null;
  }[];
}

/** The id of the demo account of `role`. */
export function userIdOf(db: Db, role: "factchecker" | "editor" | "admin"): string {
  return (db.$client.prepare("SELECT id FROM users WHERE role = ? ORDER BY created_at LIMIT 1").get(role) as { id: string }).id;
}
