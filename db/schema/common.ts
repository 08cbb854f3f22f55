import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** Current time as an ISO-8601 UTC string with milliseconds; text sorts in time order. */
export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Columns every editable entity carries: optimistic-concurrency version and timestamps. */
export const versioned = () => ({
  version: integer("version").notNull().default(1),
  createdBy: text("created_by").notNull().default("system"),
  createdAt: text("created_at").notNull().default(nowIso),
  updatedAt: text("updated_at").notNull().default(nowIso),
});

/** A calendar date `YYYY-MM-DD` (a stated date, a publication date), or NULL. */
export const isoDateCheck = (column: string) =>
  sql.raw(`${column} IS NULL OR (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${column}) = ${column})`);

/** `column IN ('a', 'b', …)` for a CHECK constraint over a closed set of values. */
export const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);
