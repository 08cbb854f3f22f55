/**
 * Scores the claim-suggestion engine against PolNeAR's gold attributions (training split, read
 * from ../shared, never copied). Prints content precision/recall/F1 under the overlap rule
 * (overlap ≥ half the longer span, one-to-one, greedy by overlap), exact-match P/R/F1 (offsets
 * equal after trimming whitespace and punctuation), and how often a matched content's source is
 * right. Articles with an even sorted index are the tuning half; odd ones are held out.
 *
 * Split mode: every figure is printed for both halves, and the error breakdowns (recall by kind,
 * most-missed cues, precision by confidence group) only for the half given by `--split`
 * (default `even`, the tuning half) — rules are tuned on what even articles get wrong; the odd
 * half is the held-out check, read only as totals. `--ablate RULE,…` switches named rules off
 * (lib/suggest/rules.ts) to measure what each adds.
 *
 *   npm run eval:attribution -- [--split even|odd|all] [--ablate RULE,…] [--limit N] [--json]
 */
import { readFileSync } from "node:fs";
import { groupOf, isFragment, suggestClaims } from "../lib/suggest";
import { disableRules, RULES, type RuleName } from "../lib/suggest/rules";
import { overlapMatch, parseAnn, polnearArticles, trimSpan, type GoldAttribution } from "./polnear";
import { missingShared, sharedPath } from "./shared-dir";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const splitAt = args.indexOf("--split");
const split = splitAt >= 0 ? args[splitAt + 1] : "even";
if (split !== "even" && split !== "odd" && split !== "all") {
  console.error("--split must be even, odd or all");
  process.exit(2);
}
const ablateAt = args.indexOf("--ablate");
const ablate = ablateAt >= 0 ? (args[ablateAt + 1] ?? "").split(",").filter(Boolean) : [];
for (const r of ablate) {
  if (!(RULES as readonly string[]).includes(r)) {
    console.error(`--ablate: unknown rule ${r} (known: ${RULES.join(", ")})`);
    process.exit(2);
  }
}
disableRules(ablate as RuleName[]);

interface Counts {
  gold: number;
  pred: number;
  matched: number;
  exact: number;
  sourceRight: number;
  missByKind: Record<string, number>;
  goldByKind: Record<string, number>;
  missByCue: Record<string, number>;
  goldByCue: Record<string, number>;
  falseByKind: Record<string, number>;
  /** Predictions and matched predictions by confidence group, and of fragments (not proposed in the product). */
  predByGroup: Record<string, number>;
  hitByGroup: Record<string, number>;
}

const empty = (): Counts => ({ gold: 0, pred: 0, matched: 0, exact: 0, sourceRight: 0, missByKind: {}, goldByKind: {}, missByCue: {}, goldByCue: {}, falseByKind: {}, predByGroup: {}, hitByGroup: {} });
const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);

function score(text: string, gold: GoldAttribution[], into: Counts[]) {
  const chars = Array.from(text);
  const pred = suggestClaims(text);
  const pairs: [number, number, number][] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const ov = overlapMatch(g.content, p.content);
      if (ov > 0) pairs.push([ov, gi, pi]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  let matched = 0;
  let sourceRight = 0;
  for (const [, gi, pi] of pairs) {
    if (gUsed.has(gi) || pUsed.has(pi)) continue;
    gUsed.add(gi);
    pUsed.add(pi);
    matched++;
    const gs = gold[gi]!.source;
    const ps = pred[pi]!.source;
    if ((!gs && !ps) || (gs && ps && overlapMatch(gs, ps) > 0)) sourceRight++;
  }
  const goldKeys = new Map<string, number>();
  for (const g of gold) goldKeys.set(trimSpan(chars, g.content), (goldKeys.get(trimSpan(chars, g.content)) ?? 0) + 1);
  let exact = 0;
  for (const p of pred) {
    const k = trimSpan(chars, p.content);
    const n = goldKeys.get(k) ?? 0;
    if (n > 0) {
      exact++;
      goldKeys.set(k, n - 1);
    }
  }
  for (const c of into) {
    c.gold += gold.length;
    c.pred += pred.length;
    c.matched += matched;
    c.exact += exact;
    c.sourceRight += sourceRight;
    gold.forEach((g, gi) => {
      const cueKey = g.kind === "quote" || g.kind === "according-to" ? g.kind : g.cue.split(" ").slice(-1)[0] || "(none)";
      bump(c.goldByKind, g.kind);
      bump(c.goldByCue, cueKey);
      if (!gUsed.has(gi)) {
        bump(c.missByKind, g.kind);
        bump(c.missByCue, cueKey);
      }
    });
    pred.forEach((p, pi) => {
      if (!pUsed.has(pi)) bump(c.falseByKind, p.kind);
      const g = isFragment(chars.slice(p.content.start, p.content.end).join("")) ? "fragment" : groupOf(p.confidence);
      bump(c.predByGroup, g);
      if (pUsed.has(pi)) bump(c.hitByGroup, g);
    });
  }
}

function prf(hit: number, pred: number, gold: number) {
  const p = pred ? hit / pred : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function summary(c: Counts) {
  return {
    gold: c.gold,
    predicted: c.pred,
    content: prf(c.matched, c.pred, c.gold),
    exact: prf(c.exact, c.pred, c.gold),
    sourceAccuracy: c.matched ? c.sourceRight / c.matched : 0,
  };
}

function main() {
  const dir = sharedPath("data/polnear/train");
  if (!dir) {
    console.log(missingShared("data/polnear/train"));
    return;
  }
  const all = empty();
  const even = empty();
  const odd = empty();
  const t0 = performance.now();
  let n = 0;
  for (const article of polnearArticles(dir)) {
    if (n >= limit) break;
    n++;
    const text = readFileSync(article.text, "utf8");
    const gold = parseAnn(readFileSync(article.ann, "utf8"), Array.from(text));
    score(text, gold, [all, article.index % 2 === 0 ? even : odd]);
  }
  const ms = performance.now() - t0;
  const result = { articles: n, seconds: ms / 1000, ablated: ablate, all: summary(all), even: summary(even), odd: summary(odd) };
  const diag = split === "even" ? even : split === "odd" ? odd : all;
  if (asJson) {
    console.log(JSON.stringify({ ...result, diagnostics: split, missByKind: diag.missByKind, goldByKind: diag.goldByKind, falseByKind: diag.falseByKind, missByCue: diag.missByCue, predByGroup: diag.predByGroup, hitByGroup: diag.hitByGroup }, null, 2));
    return;
  }
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
  console.log(`PolNeAR train: ${n} articles, ${result.seconds.toFixed(1)} s (including scoring)${ablate.length ? `; rules off: ${ablate.join(", ")}` : ""}`);
  console.log("split  gold   pred  | content P     R    F1 | exact P     R    F1 | source");
  for (const [name, c] of [["all", all], ["even", even], ["odd", odd]] as const) {
    const s = summary(c);
    console.log(
      `${name.padEnd(5)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(6)}  |  ${pct(s.content.p)} ${pct(s.content.r)} ${pct(s.content.f1)} |  ${pct(s.exact.p)} ${pct(s.exact.r)} ${pct(s.exact.f1)} | ${pct(s.sourceAccuracy)}`,
    );
  }
  console.log(`\nerror breakdowns below: ${split} articles only`);
  console.log("\nprecision by confidence group (fragments: not proposed in the product):");
  for (const g of ["high", "medium", "low", "fragment"]) {
    const p = diag.predByGroup[g] ?? 0;
    console.log(`  ${g.padEnd(9)} predicted ${String(p).padStart(5)}  precision ${pct(p ? (diag.hitByGroup[g] ?? 0) / p : 0)}`);
  }
  console.log("\nrecall by gold kind:");
  for (const [k, g] of Object.entries(diag.goldByKind).sort((a, b) => b[1] - a[1])) {
    const miss = diag.missByKind[k] ?? 0;
    console.log(`  ${k.padEnd(14)} gold ${String(g).padStart(5)}  missed ${String(miss).padStart(5)}  recall ${pct((g - miss) / g)}`);
  }
  console.log("\nunmatched predictions by kind:", JSON.stringify(diag.falseByKind));
  console.log("\nmost-missed gold cues (quote and according-to by kind, others by the cue's last word), gold → missed:");
  const top = Object.entries(diag.missByCue).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log("  " + top.map(([k, m]) => `${k} ${diag.goldByCue[k]}→${m}`).join(", "));
}

main();
