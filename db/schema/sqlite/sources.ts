import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SOURCE_KINDS } from "@/lib/model";
import { bool, isoDateCheck, isTrue, nowIso, oneOf, serialId, versioned } from "./columns";

/** A document claims are made in. `text` is the current revision's text, exactly as given. */
export const sources = sqliteTable(
  "sources",
  {
    id: serialId(),
    title: text("title").notNull(),
    kind: text("kind", { enum: SOURCE_KINDS }).notNull().default("article"),
    publisher: text("publisher"),
    author: text("author"),
    url: text("url"),
    publishedOn: text("published_on"),
    language: text("language").notNull().default("en"),
    text: text("text").notNull(),
    /** Number of the current revision in source_revisions. */
    revision: integer("revision").notNull().default(1),
    /**
     * Whether readers may see the whole text (a document the newsroom owns or may reproduce), set
     * by an editor. Otherwise readers see the source only through its published claims.
     */
    publishable: bool("publishable").notNull().default(false),
    /** Published claims made in the source, kept by triggers: readers see a source once it has one. */
    publishedClaims: integer("published_claims").notNull().default(0),
    ...versioned(),
  },
  (t) => [
    check("sources_kind_check", oneOf("kind", SOURCE_KINDS)),
    check("sources_published_on_check", isoDateCheck("published_on")),
    check("sources_text_check", sql`length(text) > 0`),
    index("sources_created_at_idx").on(t.createdAt),
    index("sources_published_on_idx").on(t.publishedOn),
    // Readers' source list: the sources with a published claim, newest first.
    index("sources_public_created_idx").on(t.createdAt, t.id).where(sql`published_claims > 0`),
    // Readers' search of source texts: the few publishable sources with a published claim, when
    // few are, are read from here rather than from the whole table.
    index("sources_searchable_idx").on(t.id).where(sql`${isTrue("publishable")} AND published_claims > 0`),
  ],
);

/** Every revision of a source's text is kept; claims anchor to the current one. */
export const sourceRevisions = sqliteTable(
  "source_revisions",
  {
    id: serialId(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    revision: integer("revision").notNull(),
    text: text("text").notNull(),
    note: text("note"),
    createdBy: text("created_by").notNull().default("system"),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [uniqueIndex("source_revisions_source_revision_unique").on(t.sourceId, t.revision)],
);
