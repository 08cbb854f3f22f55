/** Shared by the admin API tests. */
import type { Db } from "@/db/client";
import { all, get } from "../support/db";

export { refused } from "../support/refused";

/** The audit events recorded for one entity, oldest first. */
export function eventsFor(db: Db, entityType: string, entityId: string | number) {
  return all<{ actor: string; action: string; before: unknown; after: unknown }>(
    db,
    "SELECT actor, action, before, after FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id",
    entityType,
    String(entityId),
  );
}

/** The id of the demo account of `role`. */
export async function userIdOf(db: Db, role: "factchecker" | "editor" | "admin"): Promise<string> {
  return (await get<{ id: string }>(db, "SELECT id FROM users WHERE role = ? ORDER BY created_at LIMIT 1", role))!.id;
}
