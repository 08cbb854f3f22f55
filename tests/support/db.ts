import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { closeDatabase, type Db, engineOf, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { seedDemo } from "@/db/seed/demo";
import { execute, rows } from "@/db/sql";
import { withTx } from "@/db/tx";
import { createApiToken } from "@/server/tokens";
import { newTestDatabaseUrl } from "./pg";

/**
 * Test databases: real engines with the real migrations, no mocks. SQLite (the default): a fresh
 * file in a temporary folder per database. PostgreSQL (when TEST_DATABASE_URL is set): a fresh
 * database made from the migrated template that the global setup prepared (tests/support/pg.ts).
 */
let folder: string | null = null;
const opened: Db[] = [];

function tempFile(): string {
  if (!folder) {
    folder = mkdtempSync(path.join(tmpdir(), "counterpoint-test-"));
    const dir = folder;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return path.join(folder, `${opened.length + 1}.db`);
}

/** A fresh, migrated, empty database. */
export async function createTestDb(): Promise<Db> {
  const url = process.env.TEST_DATABASE_URL ? await newTestDatabaseUrl() : tempFile();
  // A few connections each: a file may hold a dozen databases open, and the server has 100 in all.
  const db = openDatabase(url, { poolSize: 4 });
  opened.push(db);
  // PostgreSQL databases come migrated from the template; migrating again checks it is current.
  await runMigrations(db);
  return db;
}

/** A fresh database with the demo data (and the demo accounts). */
export async function createSeededDb(): Promise<Db> {
  const db = await createTestDb();
  await seedDemo(db);
  return db;
}

/** Closes every database this test file opened (PostgreSQL pools would keep the process alive). */
export async function closeTestDbs(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => closeDatabase(db)));
}

/**
 * Makes `db` the connection route handlers get from getDb(), so handlers can be called
 * directly with a Request. Each vitest file runs in its own process.
 */
export function installDb(db: Db): Db {
  (globalThis as unknown as { counterpointDb?: Db }).counterpointDb = db;
  return db;
}

export const engine = (db: Db) => engineOf(db);

/** Raw SQL with `?` placeholders, for tests that look at or poke the stored rows directly. */
export function rawSql(text: string, args: unknown[] = []): SQL {
  const parts = text.split("?");
  if (parts.length - 1 !== args.length) throw new Error(`${parts.length - 1} placeholders, ${args.length} values: ${text}`);
  return sql.join(parts.map((part, i) => (i < args.length ? sql`${sql.raw(part)}${args[i]}` : sql.raw(part))));
}

/** Rows of a raw SELECT. */
export function all<T = Record<string, unknown>>(db: Db, text: string, ...args: unknown[]): Promise<T[]> {
  return rows<T>(db, rawSql(text, args));
}

/** The first row of a raw SELECT, or undefined. */
export async function get<T = Record<string, unknown>>(db: Db, text: string, ...args: unknown[]): Promise<T | undefined> {
  return (await all<T>(db, text, ...args))[0];
}

/** A number from a raw SELECT of one value (counts come back as strings from PostgreSQL). */
export async function num(db: Db, text: string, ...args: unknown[]): Promise<number> {
  const row = await get(db, text, ...args);
  if (!row) throw new Error(`no row: ${text}`);
  return Number(Object.values(row)[0]);
}

/** A raw write, in a transaction of its own (as the app writes). */
export async function run(db: Db, text: string, ...args: unknown[]): Promise<void> {
  await withTx(db, (tx) => execute(tx, rawSql(text, args)));
}

/** A raw INSERT of one row, in a transaction of its own; the new row's id. */
export async function insertId(db: Db, text: string, ...args: unknown[]): Promise<number> {
  return withTx(db, async (tx) => Number((await rows<{ id: number }>(tx, rawSql(`${text} RETURNING id`, args)))[0]!.id));
}

/** The ordinary tables (not full-text index internals or migration bookkeeping), by name. */
export async function tableNames(db: Db): Promise<string[]> {
  const query =
    engine(db) === "postgres"
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
      : // Full-text indexes (virtual tables and their shadow tables, some WITHOUT ROWID) are derived from the tables kept here.
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  return (await all<{ name: string }>(db, query)).map((r) => r.name).filter((n) => !n.startsWith("__drizzle"));
}

/**
 * Every row of every table: compare before and after to prove a refused write changed nothing.
 * `except` leaves tables out (api_tokens records each token's last use, even on a refused call).
 */
export async function snapshot(db: Db, except: string[] = []): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { name, query } of await snapshotQueries(db)) {
    if (except.includes(name)) continue;
    // The spelling index is derived, like the search index: a word whose counts fell back to
    // zero stays (never proposed), so only the words in use say what the database holds.
    if (name === "search_word_trigrams") continue;
    out[name] = await all(db, name === "search_words" ? "SELECT * FROM search_words WHERE claims + public_claims + speakers + sources > 0 ORDER BY word" : query);
  }
  return out;
}

/** The query that reads each table whole, in a stable order (the catalogue is read once per database). */
const queriesByDb = new WeakMap<Db, Promise<{ name: string; query: string }[]>>();
function snapshotQueries(db: Db) {
  let queries = queriesByDb.get(db);
  if (!queries) {
    queries = tableNames(db).then((names) =>
      Promise.all(names.map(async (name) => ({ name, query: `SELECT * FROM "${name}" ORDER BY ${(await columnNames(db, name)).includes("id") ? "id" : "1"}` }))),
    );
    queriesByDb.set(db, queries);
  }
  return queries;
}

async function columnNames(db: Db, table: string): Promise<string[]> {
  const query =
    engine(db) === "postgres" ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?" : "SELECT name FROM pragma_table_info(?)";
  return (await all<{ name: string }>(db, query, table)).map((r) => r.name);
}

/** Id of a row found by a column value, failing loudly when missing. */
export async function idOf(db: Db, table: string, column: string, value: string): Promise<number> {
  const row = await get<{ id: number }>(db, `SELECT id FROM "${table}" WHERE "${column}" = ?`, value);
  if (!row) throw new Error(`no ${table} row with ${column} = ${value}`);
  return Number(row.id);
}

/**
 * The usual start of an API test file: a fresh database with the demo data, installed as the one
 * route handlers use (installDb), and a bearer token for each of `roles`, made in the order given.
 */
export async function seededApi<const R extends "factchecker" | "editor" | "admin">(...roles: R[]): Promise<{ db: Db } & Record<R, string>> {
  const db = installDb(await createSeededDb());
  const tokens = {} as Record<R, string>;
  for (const role of roles) tokens[role] = await tokenFor(db, role);
  return { db, ...tokens };
}

/** A bearer token acting as the demo account of `role` (the seeded database has one per role). */
export async function tokenFor(db: Db, role: "factchecker" | "editor" | "admin"): Promise<string> {
  const user = await get<{ id: string; name: string; role: typeof role }>(db, "SELECT id, name, role FROM users WHERE role = ? ORDER BY created_at LIMIT 1", role);
  if (!user) throw new Error(`no ${role} in the test database`);
  return (await createApiToken(db, { kind: "user", id: user.id, name: user.name, role: user.role }, { name: `test ${role}` })).token;
}

/** The demo user of `role` as a viewer (for calling server functions directly). */
export async function viewerFor(db: Db, role: "factchecker" | "editor" | "admin"): Promise<{ kind: "user"; id: string; name: string; role: typeof role }> {
  const user = await get<{ id: string; name: string }>(db, "SELECT id, name FROM users WHERE role = ? ORDER BY created_at LIMIT 1", role);
  if (!user) throw new Error(`no ${role} in the test database`);
  return { kind: "user", id: user.id, name: user.name, role };
}

/** An error's message and its causes' (drizzle wraps what the engine said). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(" ← ");
}

/** What each engine says when a constraint refuses a write, as one pattern for both. */
export const refusal = {
  check: (name: string) => new RegExp(`CHECK constraint failed: ${name}\\b|violates check constraint "${name}"`),
  unique: /UNIQUE constraint failed|duplicate key value violates unique constraint/,
  foreignKey: /FOREIGN KEY constraint failed|violates foreign key constraint/,
};

/** Asserts that a database write is refused with a message matching `pattern`. */
export async function expectRefusedWrite(write: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) throw new Error(`the write was accepted; expected a refusal matching ${pattern}`);
  if (!pattern.test(errorText(error))) throw new Error(`refused, but not as expected (${pattern}): ${errorText(error)}`);
}

/** A JSON column read with raw SQL: text on SQLite, already parsed (jsonb) on PostgreSQL. */
export function parseJson<T = Record<string, unknown>>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
