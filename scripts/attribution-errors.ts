/**
 * The suggestion engine's errors on the TUNING half of PolNeAR's training split only (articles
 * with an even sorted index): missed gold contents, unmatched suggestions and matched contents
 * with the wrong source, each with its sentence, so that rules are decided without ever looking
 * at the held-out (odd) articles. Read from the shared folder, never copied.
 *
 *   npx tsx scripts/attribution-errors.ts [--limit N] [--only miss|false|source] > errors.txt
 */
import { readFileSync } from "node:fs";
import { suggestClaims, type Suggestion } from "../lib/suggest";
import { overlapMatch, parseAnn, polnearArticles, type Span } from "./polnear";
import { missingShared, sharedPath } from "./shared-dir";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : null;

function main() {
  const dir = sharedPath("data/polnear/train");
  if (!dir) {
    console.log(missingShared("data/polnear/train"));
    return;
  }
  let n = 0;
  for (const article of polnearArticles(dir)) {
    if (article.index % 2 !== 0) continue; // held out: never looked at
    if (n++ >= limit) break;
    const text = readFileSync(article.text, "utf8");
    const chars = Array.from(text);
    const slice = (s: Span | null) => (s ? chars.slice(s.start, s.end).join("").replace(/\s+/g, " ") : "∅");
    const gold = parseAnn(readFileSync(article.ann, "utf8"), chars);
    const pred: Suggestion[] = suggestClaims(text);
    const pairs: [number, number, number][] = [];
    gold.forEach((g, gi) =>
      pred.forEach((p, pi) => {
        const ov = overlapMatch(g.content, p.content);
        if (ov > 0) pairs.push([ov, gi, pi]);
      }),
    );
    pairs.sort((x, y) => y[0] - x[0]);
    const gUsed = new Map<number, number>();
    const pUsed = new Set<number>();
    for (const [, gi, pi] of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.set(gi, pi);
      pUsed.add(pi);
    }
    const lines: string[] = [];
    // The nearest overlapping (but unmatched) item, to tell a boundary error from a plain miss.
    const near = (s: Span, others: Span[]) => others.find((o) => Math.min(o.end, s.end) > Math.max(o.start, s.start));
    gold.forEach((g, gi) => {
      if (gUsed.has(gi)) {
        const p = pred[gUsed.get(gi)!]!;
        const right = (!g.source && !p.source) || (g.source && p.source && overlapMatch(g.source, p.source) > 0);
        if (!right && (!only || only === "source"))
          lines.push(`SRC  gold [${slice(g.source)}] pred [${slice(p.source)}] cue [${g.cue}] :: ${slice(g.content).slice(0, 160)}`);
        return;
      }
      if (only && only !== "miss") return;
      const o = near(g.content, pred.map((p) => p.content));
      lines.push(`MISS ${g.kind} cue [${g.cue}] src [${slice(g.source)}] :: ${slice(g.content)}${o ? `\n       ~pred: ${slice(o)}` : ""}`);
    });
    pred.forEach((p, pi) => {
      if (pUsed.has(pi) || (only && only !== "false")) return;
      const o = near(p.content, gold.map((g) => g.content));
      lines.push(`FALSE ${p.kind} cue [${slice(p.cue)}] src [${slice(p.source)}] :: ${slice(p.content)}${o ? `\n       ~gold: ${slice(o)}` : ""}`);
    });
    if (lines.length) console.log(`\n=== ${article.base}\n${lines.join("\n")}`);
  }
}

main();
