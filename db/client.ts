import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The SQLite file: DATABASE_PATH, else data/counterpoint.db under the working directory. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join("data", "counterpoint.db"));
}

/**
 * Opens a connection with the pragmas every Counterpoint connection needs. WAL lets readers
 * run beside the one writer; foreign keys are off by default in SQLite and must be switched on
 * per connection; the busy timeout makes a second process wait for a lock instead of failing.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema });
}

const globalForDb = globalThis as unknown as { counterpointDb?: Db };

/** The process-wide connection, opened on first use (never at import, so builds need no database). */
export function getDb(): Db {
  globalForDb.counterpointDb ??= openDatabase(databasePath());
  return globalForDb.counterpointDb;
}
