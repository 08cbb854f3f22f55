import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SPEAKER_KINDS } from "@/lib/model";
import { emptyJsonArray, jsonArrayCheck, json, nocaseIndexed, oneOf, serialId, versioned } from "./columns";

/** A person or organisation claims are attributed to. */
export const speakers = sqliteTable(
  "speakers",
  {
    id: serialId(),
    name: text("name").notNull(),
    kind: text("kind", { enum: SPEAKER_KINDS }).notNull().default("person"),
    description: text("description"),
    /** JSON array of alternative names; a merged speaker's name lands here. */
    aliases: json<string[]>("aliases").notNull().default(emptyJsonArray),
    affiliationId: integer("affiliation_id").references((): AnySQLiteColumn => speakers.id),
    /** Set when this speaker was merged into another; its claims moved there. */
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => speakers.id),
    /** Published claims attributed to the speaker, kept by triggers: readers see a speaker once it has one. */
    publishedClaims: integer("published_claims").notNull().default(0),
    ...versioned(),
  },
  (t) => [
    check("speakers_kind_check", oneOf("kind", SPEAKER_KINDS)),
    check("speakers_name_check", sql`length(trim(name)) > 0`),
    check("speakers_aliases_check", jsonArrayCheck("aliases")),
    check("speakers_affiliation_check", sql`affiliation_id IS NULL OR affiliation_id <> id`),
    index("speakers_name_idx").on(nocaseIndexed(t.name)),
    index("speakers_affiliation_idx").on(t.affiliationId),
    index("speakers_merged_into_idx").on(t.mergedIntoId),
    // Readers' speaker list and autocomplete: the speakers with a published claim, A–Z (a merged
    // speaker has none: its claims moved to the survivor).
    index("speakers_public_name_idx").on(nocaseIndexed(t.name), t.id).where(sql`published_claims > 0`),
  ],
);
