import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggest";
import { missingShared, sharedPath } from "@/scripts/shared-dir";

// A regression guard on a slice of PolNeAR (read from ../shared): the full figures come from
// `npm run eval:attribution`; this only checks the engine has not fallen far below them.
const CORPUS = "data/polnear/train";
const dir = sharedPath(CORPUS);

function goldContents(ann: string): { start: number; end: number }[] {
  const spans = new Map<string, { start: number; end: number }>();
  for (const m of ann.matchAll(/^(T\d+)\tContent2? (\d+) (?:[\d ;]+ )?(\d+)\t/gm)) spans.set(m[1]!, { start: Number(m[2]), end: Number(m[3]) });
  const out: { start: number; end: number }[] = [];
  for (const m of ann.matchAll(/^E\d+\t.*?\bContent:(T\d+)/gm)) {
    const s = spans.get(m[1]!);
    if (s) out.push(s);
  }
  return out;
}

describe.skipIf(!dir)(`PolNeAR slice (${dir ? CORPUS : missingShared(CORPUS)})`, () => {
  it("finds most gold contents of 60 articles with reasonable precision", () => {
    const texts = readdirSync(path.join(dir!, "text")).filter((f) => f.endsWith(".txt")).sort().slice(0, 60);
    const anns = readdirSync(path.join(dir!, "attributions")).sort();
    let gold = 0;
    let pred = 0;
    let hit = 0;
    for (const f of texts) {
      const base = f.slice(0, -4);
      const ann = anns.find((a) => a.startsWith(base + "_"));
      if (!ann) continue;
      const text = readFileSync(path.join(dir!, "text", f), "utf8");
      const g = goldContents(readFileSync(path.join(dir!, "attributions", ann), "utf8"));
      const p = suggestClaims(text).map((s) => s.content);
      gold += g.length;
      pred += p.length;
      const used = new Set<number>();
      for (const x of p) {
        const i = g.findIndex((y, k) => !used.has(k) && Math.min(x.end, y.end) - Math.max(x.start, y.start) >= 0.5 * Math.max(x.end - x.start, y.end - y.start));
        if (i >= 0) {
          used.add(i);
          hit++;
        }
      }
    }
    expect(gold).toBeGreaterThan(500);
    expect(hit / pred).toBeGreaterThan(0.65);
    expect(hit / gold).toBeGreaterThan(0.45);
  });
});
