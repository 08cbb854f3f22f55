// Issue 12, item 8: `npm run backup -- FILE` copies a SQLite database that is being written to,
// consistently, and the copy restores to an equal database.
import { execFile } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, type Db, handleOf, openSqlite } from "@/db/client";
import { createStory } from "@/server/stories-write";
import { closeTestDbs, createSeededDb, num, snapshot, viewerFor } from "../support/db";

const run = promisify(execFile);
const sqliteOnly = !!process.env.TEST_DATABASE_URL;

let db: Db;
let file: string;
const folder = mkdtempSync(path.join(tmpdir(), "counterpoint-backup-"));

beforeAll(async () => {
  if (sqliteOnly) return;
  db = await createSeededDb();
  file = (handleOf(db) as { file: string }).file;
});
afterAll(() => closeTestDbs());

/** Each story is written with its audit event in one transaction: a torn copy would show it. */
const consistent = async (target: Db) => ({
  stories: await num(target, "SELECT count(*) FROM stories"),
  created: await num(target, "SELECT count(*) FROM events WHERE entity_type = 'story' AND action = 'create'"),
});

describe.skipIf(sqliteOnly)("npm run backup", () => {
  it("copies the database while it is written to, consistently, owner-only", { timeout: 120_000 }, async () => {
    const editor = await viewerFor(db, "editor");
    const before = await consistent(db);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await createStory(db, editor, { title: `Written during the backup ${written}` });
        written++;
        // The SQLite driver is synchronous: let the event loop see the backup process finish.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const destination = path.join(folder, "during.db");
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "scripts/backup.ts", destination], { env: { ...process.env, DATABASE_PATH: file } });
    writing = false;
    await writer;
    expect(stdout).toMatch(/integrity ok/);
    expect(written).toBeGreaterThan(0);
    expect(statSync(destination).mode & 0o777).toBe(0o600);

    const copy = openSqlite(destination);
    try {
      const counts = await consistent(copy);
      // One commit's state: every story has its event, and it is somewhere between before and after.
      expect(counts.stories - before.stories).toBe(counts.created - before.created);
      expect(counts.stories).toBeGreaterThanOrEqual(before.stories);
      expect(counts.stories).toBeLessThanOrEqual(before.stories + written);
    } finally {
      await closeDatabase(copy);
    }
  });

  it("restores to a database equal to the original", { timeout: 120_000 }, async () => {
    const destination = path.join(folder, "quiet.db");
    await run("npx", ["tsx", "--conditions=react-server", "scripts/backup.ts", destination], { env: { ...process.env, DATABASE_PATH: file } });
    const restored = openSqlite(destination);
    try {
      expect(await snapshot(restored)).toEqual(await snapshot(db));
    } finally {
      await closeDatabase(restored);
    }
  });

  it("never overwrites a file", async () => {
    const destination = path.join(folder, "quiet.db");
    await expect(run("npx", ["tsx", "--conditions=react-server", "scripts/backup.ts", destination], { env: { ...process.env, DATABASE_PATH: file } })).rejects.toThrow(/exists already/);
  });
});
