/**
 * Scores the claim-suggestion engine against PolNeAR's gold attributions (training split, read
 * from ../shared, never copied). Prints content precision/recall/F1 under the overlap rule
 * (overlap ≥ half the longer span, one-to-one, greedy by overlap), exact-match P/R/F1 (offsets
 * equal after trimming whitespace and punctuation), and how often a matched content's source is
 * right. Articles with an even sorted index are the tuning half; odd ones are held out.
 *
 *   npm run eval:attribution -- [--limit N] [--json]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { suggestClaims } from "../lib/suggest";
import { missingShared, sharedPath } from "./shared-dir";

interface Span {
  start: number;
  end: number;
}
interface GoldAttribution {
  content: Span;
  source: Span | null;
  cue: string;
  kind: "quote" | "according-to" | "indirect";
}

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;

/** Parse one brat .ann file: text-bound annotations and the Attribution events linking them. */
export function parseAnn(ann: string, chars: string[]): GoldAttribution[] {
  const spans = new Map<string, { type: string; start: number; end: number }>();
  const events: Record<string, string>[] = [];
  for (const line of ann.split("\n")) {
    const t = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (t) {
      const segs = t[3]!.split(";").map((s) => s.trim().split(" ").map(Number));
      spans.set(t[1]!, { type: t[2]!, start: segs[0]![0]!, end: segs[segs.length - 1]![1]! });
      continue;
    }
    const e = /^E\d+\t(.*)$/.exec(line);
    if (e) events.push(Object.fromEntries(e[1]!.trim().split(/\s+/).map((kv) => kv.split(":") as [string, string])));
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    // Content and Content2 (the two halves of a split quotation) form one content: their hull.
    const parts = ["Content", "Content2"].map((k) => (ev[k] ? spans.get(ev[k]!) : undefined)).filter((x) => !!x);
    if (parts.length === 0) continue;
    const content = { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
    const src = ev.Source ? spans.get(ev.Source) : undefined;
    const cue = ev.Cue ? spans.get(ev.Cue) : undefined;
    const cueText = cue ? chars.slice(cue.start, cue.end).join("").toLowerCase().replace(/\s+/g, " ") : "";
    const first = chars.slice(content.start, content.start + 2).join("");
    const kind = /according/.test(cueText) ? "according-to" : /^\s*(["“”]|'')/.test(first) ? "quote" : "indirect";
    out.push({ content, source: src ? { start: src.start, end: src.end } : null, cue: cueText, kind });
  }
  return out;
}

function overlapMatch(a: Span, b: Span): number {
  const ov = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (ov <= 0) return 0;
  return ov >= 0.5 * Math.max(a.end - a.start, b.end - b.start) ? ov : 0;
}

const TRIM = /[\s\p{P}]/u;
function trimSpan(chars: string[], s: Span): string {
  let a = s.start;
  let b = s.end;
  while (a < b && TRIM.test(chars[a]!)) a++;
  while (b > a && TRIM.test(chars[b - 1]!)) b--;
  return `${a}:${b}`;
}

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
}

const empty = (): Counts => ({ gold: 0, pred: 0, matched: 0, exact: 0, sourceRight: 0, missByKind: {}, goldByKind: {}, missByCue: {}, goldByCue: {}, falseByKind: {} });
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
  const annFiles = readdirSync(path.join(dir, "attributions")).filter((f) => f.endsWith(".ann")).sort();
  const bases = readdirSync(path.join(dir, "text")).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort();
  const all = empty();
  const even = empty();
  const odd = empty();
  const t0 = performance.now();
  let n = 0;
  bases.forEach((base, index) => {
    if (n >= limit) return;
    // Several annotators for some articles: the first file in sorted order is the gold.
    const ann = annFiles.find((f) => f.startsWith(base + "_") && /^_[0-9a-f]+\.ann$/.test(f.slice(base.length)));
    if (!ann) return;
    n++;
    const text = readFileSync(path.join(dir, "text", base + ".txt"), "utf8");
    const gold = parseAnn(readFileSync(path.join(dir, "attributions", ann), "utf8"), Array.from(text));
    score(text, gold, [all, index % 2 === 0 ? even : odd]);
  });
  const ms = performance.now() - t0;
  const result = { articles: n, seconds: ms / 1000, all: summary(all), even: summary(even), odd: summary(odd) };
  if (asJson) {
    console.log(JSON.stringify({ ...result, missByKind: all.missByKind, goldByKind: all.goldByKind, falseByKind: all.falseByKind, missByCue: all.missByCue }, null, 2));
    return;
  }
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
  console.log(`PolNeAR train: ${n} articles, ${result.seconds.toFixed(1)} s (including scoring)`);
  console.log("split  gold   pred  | content P     R    F1 | exact P     R    F1 | source");
  for (const [name, c] of [["all", all], ["even", even], ["odd", odd]] as const) {
    const s = summary(c);
    console.log(
      `${name.padEnd(5)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(6)}  |  ${pct(s.content.p)} ${pct(s.content.r)} ${pct(s.content.f1)} |  ${pct(s.exact.p)} ${pct(s.exact.r)} ${pct(s.exact.f1)} | ${pct(s.sourceAccuracy)}`,
    );
  }
  console.log("\nrecall by gold kind (all):");
  for (const [k, g] of Object.entries(all.goldByKind).sort((a, b) => b[1] - a[1])) {
    const miss = all.missByKind[k] ?? 0;
    console.log(`  ${k.padEnd(14)} gold ${String(g).padStart(5)}  missed ${String(miss).padStart(5)}  recall ${pct((g - miss) / g)}`);
  }
  console.log("\nunmatched predictions by kind (all):", JSON.stringify(all.falseByKind));
  console.log("\nmost-missed gold cues (quote and according-to by kind, others by the cue's last word), gold → missed:");
  const top = Object.entries(all.missByCue).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log("  " + top.map(([k, m]) => `${k} ${all.goldByCue[k]}→${m}`).join(", "));
}

main();
