import { type SQL, sql } from "drizzle-orm";
import { integer, jsonb, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The column helpers the PostgreSQL schema is built from: the same names as
 * db/schema/sqlite/columns.ts, so the two schemas read alike (and the parity test keeps them alike).
 */

/** An integer primary key that the database numbers (an identity; explicit ids are allowed, for copies and restores). */
export const serialId = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

/** A true/false column. */
export { boolean as bool } from "drizzle-orm/pg-core";

/** A JSON document column. */
export const json = <T>(name: string) => jsonb(name).$type<T>();

/** A point in time with milliseconds, as a Date (better-auth's tables). */
export const instant = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });

/** The current time for an `instant` column's default. */
export const nowInstant = sql`now()`;

/** Current time as an ISO-8601 UTC string with milliseconds, as SQLite writes it; text sorts in time order. */
export const nowIso = sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** An empty JSON array, as a default. */
export const emptyJsonArray = sql`'[]'::jsonb`;

/** Columns every editable entity carries: optimistic-concurrency version and timestamps. */
export const versioned = () => ({
  version: integer("version").notNull().default(1),
  createdBy: text("created_by").notNull().default("system"),
  createdAt: text("created_at").notNull().default(nowIso),
  updatedAt: text("updated_at").notNull().default(nowIso),
});

/** A calendar date `YYYY-MM-DD` (a stated date, a publication date), or NULL; cp_is_iso_date is in migration 0000. */
export const isoDateCheck = (column: string): SQL => sql.raw(`${column} IS NULL OR cp_is_iso_date(${column})`);

/** `column IN ('a', 'b', …)` for a CHECK constraint over a closed set of values. */
export const oneOf = (column: string, values: readonly string[]): SQL =>
  sql.raw(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);

/** A JSON array of strings. */
export const jsonArrayCheck = (column: string): SQL => sql.raw(`jsonb_typeof(${column}) = 'array'`);

/** NULL or a JSON value (jsonb is always valid JSON; the log stores objects). */
export const jsonOrNullCheck = (column: string): SQL => sql.raw(`${column} IS NULL OR jsonb_typeof(${column}) = 'object'`);

/** A colour as `#rrggbb`. */
export const hexColourCheck = (column: string): SQL => sql.raw(`${column} ~ '^#[0-9a-fA-F]{6}$'`);

/** A lower-case key: a letter, then letters, digits and hyphens. */
export const keyCheck = (column: string): SQL => sql.raw(`${column} ~ '^[a-z][a-z0-9-]*$'`);

/** Case-insensitive (ASCII) ordering and uniqueness of a text column in an index: db/sql.ts `nocase` matches it. */
export const nocaseIndexed = (column: SQL | { name: string }): SQL => sql`lower(${column})`;

/** The partial-index condition "this boolean is true". */
export const isTrue = (column: string): SQL => sql.raw(`${column}`);

/** A column the database computes from others of its row (stored on PostgreSQL). */
export const computed = <B extends { generatedAlwaysAs: (expr: SQL) => unknown }>(builder: B, expr: SQL) => builder.generatedAlwaysAs(expr) as ReturnType<B["generatedAlwaysAs"]>;

/** An integer field of a JSON object column, as an index and db/sql.ts's jsonIntEquals write it. */
export const jsonIntField = (column: string, key: string): SQL => sql.raw(`((${column} ->> '${key}')::integer)`);
