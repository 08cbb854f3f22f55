import { sql } from "drizzle-orm";
import { check, index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ENTITY_TYPES } from "@/lib/model";
import { bool, isTrue, json, jsonIntField, jsonOrNullCheck, nowIso, oneOf, serialId } from "./columns";

/**
 * The append-only audit log: every change, with who made it, before and after (JSON
 * snapshots of the entity). Triggers in the migrations refuse UPDATE and DELETE.
 */
export const events = sqliteTable(
  "events",
  {
    id: serialId(),
    actor: text("actor").notNull(),
    entityType: text("entity_type", { enum: ENTITY_TYPES }).notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: json<Record<string, unknown> | null>("before"),
    after: json<Record<string, unknown> | null>("after"),
    comment: text("comment"),
    createdAt: text("created_at").notNull().default(nowIso),
    /** Whether readers can see what it changed (server/events.ts readerVisible): the reader page cache's version is the newest such event. */
    readerVisible: bool("reader_visible").notNull().default(true),
  },
  (t) => [
    check("events_entity_type_check", oneOf("entity_type", ENTITY_TYPES)),
    check("events_json_check", sql`(${jsonOrNullCheck("before")}) AND (${jsonOrNullCheck("after")})`),
    index("events_entity_idx").on(t.entityType, t.entityId, t.id),
    index("events_actor_idx").on(t.actor, t.id),
    index("events_created_at_idx").on(t.createdAt),
    index("events_reader_visible_idx").on(t.id).where(isTrue("reader_visible")),
    // The link events touching a claim (its history): by either end, before or after the change.
    ...(["before", "after"] as const).flatMap((side) =>
      (["fromClaimId", "toClaimId"] as const).map((key) =>
        index(`events_link_${side}_${key === "fromClaimId" ? "from" : "to"}_idx`).on(jsonIntField(side, key)).where(sql`entity_type = 'link'`),
      ),
    ),
  ],
);
