import { index, integer, pgTable, text, uniqueIndex, check } from "drizzle-orm/pg-core";
import { IMPORT_FORMATS, IMPORT_RECORD_ACTIONS, IMPORT_STATES } from "@/lib/model";
import { claims } from "./claims";
import { bool, json, nowIso, oneOf, serialId } from "./columns";

/**
 * One run of an importer (server/importers): who ran it, on what, how far it got and its report
 * (every item accepted or refused, with its line or item number and the reason).
 */
export const imports = pgTable(
  "imports",
  {
    id: serialId(),
    format: text("format", { enum: IMPORT_FORMATS }).notNull(),
    state: text("state", { enum: IMPORT_STATES }).notNull().default("queued"),
    dryRun: bool("dry_run").notNull().default(false),
    filename: text("filename"),
    actor: text("actor").notNull(),
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    report: json<Record<string, unknown>>("report"),
    error: text("error"),
    createdAt: text("created_at").notNull().default(nowIso),
    finishedAt: text("finished_at"),
    undoneAt: text("undone_at"),
    undoneBy: text("undone_by"),
  },
  (t) => [
    check("imports_format_check", oneOf("format", IMPORT_FORMATS)),
    check("imports_state_check", oneOf("state", IMPORT_STATES)),
    index("imports_actor_idx").on(t.actor, t.id),
    index("imports_created_at_idx").on(t.createdAt),
  ],
);

/** A row an import created or changed (with the row as it was before, for a change): what undo reverts. */
export const importRecords = pgTable(
  "import_records",
  {
    id: serialId(),
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action", { enum: IMPORT_RECORD_ACTIONS }).notNull(),
    before: json<Record<string, unknown> | null>("before"),
  },
  (t) => [check("import_records_action_check", oneOf("action", IMPORT_RECORD_ACTIONS)), index("import_records_import_idx").on(t.importId, t.id)],
);

/**
 * The identity an imported claim had where it came from (a ClaimReview's `@id` or URL, a LIAR
 * statement id, a CSV `external_id`): importing the same item again updates that claim.
 */
export const importKeys = pgTable(
  "import_keys",
  {
    id: serialId(),
    scheme: text("scheme").notNull(),
    key: text("key").notNull(),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [uniqueIndex("import_keys_scheme_key_unique").on(t.scheme, t.key), index("import_keys_claim_idx").on(t.claimId)],
);
