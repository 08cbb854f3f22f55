import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { nocaseIndexed, serialId, versioned } from "./columns";

/** A named thread of claims with a timeline (see db/schema/sqlite/stories.ts). */
export const stories = pgTable(
  "stories",
  {
    id: serialId(),
    title: text("title").notNull(),
    description: text("description"),
    /** Published claims in the story, kept by triggers: readers see a story once it has one. */
    publishedClaims: integer("published_claims").notNull().default(0),
    ...versioned(),
  },
  (t) => [
    check("stories_title_check", sql`length(trim(title)) > 0`),
    index("stories_title_idx").on(nocaseIndexed(t.title)),
    index("stories_updated_at_idx").on(t.updatedAt),
    // Readers' story list: the stories with a published claim, most recently updated first.
    index("stories_public_updated_idx").on(t.updatedAt, t.id).where(sql`published_claims > 0`),
  ],
);
