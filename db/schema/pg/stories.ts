import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { nocaseIndexed, serialId, versioned } from "./columns";

/** A named thread of claims with a timeline (see db/schema/sqlite/stories.ts). */
export const stories = pgTable(
  "stories",
  {
    id: serialId(),
    title: text("title").notNull(),
    description: text("description"),
    ...versioned(),
  },
  (t) => [
    check("stories_title_check", sql`length(trim(title)) > 0`),
    index("stories_title_idx").on(nocaseIndexed(t.title)),
    index("stories_updated_at_idx").on(t.updatedAt),
  ],
);
