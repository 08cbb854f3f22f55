import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { indexQueuedPassages } from "@/db/passage-index";
import { sources } from "@/db/schema";
import { execute } from "@/db/sql";
import { withTx } from "@/db/tx";
import { eq } from "drizzle-orm";
import { DeadlineError } from "@/lib/errors";
import { offload } from "@/server/offload";
import { all, createTestDb, engine, num, run } from "../support/db";

/**
 * A long source text is stored with its place in the search queue in one transaction, and cut
 * into passages and indexed afterwards, on a worker's own connection, in one transaction of its
 * own (SQLite; PostgreSQL indexes in its triggers, off the request thread already). Whatever
 * stops in between — a crash before the indexing, a worker stopped at its deadline — leaves the
 * text stored, the old passages searchable and the source queued, and the next run indexes it.
 */

let db: Db;

beforeAll(async () => {
  db = await createTestDb();
});

/** A text of about `kib` KiB in lines, each word numbered so every passage differs. */
const longText = (kib: number, word: string) => Array.from({ length: Math.ceil((kib * 1024) / 60) }, (_, i) => `${word} line ${i} of the long record of proceedings.`).join("\n");

const passagesOf = async (id: number) => (await all<{ text: string }>(db, "SELECT text FROM source_passages WHERE source_id = ? ORDER BY seq", id)).map((p) => p.text).join("");
const queued = () => num(db, "SELECT count(*) FROM source_passages_backlog");
/** Source ids whose passages match `word` in the full-text index. */
const matching = async (word: string) =>
  engine(db) === "sqlite"
    ? (await all<{ id: number }>(db, "SELECT DISTINCT p.source_id AS id FROM source_passages_fts f JOIN source_passages p ON p.id = f.rowid WHERE source_passages_fts MATCH ? ORDER BY 1", word)).map((r) => r.id)
    : (await all<{ id: number }>(db, "SELECT DISTINCT source_id AS id FROM source_passages WHERE search_tsv @@ plainto_tsquery('cp_porter', ?) ORDER BY 1", word)).map((r) => r.id);
/** How many sources the spelling vocabulary counts `word` in. */
const vocabulary = async (word: string) => (await all<{ n: number }>(db, "SELECT sources AS n FROM search_words WHERE word = ?", word))[0]?.n ?? 0;
const integrity = async () => {
  if (engine(db) === "sqlite") await run(db, "INSERT INTO source_passages_fts(source_passages_fts) VALUES ('integrity-check')");
};

/** Stores a source as a write does, but without the indexing that follows it: as if the process died right after the commit. */
async function storeOnly(title: string, text: string): Promise<number> {
  return withTx(db, async (tx) => {
    const [row] = await tx.insert(sources).values({ title, text, revision: 1 }).returning({ id: sources.id });
    return row!.id;
  });
}

describe("long texts in the search index", () => {
  it("keeps a short text's passages in step in the writer's own transaction, as before", async () => {
    const text = longText(20, "brief");
    const id = await storeOnly("Short record", text);
    expect(await passagesOf(id)).toBe(text);
    expect(await matching("brief")).toEqual([id]);
  });

  it("queues a long text with its commit, and indexes it at the next run: after a crash nothing is lost or half-indexed", async () => {
    const text = longText(600, "quillwort");
    const id = await storeOnly("Long record", text);
    if (engine(db) === "postgres") {
      // The triggers indexed it in the same transaction; there is no queue.
      expect(await passagesOf(id)).toBe(text);
      expect(await indexQueuedPassages(db)).toBe(0);
      return;
    }
    // Stored, queued, not yet cut.
    expect(await num(db, "SELECT length(text) FROM sources WHERE id = ?", id)).toBe(text.length);
    expect(await queued()).toBe(1);
    expect(await passagesOf(id)).toBe("");
    expect(await vocabulary("quillwort")).toBe(0);
    // The next run (the next write, or the next start) indexes it, and counts its words.
    expect(await indexQueuedPassages(db)).toBe(1);
    expect(await queued()).toBe(0);
    expect(await passagesOf(id)).toBe(text);
    expect(await matching("quillwort")).toEqual([id]);
    expect(await vocabulary("quillwort")).toBe(1);
    await integrity();
  });

  it("keeps the old passages searchable until the new text's replace them, even under a new title, and a stopped worker changes nothing", async () => {
    const first = longText(300, "marram");
    const id = await storeOnly("Dune survey", first);
    await indexQueuedPassages(db);
    const second = longText(1500, "samphire");
    await withTx(db, async (tx) => {
      await tx.update(sources).set({ title: "Salt marsh survey", text: second }).where(eq(sources.id, id));
    });
    if (engine(db) === "sqlite") {
      // Until indexed: the old words are found, under the title they were indexed with.
      expect(await matching("marram")).toEqual([id]);
      expect(await matching("samphire")).toEqual([]);
      expect(await all(db, "SELECT indexed_title FROM source_passages_backlog WHERE source_id = ?", id)).toEqual([{ indexed_title: "Dune survey" }]);
      // A worker stopped at its deadline mid-transaction (its thread already started by the run
      // above; cutting 1.5 MB takes far longer than 20 ms): rolled back, still queued, index sound.
      const stopped = await offload("indexPassages", { file: (await fileOf(db))!, sourceId: id, synchronous: "NORMAL" }, { deadlineMs: 20, what: "Indexing", lane: "database" }).catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(DeadlineError);
      expect(await queued()).toBe(1);
      expect(await passagesOf(id)).toBe(first);
      await integrity();
      expect(await indexQueuedPassages(db)).toBe(1);
    }
    expect(await passagesOf(id)).toBe(second);
    expect(await matching("marram")).toEqual([]);
    expect(await matching("samphire")).toEqual([id]);
    // The vocabulary lost the old text's words and title, and gained the new ones'.
    expect([await vocabulary("marram"), await vocabulary("samphire"), await vocabulary("dune"), await vocabulary("marsh")]).toEqual([0, 1, 0, 1]);
    await integrity();
  });

  it("takes a deleted source out of the queue and the index", async () => {
    const id = await storeOnly("Doomed record", longText(200, "glasswort"));
    await withTx(db, async (tx) => {
      await execute(tx, sql`DELETE FROM sources WHERE id = ${id}`);
    });
    expect(engine(db) === "sqlite" ? await queued() : 0).toBe(0);
    expect(await indexQueuedPassages(db)).toBe(0);
    expect(await passagesOf(id)).toBe("");
    expect(await vocabulary("glasswort")).toBe(0);
    // An indexed long source, deleted: its words are taken off the vocabulary with its passages.
    const indexed = await storeOnly("Coastal record", longText(200, "saltwort"));
    await indexQueuedPassages(db);
    expect(await vocabulary("saltwort")).toBe(1);
    await withTx(db, async (tx) => {
      await execute(tx, sql`DELETE FROM sources WHERE id = ${indexed}`);
    });
    expect(await vocabulary("saltwort")).toBe(0);
    expect(await matching("saltwort")).toEqual([]);
    await integrity();
  });
});

async function fileOf(d: Db): Promise<string | undefined> {
  const { handleOf } = await import("@/db/client");
  const handle = handleOf(d);
  return handle.engine === "sqlite" ? handle.file : undefined;
}
