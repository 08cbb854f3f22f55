/**
 * PolNeAR's training split as the attribution scripts read it (from the shared folder, never
 * copied): the articles in sorted order, each with its gold annotation file, and the gold
 * attributions parsed from brat. Articles with an even index are the tuning half; odd ones are
 * held out.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export interface Span {
  start: number;
  end: number;
}
export interface GoldAttribution {
  content: Span;
  source: Span | null;
  cue: string;
  kind: "quote" | "according-to" | "indirect";
}

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

export function overlapMatch(a: Span, b: Span): number {
  const ov = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (ov <= 0) return 0;
  return ov >= 0.5 * Math.max(a.end - a.start, b.end - b.start) ? ov : 0;
}

const TRIM = /[\s\p{P}]/u;
export function trimSpan(chars: string[], s: Span): string {
  let a = s.start;
  let b = s.end;
  while (a < b && TRIM.test(chars[a]!)) a++;
  while (b > a && TRIM.test(chars[b - 1]!)) b--;
  return `${a}:${b}`;
}

export interface PolnearArticle {
  /** Index in sorted order: even = tuning half, odd = held out. */
  index: number;
  base: string;
  text: string;
  ann: string;
}

/** The articles of a PolNeAR split folder (with `text/` and `attributions/`) that have a gold file. */
export function polnearArticles(dir: string): PolnearArticle[] {
  const annFiles = readdirSync(path.join(dir, "attributions")).filter((f) => f.endsWith(".ann")).sort();
  const bases = readdirSync(path.join(dir, "text")).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort();
  const out: PolnearArticle[] = [];
  bases.forEach((base, index) => {
    // Several annotators for some articles: the first file in sorted order is the gold.
    const ann = annFiles.find((f) => f.startsWith(base + "_") && /^_[0-9a-f]+\.ann$/.test(f.slice(base.length)));
    if (ann) out.push({ index, base, text: path.join(dir, "text", base + ".txt"), ann: path.join(dir, "attributions", ann) });
  });
  return out;
}
