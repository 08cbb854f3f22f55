import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Both migration folders are what drizzle-kit generates from the schemas (plus hand-written
 * migrations, each with its twin on the other engine). Generating again into a copy of each
 * folder must find nothing to do: a schema change without its migration fails here.
 */

const ENGINES = [
  { name: "SQLite", dialect: "sqlite", schema: "./db/schema/sqlite/index.ts", folder: "db/migrations/sqlite" },
  { name: "PostgreSQL", dialect: "postgresql", schema: "./db/schema/pg/index.ts", folder: "db/migrations/pg" },
] as const;

function generateInto(engine: (typeof ENGINES)[number], folder: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "counterpoint-kit-"));
  try {
    const out = path.join(dir, "migrations");
    cpSync(folder, out, { recursive: true });
    // drizzle-kit reads `out` relative to the working directory.
    const args = ["generate", `--dialect=${engine.dialect}`, `--schema=${engine.schema}`, `--out=${path.relative(process.cwd(), out)}`];
    const run = spawnSync("node_modules/.bin/drizzle-kit", args, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`drizzle-kit failed: ${run.stderr}`);
    return `${run.stdout}\n${run.stderr}\nfiles: ${readdirSync(out).sort().join(" ")}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** JSON with object keys sorted, so two snapshots compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Migrations whose snapshot equals the one before: hand-written SQL, not generated from the schema. */
function handWritten(folder: string): string[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const shape = (idx: number) => {
    const snap = JSON.parse(readFileSync(path.join(folder, "meta", `${String(idx).padStart(4, "0")}_snapshot.json`), "utf8")) as Record<string, unknown>;
    const { id: _id, prevId: _prev, ...rest } = snap;
    return canonical(rest);
  };
  return journal.entries.filter((e) => e.idx > 0 && shape(e.idx) === shape(e.idx - 1)).map((e) => e.tag.replace(/^\d+_/, ""));
}

describe("committed migrations", () => {
  for (const engine of ENGINES) {
    it(`${engine.name}: drizzle-kit generate finds nothing to add`, () => {
      const before = readdirSync(engine.folder).sort().join(" ");
      const result = generateInto(engine, engine.folder);
      expect(result).toMatch(/No schema changes, nothing to migrate/);
      expect(result).toContain(`files: ${before}`);
    }, 60_000);
  }

  it("notices a schema change that has no migration", () => {
    // The SQLite folder as it was before its last generated migration: generating must add one.
    const dir = mkdtempSync(path.join(tmpdir(), "counterpoint-kit-old-"));
    try {
      const folder = path.join(dir, "sqlite");
      cpSync("db/migrations/sqlite", folder, { recursive: true });
      const journalPath = path.join(folder, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
      // Drop the hand-written migrations after it too (their snapshots equal the one before).
      const custom = new Set(handWritten(folder));
      for (;;) {
        const last = journal.entries.pop()!;
        rmSync(path.join(folder, `${last.tag}.sql`));
        rmSync(path.join(folder, "meta", `${String(last.idx).padStart(4, "0")}_snapshot.json`));
        if (!custom.has(last.tag.replace(/^\d+_/, ""))) break;
      }
      writeFileSync(journalPath, JSON.stringify(journal));
      expect(generateInto(ENGINES[0], folder)).not.toMatch(/No schema changes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("pairs every hand-written migration with its twin on the other engine", () => {
    const sqliteOnes = handWritten("db/migrations/sqlite");
    // PostgreSQL's functions migration defines what its CHECKs call; SQLite needs none.
    const pgOnes = handWritten("db/migrations/pg").filter((t) => t !== "functions");
    expect(sqliteOnes.length).toBeGreaterThan(0);
    expect(pgOnes.sort()).toEqual(sqliteOnes.sort());
  });
});
