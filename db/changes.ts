import "server-only";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Db, handleOf, type PgHandle, READER_CHANGE } from "./client";
import { execute, row } from "./sql";

/**
 * "Has anything changed?" for caches, on every app server alike. Every write records an event
 * in its own transaction (server/events.ts), and tells this module so (`announceChange`), and
 * whether readers can see the change. Two scopes: `all` (staff caches), `readers` (the reader
 * page cache, which a comment or a draft must not empty).
 *
 * - SQLite: the highest event id (of the reader-visible events, for `readers`: a partial
 *   index). One writer commits events in id order, so a new commit always raises it; reading it
 *   is one index step.
 * - PostgreSQL: ids are handed out before commit, so the highest id can stand still while a
 *   slower transaction commits a lower one. Instead each write sends NOTIFY (on a second channel
 *   too when readers can see it), which PostgreSQL delivers to every listening server after the
 *   commit (and never for a rollback); each server counts the notices it has heard. A listener
 *   that loses its connection counts that as a change too (it may have missed some), and
 *   listens again.
 */
const CHANNELS = { all: "counterpoint_changes", readers: "counterpoint_reader_changes" } as const;
export type ChangeScope = keyof typeof CHANNELS;

/** Inside a write's transaction: on PostgreSQL, a notice to every server once it commits. */
export async function announceChange(tx: Db, readerVisible = true): Promise<void> {
  const handle = handleOf(tx);
  if (handle.engine !== "postgres") return;
  await execute(tx, sql.raw(`NOTIFY ${CHANNELS.all}`));
  if (readerVisible) {
    await execute(tx, sql.raw(`NOTIFY ${CHANNELS.readers}`));
    (tx as unknown as Record<symbol, boolean>)[READER_CHANGE] = true;
  }
}

interface Listener {
  heard: Record<ChangeScope, number>;
  connected: boolean;
  ready: Promise<void>;
}
const globalForListeners = globalThis as unknown as { counterpointListeners?: Map<string, Listener> };
const listeners = (globalForListeners.counterpointListeners ??= new Map());
let unique = 0;

/** A value that changes whenever the database's content (what readers see, for `readers`) may have changed. */
export async function changeVersion(db: Db, scope: ChangeScope = "all"): Promise<string> {
  const handle = handleOf(db);
  if (handle.engine === "sqlite") {
    const newest = scope === "readers" ? sql`SELECT coalesce(max(id), 0) AS n FROM events WHERE reader_visible = 1` : sql`SELECT coalesce(max(id), 0) AS n FROM events`;
    return String((await row<{ n: number }>(db, newest))?.n ?? 0);
  }
  const listener = listen(handle);
  await listener.ready;
  // Not listening (the connection was lost): every answer differs, so nothing cached is used.
  // This process's own commits count at once; other servers' arrive as notices.
  return listener.connected ? `pg:${listener.heard[scope]}:${handle.commits[scope]}` : `pg:unknown:${++unique}`;
}

function listen(handle: PgHandle): Listener {
  const existing = listeners.get(handle.url);
  if (existing) return existing;
  const listener: Listener = { heard: { all: 0, readers: 0 }, connected: false, ready: Promise.resolve() };
  listeners.set(handle.url, listener);
  const connect = (): Promise<void> => {
    const client = new pg.Client({ connectionString: handle.url });
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      listener.connected = false;
      listener.heard.all++;
      listener.heard.readers++;
      client.end().catch(() => undefined);
      setTimeout(() => {
        listener.ready = connect();
      }, 1000).unref();
    };
    client.on("notification", (notice) => {
      if (notice.channel === CHANNELS.readers) listener.heard.readers++;
      else listener.heard.all++;
    });
    client.on("error", lost);
    client.on("end", lost);
    return client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNELS.all}; LISTEN ${CHANNELS.readers}`))
      .then(() => {
        // A listening connection must not keep a finished process (a script, a test) alive.
        (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
        listener.heard.all++;
        listener.heard.readers++;
        listener.connected = true;
      })
      .catch(lost);
  };
  listener.ready = connect();
  return listener;
}
