/**
 * Database work a worker thread of server/offload.ts does on a connection of its own (SQLite
 * only): writes too long for the request thread, each in one transaction of its own, so a task
 * stopped at its deadline (its thread terminated) leaves nothing half-written. The caller holds
 * its process's turn at the writer meanwhile (db/tx.ts withWriterTurn).
 */
import Database from "better-sqlite3";

export interface IndexPassagesInput {
  file: string;
  sourceId: number;
  synchronous: "NORMAL" | "FULL";
}

/**
 * Cuts a queued source's text into passages and indexes them for search, replacing its old
 * passages, and takes it out of the queue (migration source_passages_later): one transaction.
 * False when the source was no longer queued (another run did it, or it was deleted).
 */
export function indexPassages(input: IndexPassagesInput): boolean {
  const db = new Database(input.file);
  try {
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.pragma(`synchronous = ${input.synchronous === "FULL" ? "FULL" : "NORMAL"}`);
    // The worker's own connection, which withTx (the process's connections) does not serve: one BEGIN IMMEDIATE … COMMIT.
    return db
      // eslint-disable-next-line no-restricted-syntax
      .transaction((id: number) => {
        if (!db.prepare("SELECT 1 FROM source_passages_backlog WHERE source_id = ?").get(id)) return false;
        db.prepare("INSERT INTO source_passages_reindex (id, title, text) SELECT id, title, text FROM sources WHERE id = ?").run(id);
        // A source deleted meanwhile took its place in the queue with it (its delete trigger).
        db.prepare("DELETE FROM source_passages_backlog WHERE source_id = ?").run(id);
        return true;
      })
      .immediate(input.sourceId);
  } finally {
    db.close();
  }
}
