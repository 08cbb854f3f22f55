import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { versioned } from "./common";

/** A named thread of claims with a timeline, e.g. "Cambodia scam compounds". */
export const stories = sqliteTable(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    description: text("description"),
    ...versioned(),
  },
  (t) => [
    check("stories_title_check", sql`length(trim(title)) > 0`),
    index("stories_title_idx").on(sql`${t.title} COLLATE NOCASE`),
    index("stories_updated_at_idx").on(t.updatedAt),
  ],
);
