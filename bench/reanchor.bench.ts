/**
 * Re-anchoring benchmark: `npx tsx bench/reanchor.bench.ts [sizeMB] [claims] [runs]`.
 *
 * Builds a ~2 MB source from our own English-like generator (seeded, so every run sees the same
 * text), anchors 1,000 claims on whole-word spans, applies a realistic revision — a few new
 * paragraphs, a word changed inside 5 % of the quotes, 2 % of the quoted sentences deleted — and
 * times `reanchorAll` (median of several runs). Prints figures; asserts nothing about time.
 */
import { CodePointIndex } from "../lib/codepoints";
import { createAnchor, reanchorAll, type ReanchorResult, type TextAnchor } from "../lib/anchoring";

const sizeMB = Number(process.argv[2] ?? 2);
const claimCount = Number(process.argv[3] ?? 1000);
const runs = Number(process.argv[4] ?? 7);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20240617);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// Our own word stock: function words often, content words (some invented) less often.
const FUNCTION = "the of and to in a that is was for on with as by at from it said would not be are has have".split(" ");
const CONTENT = (
  "government minister report people council budget election policy court police company workers prices " +
  "city region market water energy school hospital farmers border agency committee investigation statement " +
  "official spokesman analysts increase decline support oppose announce review approve reject delay expand " +
  "million billion percent annual weekly local national foreign public private former senior independent " +
  "talavera quentish morvale brisket ondaline vesper caldrin tolvey"
).split(" ");
const SPICE = ["—", "“", "”", "😀", "東京", "€"];

function sentence(): string {
  const n = 8 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rand() < 0.45 ? pick(FUNCTION) : pick(CONTENT));
  if (rand() < 0.08) words.splice(1 + Math.floor(rand() * (n - 1)), 0, pick(SPICE));
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  return `${words.join(" ")}.`;
}

// Paragraphs of sentences; every sentence remembered with its code-point range.
type Sentence = { start: number; end: number; paragraph: number };
const sentences: Sentence[] = [];
const paragraphStarts: number[] = [];
const parts: string[] = [];
let cp = 0;
const targetChars = sizeMB * 1_000_000;
for (let p = 0; cp < targetChars; p++) {
  paragraphStarts.push(cp);
  const k = 2 + Math.floor(rand() * 6);
  for (let i = 0; i < k; i++) {
    const s = (i ? " " : "") + sentence();
    const len = Array.from(s).length;
    sentences.push({ start: cp + (i ? 1 : 0), end: cp + len, paragraph: p });
    parts.push(s);
    cp += len;
  }
  parts.push("\n");
  cp += 1;
}
const oldText = parts.join("");
const oldIndex = new CodePointIndex(oldText);

// Claims: whole-word spans of 4–14 words inside distinct random sentences.
type Claim = { anchor: TextAnchor; sentence: Sentence; fate: "kept" | "edited" | "deleted" };
const chosen = new Set<number>();
while (chosen.size < Math.min(claimCount, sentences.length)) chosen.add(Math.floor(rand() * sentences.length));
const claims: Claim[] = [...chosen].sort((a, b) => a - b).map((si) => {
  const s = sentences[si]!;
  const words: [number, number][] = [];
  const body = Array.from(oldIndex.slice(s.start, s.end));
  for (let i = 0; i < body.length; ) {
    while (i < body.length && body[i] === " ") i++;
    const w = i;
    while (i < body.length && body[i] !== " ") i++;
    if (i > w) words.push([s.start + w, s.start + i]);
  }
  const n = Math.min(words.length, 4 + Math.floor(rand() * 11));
  const first = Math.floor(rand() * (words.length - n + 1));
  return { anchor: createAnchor(oldIndex, words[first]![0], words[first + n - 1]![1]), sentence: s, fate: "kept" };
});

// The revision, as non-overlapping edits in code points.
type Edit = { at: number; del: number; ins: string };
const edits: Edit[] = [];
const shuffled = [...claims].sort(() => rand() - 0.5);
for (const c of shuffled.slice(0, Math.round(claims.length * 0.05))) {
  c.fate = "edited"; // change one word inside the quote
  const words = Array.from(c.anchor.exact).join("").split(" ");
  const wi = 1 + Math.floor(rand() * Math.max(1, words.length - 2));
  const offset = Array.from(words.slice(0, wi).join(" ")).length + 1;
  const old = Array.from(words[wi] ?? "").length;
  let replacement = pick(CONTENT);
  while (replacement === words[wi]) replacement = pick(CONTENT);
  edits.push({ at: c.anchor.start + offset, del: old, ins: replacement });
}
for (const c of shuffled.slice(Math.round(claims.length * 0.05), Math.round(claims.length * 0.07))) {
  c.fate = "deleted"; // the quoted sentence goes
  edits.push({ at: c.sentence.start, del: c.sentence.end - c.sentence.start, ins: "" });
}
for (let i = 0; i < 5; i++) {
  const at = pick(paragraphStarts);
  const para = Array.from({ length: 4 }, sentence).join(" ");
  edits.push({ at, del: 0, ins: `${para}\n` });
}
edits.sort((a, b) => a.at - b.at || a.del - b.del);
const newParts: string[] = [];
let from = 0;
for (const e of edits) {
  newParts.push(oldIndex.slice(from, e.at), e.ins);
  from = e.at + e.del;
}
newParts.push(oldIndex.slice(from, oldIndex.length));
const newText = newParts.join("");
const newIndex = new CodePointIndex(newText);

/** Where a kept claim's quote is now (its start shifted by every edit before it). */
function expectedStart(a: TextAnchor): number {
  let shift = 0;
  for (const e of edits) if (e.at + e.del <= a.start) shift += Array.from(e.ins).length - e.del;
  return a.start + shift;
}

const anchors = claims.map((c) => c.anchor);
const times: number[] = [];
let results: ReanchorResult[] = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  results = reanchorAll(oldText, newText, anchors);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

const counts: Record<string, number> = {};
let right = 0;
claims.forEach((c, i) => {
  const r = results[i]!;
  const key = r.status === "anchored" ? `anchored:${r.method}` : "orphan";
  counts[key] = (counts[key] ?? 0) + 1;
  if (c.fate === "deleted") right += r.status === "orphan" ? 1 : 0;
  else if (c.fate === "kept") right += r.status === "anchored" && r.start === expectedStart(c.anchor) ? 1 : 0;
  else if (r.status === "anchored") {
    // The edited quote: the new span must cover the changed word's sentence position.
    const s = expectedStart(c.anchor);
    right += Math.abs(r.start - s) <= 2 && newIndex.slice(r.start, r.end).split(" ").length === c.anchor.exact.split(" ").length ? 1 : 0;
  }
});

const fates = claims.reduce<Record<string, number>>((acc, c) => ((acc[c.fate] = (acc[c.fate] ?? 0) + 1), acc), {});
console.log(`source: ${(oldText.length / 1e6).toFixed(2)} M UTF-16 units (${(oldIndex.length / 1e6).toFixed(2)} M code points), ${sentences.length} sentences`);
console.log(`revision: ${edits.length} edits; claims ${JSON.stringify(fates)}`);
console.log(`reanchorAll, ${anchors.length} claims: median ${median.toFixed(1)} ms over ${runs} runs (min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)}); ${((1000 * median) / anchors.length).toFixed(1)} µs per claim`);
console.log(`outcomes: ${JSON.stringify(counts)}`);
console.log(`correct fates: ${right}/${claims.length}`);
