import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { type Db, handleOf, type PgHandle, READER_CHANGE, registerTx, type SqliteHandle, type Tx } from "./client";

/**
 * The one transaction API, for both engines: `await withTx(db, async (tx) => …)` runs the
 * callback in a transaction and commits when it returns, or rolls back when it throws (and
 * rethrows). Inside, use `tx` for every read that must see the transaction's own writes.
 *
 * SQLite: one writer connection, owned by one transaction at a time. Transactions queue for it
 * in this process (a promise chain), and each starts with BEGIN IMMEDIATE, which takes the
 * database's write lock at once (another process waits up to the busy timeout). Reads outside
 * transactions go to the reader connection and see only committed data. So two requests'
 * transactions never share a connection at once: a rollback can only ever undo its own writes.
 *
 * PostgreSQL: a pooled connection per transaction at SERIALIZABLE isolation, so a
 * read-check-write (the optimistic version check) behaves as it does under SQLite's single
 * writer. A serialization failure or deadlock is retried, a bounded number of times, after a
 * short random pause: the callback must be safe to run again (database work only).
 *
 * A withTx inside another on the same database joins the outer transaction.
 */

interface Active {
  db: object;
  tx: Tx;
}
/** One per process, even when Next.js loads this module once per bundle layer. */
const globalForTx = globalThis as unknown as { counterpointActiveTx?: AsyncLocalStorage<Active> };
const active = (globalForTx.counterpointActiveTx ??= new AsyncLocalStorage<Active>());

/** How many times a PostgreSQL transaction is tried in all before its error is given up on. */
export const MAX_ATTEMPTS = 6;

export async function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const handle = handleOf(db);
  const outer = active.getStore();
  if (outer && (outer.db === db || outer.tx === db)) return fn(outer.tx);
  return handle.engine === "sqlite" ? sqliteTx(db, handle, fn) : pgTx(db, handle, fn);
}

/** True when called inside a withTx on any database. */
export function inTransaction(): boolean {
  return active.getStore() !== undefined;
}

function sqliteTx<T>(db: Db, handle: SqliteHandle, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = handle.queue.then(async () => {
    const { writer, writerDb } = handle;
    writer.exec("BEGIN IMMEDIATE");
    try {
      const result = await active.run({ db, tx: writerDb }, () => fn(writerDb));
      writer.exec("COMMIT");
      return result;
    } catch (error) {
      // A failed COMMIT or a statement error may have ended the transaction already.
      if (writer.inTransaction) writer.exec("ROLLBACK");
      throw error;
    }
  });
  handle.queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** SQLSTATEs worth a retry: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(["40001", "40P01"]);

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function pgTx<T>(db: Db, handle: PgHandle, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const pgDb = db as unknown as NodePgDatabase;
  for (let attempt = 1; ; attempt++) {
    try {
      let readerChange = false;
      const result = await pgDb.transaction(
        async (pgTx) => {
          const tx = pgTx as unknown as Tx;
          registerTx(tx, handle);
          const out = await active.run({ db, tx }, () => fn(tx));
          readerChange = (tx as unknown as Record<symbol, boolean>)[READER_CHANGE] === true;
          return out;
        },
        { isolationLevel: "serializable" },
      );
      handle.commits.all++;
      if (readerChange) handle.commits.readers++;
      return result;
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= MAX_ATTEMPTS || !state || !RETRYABLE.has(state)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

/**
 * Runs `fn` in this process's turn at the SQLite writer, without a transaction on the writer
 * connection: for a write that another connection makes (a worker thread's, which opens its own
 * transaction). Meanwhile this process's other transactions wait their turn without holding the
 * thread, as they do behind any transaction; reads go on. On PostgreSQL it simply runs `fn`.
 */
export function withWriterTurn<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const handle = handleOf(db);
  if (handle.engine !== "sqlite") return fn();
  // Inside a transaction the turn is already taken: waiting for the next one would never end.
  if (active.getStore()) throw new Error("withWriterTurn inside a transaction");
  const run = handle.queue.then(fn);
  handle.queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
