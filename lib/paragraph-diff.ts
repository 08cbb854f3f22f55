/**
 * A paragraph-level comparison of two revisions of a source's text (for the revision page).
 * Paragraphs are separated by blank lines, as the importer writes them; a paragraph that changed
 * at all shows as removed (old wording) then added (new wording).
 *
 * An LCS over paragraphs after trimming the common head and tail. The LCS table is quadratic, so
 * when the changed middle is too large for it the middle is shown as removed-then-added instead:
 * still correct, only less precise. Pure: safe in the browser.
 */

export type DiffOp = "same" | "added" | "removed";

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** The most LCS cells computed (4 million: 16 MB of Int32) before falling back. */
export const MAX_LCS_CELLS = 4_000_000;

/** The paragraphs of a text: split at blank lines; blank paragraphs are dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim().length > 0);
}

/** The longest common subsequence of `a` and `b` as edit operations, in order. */
function lcs(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // table[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const table = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: "same", text: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) {
      out.push({ op: "removed", text: a[i]! });
      i++;
    } else {
      out.push({ op: "added", text: b[j]! });
      j++;
    }
  }
  while (i < n) out.push({ op: "removed", text: a[i++]! });
  while (j < m) out.push({ op: "added", text: b[j++]! });
  return out;
}

/** Compares two texts paragraph by paragraph: every paragraph of both, in reading order. */
export function diffParagraphs(before: string, after: string, maxCells = MAX_LCS_CELLS): DiffPart[] {
  const a = splitParagraphs(before);
  const b = splitParagraphs(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle =
    (midA.length + 1) * (midB.length + 1) <= maxCells
      ? lcs(midA, midB)
      : [...midA.map((text): DiffPart => ({ op: "removed", text })), ...midB.map((text): DiffPart => ({ op: "added", text }))];
  return [...a.slice(0, head).map((text): DiffPart => ({ op: "same", text })), ...middle, ...a.slice(a.length - tail).map((text): DiffPart => ({ op: "same", text }))];
}

/** How many paragraphs were added and removed. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number; same: number } {
  const stats = { added: 0, removed: 0, same: 0 };
  for (const p of parts) stats[p.op]++;
  return stats;
}
