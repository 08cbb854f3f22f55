import { type Db, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { seedDemo } from "@/db/seed/demo";
import { createApiToken } from "@/server/tokens";

/** A fresh in-memory database with the real migrations applied (no mocks). */
export function createTestDb(): Db {
  const db = openDatabase(":memory:");
  runMigrations(db);
  return db;
}

/** A fresh database with the demo data (and the demo accounts). */
export async function createSeededDb(): Promise<Db> {
  const db = createTestDb();
  await seedDemo(db);
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

/**
 * Every row of every table: compare before and after to prove a refused write changed nothing.
 * `except` leaves tables out (api_tokens records each token's last use, even on a refused call).
 */
export function snapshot(db: Db, except: string[] = []): Record<string, unknown[]> {
  const tables = (
    db.$client
      // Ordinary tables only: full-text indexes (virtual tables and their shadow tables, some
      // WITHOUT ROWID) are derived from the tables kept here.
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .all() as { name: string }[]
  ).filter((t) => !except.includes(t.name));
  return Object.fromEntries(tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** Id of a row found by a column value, failing loudly when missing. */
export function idOf(db: Db, table: string, column: string, value: string): number {
  const row = db.$client.prepare(`SELECT id FROM "${table}" WHERE "${column}" = ?`).get(value) as { id: number } | undefined;
  if (!row) throw new Error(`no ${table} row with ${column} = ${value}`);
  return row.id;
}

/** A bearer token acting as the demo account of `role` (the seeded database has one per role). */
export function tokenFor(db: Db, role: "factchecker" | "editor" | "admin"): string {
  const user = db.$client.prepare("SELECT id, name, role FROM users WHERE role = ? ORDER BY created_at LIMIT 1").get(role) as { id: string; name: string; role: typeof role } | undefined;
  if (!user) throw new Error(`no ${role} in the test database`);
  return createApiToken(db, { kind: "user", id: user.id, name: user.name, role: user.role }, { name: `test ${role}` }).token;
}
