import "server-only";
import { type AnyColumn, type SQL, sql, type SQLWrapper } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { alias as tableAlias } from "drizzle-orm/sqlite-core";
import { type Db, handleOf } from "./client";
import { ENGINE } from "./engine";
import { withTx } from "./tx";

/**
 * SQL that differs between the engines, in one place. Server code builds queries with drizzle's
 * builders and these fragments; raw statements go through `rows`/`execute`. Every helper has
 * the same meaning on both engines (tests run on both).
 */

/** Rows of a raw SELECT (`sql\`…\``), as plain objects keyed by the selected names. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const handle = handleOf(db);
  if (handle.engine === "sqlite") return (db as unknown as BetterSQLite3Database).all<T>(query);
  const result = await (db as unknown as NodePgDatabase).execute(query);
  return result.rows as T[];
}

/** The first row of a raw SELECT, or undefined. */
export async function row<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** Runs a raw statement that returns nothing (inside withTx when it writes). */
export async function execute(db: Db, query: SQL): Promise<void> {
  const handle = handleOf(db);
  if (handle.engine === "sqlite") (db as unknown as BetterSQLite3Database).run(query);
  else await (db as unknown as NodePgDatabase).execute(query);
}

/** A table under another name, for self-joins (the same proxy on both engines). */
export const alias = tableAlias;

/** An expression compared and ordered without regard to ASCII case (SQLite NOCASE, lower() on PostgreSQL). */
export function nocase(expr: SQLWrapper | AnyColumn): SQL {
  return ENGINE === "postgres" ? sql`lower(${expr})` : sql`${expr} COLLATE NOCASE`;
}

/** Equality without regard to ASCII case. */
export function equalsNocase(expr: SQLWrapper | AnyColumn, value: string): SQL {
  return ENGINE === "postgres" ? sql`lower(${expr}) = lower(${value})` : sql`${expr} = ${value} COLLATE NOCASE`;
}

/** Escapes LIKE wildcards so user text matches literally, inside `%…%`. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `expr` contains `q` (literally, case-insensitively). */
export function contains(expr: SQLWrapper | AnyColumn, q: string): SQL {
  const pattern = containsPattern(q);
  return ENGINE === "postgres" ? sql`${expr} ILIKE ${pattern} ESCAPE '\\'` : sql`${expr} LIKE ${pattern} ESCAPE '\\'`;
}

/** Some element of a JSON array of strings contains `q` (literally, case-insensitively). */
export function jsonArrayContains(column: AnyColumn, q: string): SQL {
  const pattern = containsPattern(q);
  return ENGINE === "postgres"
    ? sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${column}) AS a(value) WHERE a.value ILIKE ${pattern} ESCAPE '\\')`
    : sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE value LIKE ${pattern} ESCAPE '\\')`;
}

/**
 * A top-level integer field of a JSON object column equals `value`. Written exactly as the
 * events' link indexes are (db/schema/*\/events.ts), so they serve it; `key` must be a plain name.
 */
export function jsonIntEquals(column: AnyColumn, key: string, value: number): SQL {
  if (!/^\w+$/.test(key)) throw new Error(`not a plain JSON key: ${key}`);
  return ENGINE === "postgres" ? sql`((${column} ->> ${sql.raw(`'${key}'`)})::integer) = ${value}` : sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)}) = ${value}`;
}

/** How many rows satisfy `condition` (0 when none): an aggregate that is a number on both engines. */
export function countWhere(condition: SQL): SQL<number> {
  return sql`count(CASE WHEN ${condition} THEN 1 END)`.mapWith(Number);
}

/** count(*) as a number (PostgreSQL returns bigint counts as strings). */
export function countAll(): SQL<number> {
  return sql`count(*)`.mapWith(Number);
}

/**
 * The plan the engine would use for a query, one line per step (SQLite's EXPLAIN QUERY PLAN
 * details; PostgreSQL's EXPLAIN text). On PostgreSQL sequential scans are priced out for the
 * explanation, so a test database of thirty rows still shows whether an index can serve the
 * query — what matters at a million rows. `pricedOut` prices out more (bitmap scans, sorts), to
 * ask whether an index can give a query's order whatever a tiny table's statistics suggest.
 */
export async function explain(db: Db, query: SQL, pricedOut: readonly ("seqscan" | "bitmapscan" | "sort")[] = ["seqscan"]): Promise<string[]> {
  if (handleOf(db).engine === "sqlite") return (await rows<{ detail: string }>(db, sql`EXPLAIN QUERY PLAN ${query}`)).map((r) => r.detail);
  return withTx(db, async (tx) => {
    for (const step of pricedOut) await execute(tx, sql.raw(`SET LOCAL enable_${step} = off`));
    return (await rows<{ "QUERY PLAN": string }>(tx, sql`EXPLAIN ${query}`)).map((r) => r["QUERY PLAN"].trim());
  });
}

/**
 * After a large import of claims: merge the claims' full-text indexes (SQLite's FTS5 builds
 * one small segment per transaction; a query then reads them all — measured with the claim
 * matcher's 14k-claim import: 4.3 ms per query before, 1.2 ms after a 24 ms merge), and refresh
 * the query planner's statistics (without them SQLite reads `status IN (…) AND id IN (…)`
 * through the status index — every published claim — instead of the primary key).
 */
export async function tidyAfterImport(db: Db): Promise<void> {
  if (handleOf(db).engine === "sqlite") {
    await withTx(db, async (tx) => {
      for (const table of ["claims_fts", "claims_match_fts"]) await execute(tx, sql.raw(`INSERT INTO ${table}(${table}) VALUES ('optimize')`));
      await execute(tx, sql`ANALYZE`);
    });
    return;
  }
  await execute(db, sql`ANALYZE claims`);
}
