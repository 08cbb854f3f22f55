import "server-only";
import { createHash } from "node:crypto";
import { asc, getTableColumns, getTableName, gt, sql, type Table } from "drizzle-orm";
import { type Db, engineOf } from "./client";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";
import { indexQueuedPassages } from "./passage-index";
import { execute, rows } from "./sql";
import { withTx } from "./tx";

/**
 * Copies a whole Counterpoint database from one engine to the other (a newsroom's SQLite file
 * into an empty PostgreSQL database, or back), table by table in foreign-key order, in batches
 * of bounded size, then proves the copy: the same number of rows and the same checksum per table
 * on both sides. Derived data (search indexes, source passages) is not copied: the target's own
 * triggers and generated columns build it as the rows arrive. Idempotency keys (a day's
 * retried creates) are not copied either: a retry after a move simply runs again.
 */

/** Tables in the order their rows can be inserted (a table after every table it references). */
export const COPY_ORDER = [
  "users",
  "sessions",
  "accounts",
  "verifications",
  "apiTokens",
  "settings",
  "rateLimits",
  "ratingScales",
  "ratings",
  "speakers",
  "stories",
  "sources",
  "sourceRevisions",
  "claims",
  "claimLinks",
  "evidence",
  "reviews",
  "comments",
  "checkRequests",
  "suggestionRejections",
  "imports",
  "importRecords",
  "importKeys",
  "events",
] as const satisfies readonly (keyof typeof sqliteSchema)[];

export type TableKey = (typeof COPY_ORDER)[number];

/** Columns that point at a row of their own table: copied in a second pass, once every row exists. */
export const SELF_REFERENCES: Partial<Record<TableKey, string[]>> = { speakers: ["affiliationId", "mergedIntoId"] };

/**
 * Counters the target's triggers keep as the rows they count arrive (published claims per
 * speaker, story and source): copied as 0 and built by the claims' inserts, so nothing is counted twice.
 */
export const TRIGGER_COUNTERS: Partial<Record<TableKey, string[]>> = { speakers: ["publishedClaims"], stories: ["publishedClaims"], sources: ["publishedClaims"] };

const BATCH = 500;

export function tableOf(db: Db, key: TableKey): Table {
  return (engineOf(db) === "postgres" ? pgSchema : sqliteSchema)[key] as unknown as Table;
}

/** The primary-key column to page by: `id`, else the table's one primary key (settings, rate limits). */
function keyColumn(table: Table) {
  const columns = getTableColumns(table);
  return columns.id ?? Object.values(columns).find((c) => c.primary)!;
}

/** The builders, over a table known only at run time (the schema module of each side's engine). */
interface AnyTableDb {
  select(): { from(t: Table): { where(c: unknown): { orderBy(c: unknown): { limit(n: number): Promise<Record<string, unknown>[]> } } } };
  insert(t: Table): { values(v: Record<string, unknown>[]): Promise<unknown> };
}
export const loose = (db: Db) => db as unknown as AnyTableDb;

async function readPage(db: Db, table: Table, after: unknown): Promise<Record<string, unknown>[]> {
  const key = keyColumn(table);
  return loose(db)
    .select()
    .from(table)
    .where(after === undefined ? sql`1 = 1` : gt(key, after))
    .orderBy(asc(key))
    .limit(BATCH);
}

/** Every row of a table, in primary-key order, a page at a time. */
export async function* allRows(db: Db, table: Table): AsyncGenerator<Record<string, unknown>[]> {
  const key = Object.entries(getTableColumns(table)).find(([, c]) => c === keyColumn(table))![0];
  let after: unknown = undefined;
  for (;;) {
    const page = await readPage(db, table, after);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]![key];
  }
}

export async function countRows(db: Db, key: TableKey): Promise<number> {
  const [row] = await rows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(getTableName(tableOf(db, key)))}`);
  return Number(row?.n ?? 0);
}

/** A value as both engines' rows give it back, written the same way (dates as ISO text, JSON with sorted keys). */
export function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 over every row of the table in primary-key order. */
export async function checksum(db: Db, key: TableKey): Promise<string> {
  const hash = createHash("sha256");
  for await (const page of allRows(db, tableOf(db, key))) for (const row of page) hash.update(canonical(row)).update("\n");
  return hash.digest("hex");
}

/** Rows the migrations themselves insert (the default rating scale): not a newsroom's data. */
export const MIGRATION_ROWS: Partial<Record<TableKey, true>> = { ratingScales: true, ratings: true };

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

export interface CopyReport {
  tables: { table: string; rows: number; checksum: string }[];
}

/**
 * Copies `from` into `to` (both migrated to the latest version; `to` holding nothing but what
 * the migrations add), then verifies every table. Throws, naming the table, when anything
 * differs.
 */
export async function copyDatabase(from: Db, to: Db, onProgress: (p: CopyProgress) => void = () => {}): Promise<CopyReport> {
  for (const key of COPY_ORDER) {
    if (MIGRATION_ROWS[key]) continue;
    const n = await countRows(to, key);
    if (n > 0) throw new Error(`The target database is not empty: ${getTableName(tableOf(to, key))} has ${n} row(s). Copy into a freshly migrated database.`);
  }
  // The default scale the target's migrations made gives way to the source's own scale.
  await withTx(to, async (tx) => {
    await execute(tx, sql`DELETE FROM ratings`);
    await execute(tx, sql`DELETE FROM rating_scales`);
  });

  for (const key of COPY_ORDER) {
    const source = tableOf(from, key);
    const target = tableOf(to, key);
    const total = await countRows(from, key);
    const later = SELF_REFERENCES[key] ?? [];
    let copied = 0;
    onProgress({ table: getTableName(target), copied, total });
    for await (const page of allRows(from, source)) {
      await withTx(to, async (tx) => {
        const counters = TRIGGER_COUNTERS[key] ?? [];
        const values = page.map((row) => ({ ...row, ...Object.fromEntries(later.map((c) => [c, null])), ...Object.fromEntries(counters.map((c) => [c, 0])) }));
        await loose(tx).insert(target).values(values);
      });
      copied += page.length;
      onProgress({ table: getTableName(target), copied, total });
    }
    if (later.length > 0) await restoreSelfReferences(from, to, key, later);
  }
  if (engineOf(to) === "postgres") await advanceSequences(to);
  // Long texts copied into SQLite wait to be indexed for search (db/passage-index.ts).
  await indexQueuedPassages(to);
  return verifyCopy(from, to);
}

async function restoreSelfReferences(from: Db, to: Db, key: TableKey, columns: string[]): Promise<void> {
  const target = tableOf(to, key);
  const targetColumns = getTableColumns(target);
  for await (const page of allRows(from, tableOf(from, key))) {
    const linked = page.filter((row) => columns.some((c) => row[c] !== null));
    if (linked.length === 0) continue;
    await withTx(to, async (tx) => {
      for (const row of linked) {
        const assignments = sql.join(
          columns.map((c) => sql`${sql.identifier(targetColumns[c]!.name)} = ${row[c]}`),
          sql`, `,
        );
        await execute(tx, sql`UPDATE ${sql.identifier(getTableName(target))} SET ${assignments} WHERE id = ${row.id}`);
      }
    });
  }
}

/** Identity columns given explicit values do not move their sequences: set each past the highest id. */
export async function advanceSequences(db: Db): Promise<void> {
  for (const key of COPY_ORDER) {
    if (!getTableColumns(tableOf(db, key)).id) continue;
    const table = getTableName(tableOf(db, key));
    const [seq] = await rows<{ name: string | null }>(db, sql`SELECT pg_get_serial_sequence(${table}, 'id') AS name`);
    if (!seq?.name) continue;
    await withTx(db, (tx) => execute(tx, sql`SELECT setval(${seq.name}, coalesce((SELECT max(id) FROM ${sql.identifier(table)}), 0) + 1, false)`));
  }
}

/** Row counts and checksums of every table, equal on both sides, or an error naming the table. */
export async function verifyCopy(from: Db, to: Db): Promise<CopyReport> {
  const tables: CopyReport["tables"] = [];
  for (const key of COPY_ORDER) {
    const table = getTableName(tableOf(to, key));
    const [a, b] = [await countRows(from, key), await countRows(to, key)];
    if (a !== b) throw new Error(`${table}: ${a} row(s) in the source, ${b} in the copy`);
    const [x, y] = [await checksum(from, key), await checksum(to, key)];
    if (x !== y) throw new Error(`${table}: the copy's rows differ from the source's (checksum ${y.slice(0, 12)} ≠ ${x.slice(0, 12)})`);
    tables.push({ table, rows: a, checksum: x });
  }
  return { tables };
}
