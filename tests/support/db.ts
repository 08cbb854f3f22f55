import { type Db, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { seedDemo } from "@/db/seed/demo";

/** A fresh in-memory database with the real migrations applied (no mocks). */
export function createTestDb(): Db {
  const db = openDatabase(":memory:");
  runMigrations(db);
  return db;
}

/** A fresh database with the demo data. */
export function createSeededDb(): Db {
  const db = createTestDb();
  seedDemo(db);
  return db;
}

/**
 * Makes `db` the connection route handlers get from getDb(), so handlers can be called
 * directly with a Request. Each vitest file runs in its own process.
 */
export function installDb(db: Db): Db {
  (globalThis as unknown as { counterpointDb?: Db }).counterpointDb = db;
  return db;
}

/** Every row of every table: compare before and after to prove a refused write changed nothing. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** Id of a row found by a column value, failing loudly when missing. */
export function idOf(db: Db, table: string, column: string, value: string): number {
  const row = db.$client.prepare(`SELECT id FROM "${table}" WHERE "${column}" = ?`).get(value) as { id: number } | undefined;
  if (!row) throw new Error(`no ${table} row with ${column} = ${value}`);
  return row.id;
}
