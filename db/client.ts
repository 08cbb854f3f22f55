import "server-only";
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { ENGINE, type Engine, engineFor } from "./engine";
import { queryLogger } from "./query-log";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";

/**
 * The connection, for both engines. Everything above db/ sees one async surface: query builders
 * that are awaited (`await db.select()…`, `await tx.insert(…).returning()`), and `withTx`
 * (db/tx.ts) for every write. The compile-time type is drizzle's SQLite one (the default
 * engine); on PostgreSQL the same builder calls run on drizzle's node-postgres database, whose
 * awaited results have the same shape. What differs by engine — synchronous `.get()`, `.all()`,
 * `.run()` exist on SQLite only, raw SQL — is banned outside db/ by the lint rules.
 */
type SqliteDrizzle = BetterSQLite3Database<typeof sqliteSchema>;
export type Db = Pick<SqliteDrizzle, "select" | "selectDistinct" | "insert" | "update" | "delete">;
/** The handle inside `withTx(db, async (tx) => …)`: the same builders, on the transaction. */
export type Tx = Db;

export interface SqliteHandle {
  engine: "sqlite";
  file: string;
  /** Reads outside transactions (WAL lets them run beside the writer); `query_only`. */
  reader: Database.Database;
  /** The one connection that writes, owned by one transaction at a time (db/tx.ts). */
  writer: Database.Database;
  writerDb: SqliteDrizzle;
  /** The tail of the queue of transactions waiting for the writer. */
  queue: Promise<void>;
}

export interface PgHandle {
  engine: "postgres";
  url: string;
  pool: pg.Pool;
  /** Transactions this process committed (all, and those readers can see): its own writes show in changeVersion at once. */
  commits: { all: number; readers: number };
}

export type Handle = SqliteHandle | PgHandle;

/**
 * The engine handle rides on the database object under a registered symbol, not in a module's
 * WeakMap: Next.js may load this module more than once (one copy per bundle layer), and a
 * database opened through one copy must still be known to the others.
 */
const HANDLE = Symbol.for("counterpoint.db.handle");

function attach(db: object, handle: Handle): void {
  Object.defineProperty(db, HANDLE, { value: handle, enumerable: false });
}

/** The engine handle behind a database (or one of its transactions). */
export function handleOf(db: Db): Handle {
  const handle = (db as unknown as { [HANDLE]?: Handle })[HANDLE];
  if (!handle) throw new Error("not a Counterpoint database handle (open it with openDatabase)");
  return handle;
}

/** Set on a PostgreSQL transaction object that announced a change readers can see (db/changes.ts, db/tx.ts). */
export const READER_CHANGE = Symbol.for("counterpoint.readerChange");

/** Registers a transaction object as belonging to `handle` (db/tx.ts). */
export function registerTx(tx: object, handle: Handle): void {
  attach(tx, handle);
}

/** The SQLite file: DATABASE_PATH, else data/counterpoint.db under the working directory. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join("data", "counterpoint.db"));
}

/** Where this process's database is: the PostgreSQL URL or the SQLite file. */
export function databaseUrl(): string {
  return ENGINE === "postgres" ? process.env.DATABASE_URL!.trim() : databasePath();
}

/** The URL without its password, for messages. */
export function describeDatabase(url: string = databaseUrl()): string {
  if (engineFor(url) === "sqlite") return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "a PostgreSQL database";
  }
}

/**
 * Durability: NORMAL (the default) may lose the last transactions on power loss, never the
 * database; FULL syncs the WAL on every commit.
 */
function synchronousPragma(): string {
  return process.env.COUNTERPOINT_DURABILITY === "full" ? "FULL" : "NORMAL";
}

function sqliteConnection(file: string, role: "reader" | "writer"): Database.Database {
  const connection = new Database(file);
  if (role === "writer") connection.pragma("journal_mode = WAL");
  // Foreign keys are off by default in SQLite and must be switched on per connection; the busy
  // timeout makes another process's writer wait for the lock instead of failing at once.
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  connection.pragma(`synchronous = ${synchronousPragma()}`);
  // A write outside withTx would bypass the writer's queue (and could land inside another
  // request's open transaction): the reader refuses to write at all.
  if (role === "reader") connection.pragma("query_only = ON");
  return connection;
}

/**
 * Opens a SQLite database file (created, with its folder, when missing; both owner-only): one
 * writer connection and one reader connection, in WAL mode.
 */
export function openSqlite(file: string): Db {
  if (file === ":memory:" || file.startsWith("file:")) throw new Error("Counterpoint needs a database file (two connections share it)");
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const writer = sqliteConnection(file, "writer");
  try {
    chmodSync(file, 0o600);
  } catch {
    // not the owner: leave the file's mode as it is
  }
  const reader = sqliteConnection(file, "reader");
  const db = drizzleSqlite(reader, { schema: sqliteSchema, logger: queryLogger });
  const writerDb = drizzleSqlite(writer, { schema: sqliteSchema, logger: queryLogger });
  const handle: SqliteHandle = { engine: "sqlite", file, reader, writer, writerDb, queue: Promise.resolve() };
  attach(db, handle);
  attach(writerDb, handle);
  return db;
}

/** Opens a pool on a PostgreSQL database. DATABASE_POOL_SIZE sets its size (default 10). */
export function openPostgres(url: string, options: { poolSize?: number } = {}): Db {
  const max = options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10);
  // Counts and sums are bigints: as numbers, as SQLite gives them (no Counterpoint count nears 2^53).
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client's error (the server restarted) must not crash the process; the pool drops it.
  pool.on("error", (error) => console.error("PostgreSQL pool:", error.message));
  const db = drizzlePg(pool, { schema: pgSchema, logger: queryLogger }) as unknown as NodePgDatabase<typeof pgSchema>;
  attach(db, { engine: "postgres", url, pool, commits: { all: 0, readers: 0 } });
  return db as unknown as Db;
}

/** Opens the database at `url` (a PostgreSQL URL or a SQLite file path), by default this process's. */
export function openDatabase(url: string = databaseUrl(), options: { poolSize?: number } = {}): Db {
  return engineFor(url) === "postgres" ? openPostgres(url, options) : openSqlite(url);
}

export async function closeDatabase(db: Db): Promise<void> {
  const handle = handleOf(db);
  if (handle.engine === "sqlite") {
    await handle.queue;
    handle.reader.close();
    handle.writer.close();
  } else {
    await handle.pool.end();
  }
}

export function engineOf(db: Db): Engine {
  return handleOf(db).engine;
}

const globalForDb = globalThis as unknown as { counterpointDb?: Db };

/** The process-wide database, opened on first use (never at import, so builds need no database). */
export function getDb(): Db {
  if (!globalForDb.counterpointDb) {
    const db = openDatabase();
    globalForDb.counterpointDb = db;
    // Long texts a crash left waiting to be indexed for search are indexed now (db/passage-index.ts).
    void import("./passage-index").then(({ indexAfterWrite }) => indexAfterWrite(db));
  }
  return globalForDb.counterpointDb;
}
