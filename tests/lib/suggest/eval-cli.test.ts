import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.resolve("node_modules/.bin/tsx");
const script = path.resolve("scripts/eval-attribution.ts");

/** A tiny corpus in PolNeAR's layout (written here, not PolNeAR's text): brat Source/Cue/Content and an Attribution event. */
function corpus(): string {
  const root = mkdtempSync(path.join(tmpdir(), "eval-attr-"));
  const train = path.join(root, "data/polnear/train");
  mkdirSync(path.join(train, "text"), { recursive: true });
  mkdirSync(path.join(train, "attributions"), { recursive: true });
  const articles = [
    // even (index 0): found by the engine, a named speaker's reported speech (high confidence)
    ["a0", "Mayor Ana Ruiz said the bridge will close in May.", [0, 14], [15, 19], [20, 48]],
    // odd (index 1): a gold content the engine cannot find (no cue at all)
    ["a1", "Rain fell on the city all week long.", [0, 4], [5, 9], [10, 35]],
  ] as const;
  for (const [base, text, src, cue, content] of articles) {
    writeFileSync(path.join(train, "text", `${base}.txt`), text);
    const span = (id: string, type: string, [a, b]: readonly [number, number]) => `${id}\t${type} ${a} ${b}\t${text.slice(a, b)}`;
    writeFileSync(path.join(train, "attributions", `${base}_0a.ann`), [span("T1", "Source", src), span("T2", "Cue", cue), span("T3", "Content", content), "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3", ""].join("\n"));
  }
  return root;
}

const run = (args: string[], shared: string) => spawnSync(tsx, [script, ...args], { encoding: "utf8", env: { ...process.env, COUNTERPOINT_SHARED_DIR: shared } });

describe("npm run eval:attribution", () => {
  it("scores both halves, even-indexed articles as tuning half and odd as held out, with breakdowns for the chosen half", () => {
    const shared = corpus();
    const even = run(["--json"], shared);
    expect(even.status, even.stderr).toBe(0);
    const r = JSON.parse(even.stdout);
    expect(r.articles).toBe(2);
    expect(r.even).toMatchObject({ gold: 1, content: { p: 1, r: 1, f1: 1 }, sourceAccuracy: 1 });
    expect(r.odd).toMatchObject({ gold: 1, content: { r: 0 } });
    expect(r.diagnostics).toBe("even");
    expect(r.missByKind).toEqual({});
    expect(r.hitByGroup).toEqual({ high: 1 });

    const odd = JSON.parse(run(["--json", "--split", "odd"], shared).stdout);
    expect(odd.diagnostics).toBe("odd");
    expect(odd.missByKind).toEqual({ indirect: 1 });
  }, 30_000);

  it("refuses an unknown split or rule, and skips with a message when the shared data is absent", () => {
    const shared = corpus();
    const badSplit = run(["--split", "middle"], shared);
    expect(badSplit.status).toBe(2);
    expect(badSplit.stderr).toContain("--split");
    const badRule = run(["--ablate", "magic"], shared);
    expect(badRule.status).toBe(2);
    expect(badRule.stderr).toContain("unknown rule magic");
    const absent = run([], path.join(tmpdir(), "no-such-shared-folder"));
    expect(absent.status).toBe(0);
    expect(absent.stdout).toContain("skipped: data/polnear/train not found");
  }, 30_000);
});
