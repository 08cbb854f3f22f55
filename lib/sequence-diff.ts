/**
 * The difference between two sequences of strings (paragraphs, words) as edit operations in
 * order: the common head and tail are trimmed, then a longest common subsequence over the
 * middle finds what stayed. The LCS table is quadratic, so when the changed middle is larger
 * than `maxCells` it is shown as removed-then-added instead: still correct, only less precise.
 * Pure: safe in the browser.
 */

export type DiffOp = "same" | "added" | "removed";

export interface DiffPart {
  op: DiffOp;
  text: string;
}

function lcs(a: readonly string[], b: readonly string[]): DiffPart[] {
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
      out.push({ op: "removed", text: a[i++]! });
    } else {
      out.push({ op: "added", text: b[j++]! });
    }
  }
  while (i < n) out.push({ op: "removed", text: a[i++]! });
  while (j < m) out.push({ op: "added", text: b[j++]! });
  return out;
}

/** Every item of both sequences, in order, marked same, removed (only in `a`) or added (only in `b`). */
export function diffSequences(a: readonly string[], b: readonly string[], maxCells: number): DiffPart[] {
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
