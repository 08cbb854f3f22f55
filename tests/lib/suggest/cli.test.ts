import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.resolve("node_modules/.bin/tsx");
const script = path.resolve("scripts/suggest.ts");

describe("scripts/suggest.ts", () => {
  it("prints one JSON line per file with code-point offsets, and fails on a missing file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "suggest-cli-"));
    const file = path.join(dir, "a.txt");
    writeFileSync(file, "😀 The council said 12 roads would close.\n");
    const out = execFileSync(tsx, [script, file], { encoding: "utf8" });
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0]!);
    expect(row.file).toBe(file);
    expect(row.suggestions[0].content).toEqual({ start: 19, end: 39 });
    expect(row.suggestions[0].source).toEqual({ start: 2, end: 13 });
    expect(row.suggestions[0].quantities[0]).toMatchObject({ text: "12 roads", value: 12 });

    const missing = spawnSync(tsx, [script, file, path.join(dir, "nope.txt")], { encoding: "utf8" });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("nope.txt");
    expect(missing.stdout.trim().split("\n")).toHaveLength(1);
  }, 30_000);
});
