/**
 * Test helpers for the re-anchoring properties: text generators, edits that track where a span
 * goes, and independent reference computations (textbook DP, not the library's code).
 */
import fc from "fast-check";

export const chars = (s: string) => Array.from(s);

/** Textbook Levenshtein over code-point arrays. */
export function lev(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

/** Fewest edits between `p` and any substring of `t` (semi-global DP). */
export function bestSubstringDistance(p: readonly string[], t: readonly string[]): number {
  let col = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = col[p.length]!;
  for (let j = 1; j <= t.length; j++) {
    const next = [0];
    for (let i = 1; i <= p.length; i++) next[i] = Math.min(col[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1), col[i]! + 1, next[i - 1]! + 1);
    col = next;
    best = Math.min(best, col[p.length]!);
  }
  return best;
}

/** The documented context score c = (p + s) / 2 of span [start, end) of `text`, recomputed naively. */
export function refContext(text: readonly string[], start: number, end: number, prefix: string, suffix: string): number {
  const sim = (a: string[], b: string[]) => (Math.max(a.length, b.length) === 0 ? 1 : 1 - lev(a, b) / Math.max(a.length, b.length));
  const pre = chars(prefix);
  const suf = chars(suffix);
  let p = start === 0 ? 1 : 0.5;
  if (pre.length) {
    const L = Math.min(pre.length, start); // characters that exist before the span
    p = (L / pre.length) * sim(pre.slice(pre.length - L), text.slice(start - L, start)) + (1 - L / pre.length) * 0.5;
  }
  let s = end === text.length ? 1 : 0.5;
  if (suf.length) {
    const L = Math.min(suf.length, text.length - end);
    s = (L / suf.length) * sim(suf.slice(0, L), text.slice(end, end + L)) + (1 - L / suf.length) * 0.5;
  }
  return (p + s) / 2;
}

/** Where the canonical diff (longest common prefix, then suffix) puts old span [s, e), if it lies in either. */
export function canonicalMap(oldT: readonly string[], newT: readonly string[], s: number, e: number): number | null {
  let p = 0;
  while (p < oldT.length && p < newT.length && oldT[p] === newT[p]) p++;
  let q = 0;
  const limit = Math.min(oldT.length, newT.length) - p;
  while (q < limit && oldT[oldT.length - 1 - q] === newT[newT.length - 1 - q]) q++;
  if (e <= p) return s;
  if (s >= oldT.length - q) return s + newT.length - oldT.length;
  return null;
}

// ---- texts ---------------------------------------------------------------------------------

/** Few words, many repeats (ambiguity on purpose), with astral, CJK and typographic characters. */
const AMBIGUOUS_WORDS = ["the", "cat", "sat", "on", "mat", "😀", "漢字", "“quote”", "—", "a", "dog", "𝒳y", "ran", "said", "it"];

const sentence = (word: fc.Arbitrary<string>) =>
  fc.array(word, { minLength: 2, maxLength: 8 }).map((ws) => `${ws.join(" ")}.`);
const paragraph = (word: fc.Arbitrary<string>) =>
  fc.array(sentence(word), { minLength: 1, maxLength: 3 }).map((ss) => ss.join(" "));

export const ambiguousText = fc
  .array(paragraph(fc.constantFrom(...AMBIGUOUS_WORDS)), { minLength: 2, maxLength: 5 })
  .map((ps) => ps.join("\n"));

const LETTERS = chars("abcdefghijklmnopqrstuvwxyzéß漢字😀𝒳");
const randomWord = fc.array(fc.constantFrom(...LETTERS), { minLength: 3, maxLength: 8 }).map((l) => l.join(""));

/** Every word distinct: the same occurrence is identifiable. */
export const uniqueText = fc.uniqueArray(randomWord, { minLength: 12, maxLength: 60 }).chain((words) =>
  fc.array(fc.nat(3), { minLength: words.length, maxLength: words.length }).map((breaks) => {
    // 0 → space, 1 → ". ", 2 → ", ", 3 → new paragraph
    let out = "";
    words.forEach((w, i) => {
      out += w;
      if (i + 1 < words.length) out += [" ", ". ", ", ", ".\n"][breaks[i]!];
    });
    return out;
  }),
);

export const insertion = (word: fc.Arbitrary<string>) => fc.array(word, { maxLength: 4 }).map((ws) => ws.join(" "));
export const ambiguousInsertion = insertion(fc.constantFrom(...AMBIGUOUS_WORDS, " ", ".\n"));
/** Upper-case words: never equal to, or inside, a word of a unique text. */
export const uniqueInsertion = insertion(fc.array(fc.constantFrom(..."ABCDEFGHIJ"), { minLength: 2, maxLength: 6 }).map((l) => l.join("")));

// ---- edits that track a span ---------------------------------------------------------------

export type Applied = {
  newText: string;
  /** New start of old span [s, e), or null when the edit touched it. */
  track: (s: number, e: number) => number | null;
  /** True when the edit removed every character of the span. */
  deletes: (s: number, e: number) => boolean;
};

export function replace(text: string, at: number, del: number, ins: string): Applied {
  const c = chars(text);
  const d = Math.min(del, c.length - at);
  const insLen = chars(ins).length;
  const newText = [...c.slice(0, at), ins, ...c.slice(at + d)].join("");
  return {
    newText,
    track: (s, e) => (e <= at ? s : s >= at + d ? s + insLen - d : null),
    deletes: (s, e) => at <= s && e <= at + d,
  };
}

/** Moves paragraph `from` to slot `to` (paragraphs are "\n"-separated). */
export function moveParagraph(text: string, from: number, to: number): Applied {
  const paras = text.split("\n");
  const lens = paras.map((p) => chars(p).length);
  const oldStarts: number[] = [];
  lens.reduce((acc, l, i) => ((oldStarts[i] = acc), acc + l + 1), 0);
  const order = paras.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved!);
  const newStarts: number[] = [];
  order.reduce((acc, i) => ((newStarts[i] = acc), acc + lens[i]! + 1), 0);
  return {
    newText: order.map((i) => paras[i]).join("\n"),
    track: (s, e) => {
      const i = oldStarts.findIndex((st, k) => st <= s && e <= st + lens[k]!);
      return i < 0 ? null : newStarts[i]! + (s - oldStarts[i]!);
    },
    deletes: () => false,
  };
}

export type EditSpec = { kind: number; a: number; b: number; c: number; ins: string };

/** Builds an edit of one kind relative to span [s, e) of a text of n code points. */
export function makeEdit(text: string, s: number, e: number, spec: EditSpec): Applied {
  const n = chars(text).length;
  const { a, b, ins } = spec;
  switch (spec.kind % 7) {
    case 0: // anywhere
      return replace(text, a % (n + 1), b % 12, ins);
    case 1: // before the span
      return replace(text, a % (s + 1), Math.min(b % 12, s - (a % (s + 1))), ins);
    case 2: // after the span
      return replace(text, e + (a % (n - e + 1)), b % 12, ins);
    case 3: // overlapping its start
      return replace(text, Math.max(0, s - (a % 6)), (a % 6) + 1 + (b % (e - s)), ins);
    case 4: // overlapping its end
      return replace(text, Math.min(e - 1, s + (a % (e - s))), (b % 8) + e - Math.min(e - 1, s + (a % (e - s))), ins);
    case 5: // deleting it entirely (and perhaps some around it)
      return replace(text, Math.max(0, s - (a % 4)), e - Math.max(0, s - (a % 4)) + (b % 4), "");
    default: {
      const count = text.split("\n").length;
      return moveParagraph(text, a % count, spec.c % count);
    }
  }
}

export const editSpec = (ins: fc.Arbitrary<string>) =>
  fc.record({ kind: fc.nat(6), a: fc.nat(10_000), b: fc.nat(10_000), c: fc.nat(10_000), ins });

/** A span of 2–4 whole words (code points), from two raw numbers; null when the text has fewer words. */
export function pickWordSpan(text: string, x: number, y: number): [number, number] | null {
  const words: [number, number][] = [];
  const c = chars(text);
  let i = 0;
  while (i < c.length) {
    while (i < c.length && " .,\n".includes(c[i]!)) i++;
    const s = i;
    while (i < c.length && !" .,\n".includes(c[i]!)) i++;
    if (i > s) words.push([s, i]);
  }
  if (words.length < 2) return null;
  const first = x % (words.length - 1);
  const last = Math.min(words.length - 1, first + 1 + (y % 3));
  return [words[first]![0], words[last]![1]];
}

/** A span [s, e) of 1..maxLen code points, from two raw numbers. */
export function pickSpan(n: number, x: number, y: number, maxLen = 24): [number, number] {
  const s = x % n;
  return [s, s + 1 + (y % Math.min(maxLen, n - s))];
}
