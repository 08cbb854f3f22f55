/**
 * A word-level comparison of two short texts (a claim's wording, a quote, a rationale, the
 * changed stretch of a source) for the history pages: which words were deleted and inserted.
 *
 * The texts are split into words, runs of whitespace and single punctuation marks; the common
 * head and tail are trimmed, then an LCS over the tokens in between finds what stayed. The LCS
 * table is quadratic, so when the changed middle is too large for it the middle is shown as
 * deleted-then-inserted instead: still correct, only less precise. Pure: safe in the browser.
 *
 * Invariant: joining the "same" and "removed" parts gives `before`; joining the "same" and
 * "added" parts gives `after`.
 */

export type WordDiffOp = "same" | "added" | "removed";

export interface WordDiffPart {
  op: WordDiffOp;
  text: string;
}

/** The most LCS cells computed (1 million: 4 MB of Int32) before falling back. */
export const MAX_WORD_LCS_CELLS = 1_000_000;

/** Words (letters, digits and inner apostrophes or hyphens), whitespace runs, and single other characters. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['’\-][\p{L}\p{M}\p{N}_]+)*|\s+|[^\s\p{L}\p{M}\p{N}_]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (s: string) => /^\s+$/.test(s);

function lcs(a: string[], b: string[]): WordDiffPart[] {
  const n = a.length;
  const m = b.length;
  // table[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const table = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const out: WordDiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: "same", text: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) {
      out.push({ op: "removed", text: a[i++]! });
    } else {
      out.push({ op: "added", text: b[j++]! });
    }
  }
  while (i < n) out.push({ op: "removed", text: a[i++]! });
  while (j < m) out.push({ op: "added", text: b[j++]! });
  return out;
}

/**
 * Readable groups: a lone run of whitespace kept between two changes joins them (so "a b" → "c d"
 * reads as one replacement, not two), and each stretch of changes becomes one deletion followed
 * by one insertion.
 */
function tidy(parts: WordDiffPart[]): WordDiffPart[] {
  const marked = parts.map((p, k) => {
    if (p.op !== "same" || !isSpace(p.text)) return p;
    const prev = parts[k - 1];
    const next = parts[k + 1];
    return prev && next && prev.op !== "same" && next.op !== "same" ? { op: "changed-space" as const, text: p.text } : p;
  });
  const out: WordDiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ op: "removed", text: removed });
    if (added) out.push({ op: "added", text: added });
    removed = "";
    added = "";
  };
  for (const p of marked) {
    if (p.op === "same") {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "same") last.text += p.text;
      else out.push({ op: "same", text: p.text });
    } else if (p.op === "removed") removed += p.text;
    else if (p.op === "added") added += p.text;
    else {
      removed += p.text;
      added += p.text;
    }
  }
  flush();
  return out;
}

/** The word-level changes from `before` to `after`, in text order. */
export function diffWords(before: string, after: string): WordDiffPart[] {
  if (before === after) return before === "" ? [] : [{ op: "same", text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle: WordDiffPart[] =
    (midA.length + 1) * (midB.length + 1) <= MAX_WORD_LCS_CELLS
      ? lcs(midA, midB)
      : [...midA.map((text) => ({ op: "removed" as const, text })), ...midB.map((text) => ({ op: "added" as const, text }))];
  const parts: WordDiffPart[] = [
    ...a.slice(0, head).map((text) => ({ op: "same" as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ op: "same" as const, text })),
  ];
  return tidy(parts);
}

/** Counts of inserted and deleted words (whitespace and punctuation not counted). */
export function wordDiffStats(parts: WordDiffPart[]): { added: number; removed: number } {
  const words = (text: string) => tokenize(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.op === "added") added += words(p.text);
    else if (p.op === "removed") removed += words(p.text);
  }
  return { added, removed };
}
