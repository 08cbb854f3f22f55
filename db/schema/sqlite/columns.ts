import { type SQL, sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/**
 * The column helpers the SQLite schema is built from. db/schema/pg/columns.ts has the same
 * names for PostgreSQL, so the two schemas read alike (and the parity test keeps them alike).
 */

/** An integer primary key that the database numbers. */
export const serialId = () => integer("id").primaryKey({ autoIncrement: true });

/** A true/false column (0/1 in SQLite). */
export const bool = (name: string) => integer(name, { mode: "boolean" });

/** A JSON document column. */
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/** A point in time with milliseconds, as a Date (better-auth's tables). */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

/** The current time for an `instant` column's default. */
export const nowInstant = sql`(unixepoch('subsec') * 1000)`;

/** Current time as an ISO-8601 UTC string with milliseconds; text sorts in time order. */
export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** An empty JSON array, as a default. */
export const emptyJsonArray = sql`'[]'`;

/** Columns every editable entity carries: optimistic-concurrency version and timestamps. */
export const versioned = () => ({
  version: integer("version").notNull().default(1),
  createdBy: text("created_by").notNull().default("system"),
  createdAt: text("created_at").notNull().default(nowIso),
  updatedAt: text("updated_at").notNull().default(nowIso),
});

/** A calendar date `YYYY-MM-DD` (a stated date, a publication date), or NULL. */
export const isoDateCheck = (column: string): SQL =>
  sql.raw(`${column} IS NULL OR (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${column}) = ${column})`);

/** `column IN ('a', 'b', …)` for a CHECK constraint over a closed set of values. */
export const oneOf = (column: string, values: readonly string[]): SQL =>
  sql.raw(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);

/** A JSON array of strings. */
export const jsonArrayCheck = (column: string): SQL => sql.raw(`json_valid(${column}) AND json_type(${column}) = 'array'`);

/** NULL or a JSON object (or any JSON value: the log stores objects). */
export const jsonOrNullCheck = (column: string): SQL => sql.raw(`${column} IS NULL OR json_valid(${column})`);

/** A colour as `#rrggbb`. */
export const hexColourCheck = (column: string): SQL => sql.raw(`${column} GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'`);

/** A lower-case key: a letter, then letters, digits and hyphens. */
export const keyCheck = (column: string): SQL => sql.raw(`${column} GLOB '[a-z]*' AND ${column} NOT GLOB '*[^a-z0-9-]*'`);

/** Case-insensitive (ASCII) ordering and uniqueness of a text column in an index. */
export const nocaseIndexed = (column: SQL | { name: string }): SQL => sql`${column} COLLATE NOCASE`;

/** The partial-index condition "this boolean is true". */
export const isTrue = (column: string): SQL => sql.raw(`${column} = 1`);

/** A column the database computes from others of its row (virtual on SQLite: no space, indexable). */
export const computed = <B extends { generatedAlwaysAs: (expr: SQL, config: { mode: "virtual" }) => unknown }>(builder: B, expr: SQL) =>
  builder.generatedAlwaysAs(expr, { mode: "virtual" }) as ReturnType<B["generatedAlwaysAs"]>;

/** An integer field of a JSON object column, as an index and db/sql.ts's jsonIntEquals write it. */
export const jsonIntField = (column: string, key: string): SQL => sql.raw(`json_extract(${column}, '$.${key}')`);
