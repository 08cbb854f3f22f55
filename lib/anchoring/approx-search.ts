/**
 * Approximate string search: every place where `pattern` occurs in `text` with at most k
 * edits (Levenshtein: insertion, deletion, substitution), over code points.
 *
 * Algorithm: G. Myers, "A fast bit-vector algorithm for approximate string matching based on
 * dynamic programming", J. ACM 46(3), 1999 — the DP column's vertical deltas packed into
 * 32-bit words, one text character per O(⌈m/32⌉) word operations — in the multi-word "block"
 * form of H. Hyyrö, "Explaining and extending the bit-parallel approximate string matching
 * algorithm of Myers" (2001), with Ukkonen's cut-off: only the blocks that can still hold a
 * value ≤ k are computed. Hypothesis anchors quotes with the same algorithm
 * (the `approx-string-match` package); this is an independent implementation.
 */
import { boundedDistance } from "./edit-distance";

const W = 32;
const HIGH_BIT = 1 << 31;

export type ApproxMatch = { start: number; end: number; errors: number };

/**
 * One text column of one 32-row block: updates the block's vertical delta vectors (P: +1,
 * M: −1) given the match vector `eqChar` and the horizontal delta `hIn` entering its top row
 * (Hyyrö's formulation: a −1 entering acts as a match in the first row), and returns the
 * horizontal delta leaving the row selected by `lastRowBit`. Row 0 of the matrix is all zeros
 * (a match may start anywhere), so block 0 always gets hIn = 0.
 */
function advanceBlock(P: Int32Array, M: Int32Array, b: number, eqChar: number, hIn: number, lastRowBit: number): number {
  const pv = P[b]!;
  const mv = M[b]!;
  const hNeg = hIn >>> 31; // 1 when hIn = −1
  const eq = eqChar | hNeg;
  const xv = eq | mv;
  const xh = (((eq & pv) + pv) ^ pv) | eq;
  const ph = mv | ~(xh | pv);
  const mh = pv & xh;
  const hOut = ((ph & lastRowBit) !== 0 ? 1 : 0) - ((mh & lastRowBit) !== 0 ? 1 : 0);
  const ph1 = (ph << 1) | (hIn > 0 ? 1 : 0);
  const mh1 = (mh << 1) | hNeg;
  P[b] = mh1 | ~(xv | ph1);
  M[b] = ph1 & xv;
  return hOut;
}

/** Slot of each BMP code point in the current pattern's Peq table (0 = not in the pattern); reset after each search. */
const bmpSlot = new Int32Array(0x10000);

/**
 * Calls `onMatch(end, errors)` for every end position `end` (exclusive, in from+1..to) at which
 * some substring of text[from, end) ending there is within `maxErrors` edits of `pattern`,
 * with the least such number of edits.
 */
export function findMatchEnds(
  pattern: ArrayLike<number>,
  text: ArrayLike<number>,
  from: number,
  to: number,
  maxErrors: number,
  onMatch: (end: number, errors: number) => void,
): void {
  const m = pattern.length;
  if (m === 0) throw new RangeError("empty pattern");
  const k = Math.max(0, Math.floor(maxErrors));
  const blocks = Math.ceil(m / W);
  const bMax = blocks - 1;
  const lastBit = 1 << ((m - 1) % W);
  const lastRows = m - bMax * W;

  // Peq[slot·blocks + b]: bit r set when pattern[b·32 + r] is the slot's character.
  const astralSlot = new Map<number, number>();
  const slotChars: number[] = [];
  const slotOf = (c: number) => (c < 0x10000 ? bmpSlot[c]! : (astralSlot.get(c) ?? 0));
  for (let i = 0; i < m; i++) {
    const c = pattern[i]!;
    if (slotOf(c) !== 0) continue;
    slotChars.push(c);
    if (c < 0x10000) bmpSlot[c] = slotChars.length;
    else astralSlot.set(c, slotChars.length);
  }
  const peq = new Int32Array((slotChars.length + 1) * blocks);
  for (let i = 0; i < m; i++) peq[slotOf(pattern[i]!) * blocks + ((i / W) | 0)]! |= 1 << i % W;

  try {
    const P = new Int32Array(blocks);
    const M = new Int32Array(blocks);
    const score = new Int32Array(blocks);
    // Column 0 is D[i][0] = i: all vertical deltas +1. Rows 1..k live in blocks 0..y.
    let y = Math.min(bMax, Math.max(0, Math.ceil(k / W) - 1));
    for (let b = 0; b <= y; b++) {
      P[b] = -1;
      M[b] = 0;
      score[b] = b === bMax ? m : (b + 1) * W;
    }
    for (let j = from; j < to; j++) {
      const c = text[j]!;
      const base = (c < 0x10000 ? bmpSlot[c]! : (astralSlot.get(c) ?? 0)) * blocks;
      let carry = 0;
      for (let b = 0; b <= y; b++) {
        carry = advanceBlock(P, M, b, peq[base + b]!, carry, b === bMax ? lastBit : HIGH_BIT);
        score[b]! += carry;
      }
      // Diagonals never decrease, so a value ≤ k can enter block y+1 (at its first row) only
      // when the bottom of block y was ≤ k in the previous column. The inactive block's cells
      // were all > k there; vertical deltas of +1 below that bottom keep them > k, which is
      // all the cut-off needs (values above k are never reported and never lower a value ≤ k).
      if (y < bMax && score[y]! - carry <= k) {
        const prevBottom = score[y]! - carry;
        y++;
        P[y] = -1;
        M[y] = 0;
        const bit = y === bMax ? lastBit : HIGH_BIT;
        score[y] = prevBottom + (y === bMax ? lastRows : W) + advanceBlock(P, M, y, peq[base + y]!, carry, bit);
      }
      // A block whose bottom is ≥ k + 32 holds only values > k (vertical deltas are ≥ −1).
      while (y > 0 && score[y]! >= k + W) y--;
      if (y === bMax && score[bMax]! <= k) onMatch(j + 1, score[bMax]!);
    }
  } finally {
    for (const c of slotChars) if (c < 0x10000) bmpSlot[c] = 0;
  }
}

/**
 * Start of the best alignment of `pattern` that ends exactly at `end` in `text`, searching
 * back no further than `lowerBound`: the start with the fewest edits, and among equals the one
 * whose length is closest to the pattern's. Banded DP over reversed strings, O(m · k).
 */
export function findMatchStart(
  pattern: ArrayLike<number>,
  text: ArrayLike<number>,
  end: number,
  maxErrors: number,
  lowerBound = 0,
): { start: number; errors: number } | null {
  const m = pattern.length;
  const k = maxErrors;
  const span = Math.min(end - lowerBound, m + k); // candidate lengths 0..span
  const cap = k + 1;
  // D[i][l] = distance of the last i pattern characters to the last l text characters before end.
  let prev = new Int32Array(span + 1);
  let cur = new Int32Array(span + 1);
  for (let l = 0; l <= span; l++) prev[l] = l <= k ? l : cap;
  for (let i = 1; i <= m; i++) {
    const pc = pattern[m - i];
    const lo = Math.max(1, i - k);
    const hi = Math.min(span, i + k);
    cur[0] = i <= k ? i : cap;
    if (lo > 1) cur[lo - 1] = cap;
    for (let l = lo; l <= hi; l++) {
      let v = prev[l - 1]! + (pc === text[end - l] ? 0 : 1);
      if (prev[l]! + 1 < v) v = prev[l]! + 1;
      if (cur[l - 1]! + 1 < v) v = cur[l - 1]! + 1;
      cur[l] = v > cap ? cap : v;
    }
    if (hi < span) cur[hi + 1] = cap;
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = -1;
  for (let l = 0; l <= span; l++) {
    const v = prev[l]!;
    if (v > k) continue;
    if (best < 0 || v < prev[best]! || (v === prev[best]! && Math.abs(l - m) < Math.abs(best - m))) best = l;
  }
  return best < 0 ? null : { start: end - best, errors: prev[best]! };
}

/**
 * Approximate occurrences of `pattern` in text[from, to) with at most `maxErrors` edits: one
 * per run of adjacent match ends (its end with the fewest errors), with its start. At most
 * `limit` matches are returned, fewest errors first, then nearest to `hint`.
 */
export function approxSearch(
  pattern: ArrayLike<number>,
  text: ArrayLike<number>,
  maxErrors: number,
  options: { from?: number; to?: number; limit?: number; hint?: number } = {},
): ApproxMatch[] {
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(text.length, options.to ?? text.length);
  const runs: { end: number; errors: number }[] = [];
  let lastEnd = -2;
  findMatchEnds(pattern, text, from, to, maxErrors, (end, errors) => {
    const run = runs[runs.length - 1];
    if (run && end === lastEnd + 1) {
      if (errors < run.errors) {
        run.end = end;
        run.errors = errors;
      }
    } else runs.push({ end, errors });
    lastEnd = end;
  });
  const hint = options.hint ?? from;
  runs.sort((a, b) => a.errors - b.errors || Math.abs(a.end - hint) - Math.abs(b.end - hint));
  const out: ApproxMatch[] = [];
  for (const run of runs.slice(0, options.limit ?? 64)) {
    const found = findMatchStart(pattern, text, run.end, maxErrors, from);
    if (found) out.push({ start: found.start, end: run.end, errors: found.errors });
  }
  return out;
}

/** Levenshtein distance of the pattern to text[start, end), or maxErrors + 1 when above it. */
export function spanErrors(pattern: ArrayLike<number>, text: Int32Array, start: number, end: number, maxErrors: number): number {
  return boundedDistance(pattern, text.subarray(start, end), maxErrors);
}
