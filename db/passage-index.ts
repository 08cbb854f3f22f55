import "server-only";
import { sql } from "drizzle-orm";
import { type Db, handleOf } from "./client";
import { rows } from "./sql";
import { withWriterTurn } from "./tx";
import { offload } from "@/server/offload";

/**
 * Search passages of long source texts, on SQLite: a text over 64 KiB is not cut and indexed in
 * the transaction that stores it (that held the request thread for most of a second for 5 MB)
 * but queued in source_passages_backlog in that same transaction (migration
 * source_passages_later). This works the queue off: each source on a worker thread, on its own
 * connection, in one transaction (lib/offload/db-tasks.ts), while this process's other writes
 * wait their turn without holding the thread and reads go on. The writes that store a long text
 * call it before they answer, so what they stored is searchable by then; it also runs at start,
 * for whatever a crash left queued. PostgreSQL indexes in its own triggers, off this thread.
 */

/** How long indexing one source may take before it is stopped (and stays queued for the next run). */
export const INDEX_DEADLINE_MS = 120_000;

const running = new WeakMap<object, Promise<number>>();

/** Indexes every queued source; resolves with how many were indexed. Runs one at a time per database. */
export function indexQueuedPassages(db: Db): Promise<number> {
  const handle = handleOf(db);
  if (handle.engine !== "sqlite") return Promise.resolve(0);
  const previous = running.get(handle) ?? Promise.resolve(0);
  const next = previous.catch(() => 0).then(() => drain(db, handle.file));
  running.set(handle, next);
  return next;
}

async function drain(db: Db, file: string): Promise<number> {
  let indexed = 0;
  // In source order, once each: a source queued again meanwhile (written again) waits for the next call.
  for (let after = 0; ; ) {
    const [queued] = await rows<{ sourceId: number }>(db, sql`SELECT source_id AS "sourceId" FROM source_passages_backlog WHERE source_id > ${after} ORDER BY source_id LIMIT 1`);
    if (!queued) return indexed;
    after = queued.sourceId;
    const done = await withWriterTurn(db, () =>
      offload("indexPassages", { file, sourceId: queued.sourceId, synchronous: process.env.COUNTERPOINT_DURABILITY === "full" ? "FULL" : "NORMAL" }, { deadlineMs: INDEX_DEADLINE_MS, what: "Indexing the source's text for search", lane: "database" }),
    );
    if (done) indexed++;
  }
}

/**
 * After a write that may have queued a long text: indexes the queue before the request answers.
 * The text itself is committed already, so a failure here is logged rather than answered (the
 * source stays queued, and is indexed by the next run).
 */
export async function indexAfterWrite(db: Db): Promise<void> {
  try {
    await indexQueuedPassages(db);
  } catch (error) {
    console.error("Indexing a source's passages for search failed; it stays queued:", error);
  }
}
