import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, type Db, engineOf, openSqlite } from "@/db/client";
import { checksum, COPY_ORDER, copyDatabase, countRows } from "@/db/copy";
import { runMigrations } from "@/db/migrations";
import { seedDemo } from "@/db/seed/demo";
import { mergeSpeakers } from "@/server/speakers-write";
import { getSource } from "@/server/sources";
import { updateSource } from "@/server/sources-write";
import { createApiToken } from "@/server/tokens";
import { all, createTestDb, idOf, num, run, viewerFor } from "../support/db";

/**
 * `npm run db:copy` moves a newsroom's database between the engines: PostgreSQL → SQLite → a
 * second PostgreSQL database here, each step verified by row counts and per-table checksums.
 * It needs both engines, so it runs in the PostgreSQL leg of the suite (TEST_DATABASE_URL).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const folder = mkdtempSync(path.join(tmpdir(), "counterpoint-copy-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function freshSqlite(name: string): Promise<Db> {
  const db = openSqlite(path.join(folder, `${name}.db`));
  await runMigrations(db);
  return db;
}

describe.runIf(onPostgres)("copying a database between the engines (in the PostgreSQL leg: needs TEST_DATABASE_URL)", () => {
  it("copies every row both ways, rebuilds the search data, and moves the id sequences on", async () => {
    const source = await createTestDb();
    expect(engineOf(source)).toBe("postgres");
    await seedDemo(source);
    // Some of everything: a token, a revision (re-anchoring its claims), a merge (self-references).
    const editor = await viewerFor(source, "editor");
    await createApiToken(source, editor, { name: "copy test" });
    const sourceId = await idOf(source, "sources", "title", "Amnesty accuses Cambodia of ignoring scam-compound abuses; government calls report “exaggerated”");
    const current = await getSource(source, editor, sourceId);
    await updateSource(source, editor, sourceId, { text: `${current.text}\n\nA paragraph added in a revision.`, version: current.version, revisionNote: "copy test" });
    const callamard = await idOf(source, "speakers", "name", "Agnes Callamard");
    const amnesty = await idOf(source, "speakers", "name", "Amnesty International");
    const [a, b] = await all<{ id: number; version: number }>(source, "SELECT id, version FROM speakers WHERE id IN (?, ?) ORDER BY id", callamard, amnesty);
    await mergeSpeakers(source, editor, callamard, { targetId: amnesty, version: callamard === a!.id ? a!.version : b!.version, targetVersion: amnesty === a!.id ? a!.version : b!.version });

    const file = await freshSqlite("copy");
    const toSqlite = await copyDatabase(source, file);
    expect(toSqlite.tables.map((t) => t.table)).toHaveLength(COPY_ORDER.length);
    expect(toSqlite.tables.find((t) => t.table === "claims")!.rows).toBeGreaterThan(20);
    expect(toSqlite.tables.find((t) => t.table === "events")!.rows).toBeGreaterThan(50);

    const back = await createTestDb();
    const toPostgres = await copyDatabase(file, back);
    // The round trip changes nothing: the same checksums at every step.
    expect(toPostgres.tables).toEqual(toSqlite.tables);
    for (const key of COPY_ORDER) expect(await checksum(back, key)).toBe(await checksum(source, key));

    // Derived search data is rebuilt by the target, and new rows get fresh ids.
    const passages = (db: Db) => num(db, "SELECT count(*) FROM source_passages");
    expect(await passages(file)).toBeGreaterThan(5);
    expect(await passages(back)).toBe(await passages(source));
    // So is the spelling index: the same words with the same counts after the round trip.
    const words = (db: Db) => all(db, "SELECT word, claims, public_claims, speakers, sources FROM search_words WHERE claims + speakers + sources > 0 ORDER BY word");
    expect((await words(source)).length).toBeGreaterThan(100);
    expect(await words(back)).toEqual(await words(source));
    expect((await all(back, "SELECT id FROM claims WHERE search_tsv @@ plainto_tsquery('cp_porter', 'scam centers')")).length).toBeGreaterThan(0);
    await run(back, "INSERT INTO stories (title) VALUES (?)", "Written after the copy");
    expect(await countRows(back, "stories")).toBe((await countRows(source, "stories")) + 1);
    await closeDatabase(file);
  });

  it("refuses a target that already holds data, and changes nothing there", async () => {
    const source = await createTestDb();
    await seedDemo(source);
    const target = await freshSqlite("not-empty");
    await copyDatabase(source, target);
    const before = await checksum(target, "claims");
    await expect(copyDatabase(source, target)).rejects.toThrow(/not empty: users has 3 row/);
    expect(await checksum(target, "claims")).toBe(before);
    await closeDatabase(target);
  });
});
