import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { nowIso, serialId } from "./columns";
import { sources } from "./sources";

/**
 * Claim suggestions a fact-checker rejected for a source, so they are not proposed again. Kept
 * by the suggested span's text and position (code points) at the revision it was rejected in.
 */
export const suggestionRejections = sqliteTable(
  "suggestion_rejections",
  {
    id: serialId(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    revision: integer("revision").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    exact: text("exact").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [index("suggestion_rejections_source_idx").on(t.sourceId), uniqueIndex("suggestion_rejections_span_unique").on(t.sourceId, t.exact, t.start)],
);
