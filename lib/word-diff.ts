/**
 * A word-level comparison of two short texts (a claim's wording, a quote, a rationale, the
 * changed stretch of a source) for the history pages: which words were deleted and inserted.
 *
 * The texts are split into words, runs of whitespace and single punctuation marks, compared as
 * sequences (lib/sequence-diff.ts), then grouped for reading. Pure: safe in the browser.
 *
 * Invariant: joining the "same" and "removed" parts gives `before`; joining the "same" and
 * "added" parts gives `after`.
 */

import { type DiffOp, type DiffPart, diffSequences } from "./sequence-diff";

export type WordDiffOp = DiffOp;
export type WordDiffPart = DiffPart;

/** The most LCS cells computed (1 million: 4 MB of Int32) before falling back. */
export const MAX_WORD_LCS_CELLS = 1_000_000;

/** Words (letters, digits and inner apostrophes or hyphens), whitespace runs, and single other characters. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['’\-][\p{L}\p{M}\p{N}_]+)*|\s+|[^\s\p{L}\p{M}\p{N}_]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (s: string) => /^\s+$/.test(s);

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
  const parts = diffSequences(tokenize(before), tokenize(after), MAX_WORD_LCS_CELLS);
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
