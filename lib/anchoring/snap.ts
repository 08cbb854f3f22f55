/**
 * Snapping a fuzzy match's end-points to word boundaries. The approximate matcher places the
 * ends wherever the edit count is lowest, which can cut a word in two ("…formed in Febr").
 * When the stored quote began (ended) at a word boundary, the boundaries within SNAP_REACH
 * code points are tried as well, and leading or trailing whitespace the quote did not
 * have is dropped; the variant kept is the one with the fewest shape faults, then the fewest
 * edits, then edge characters equal to the quote's, then the smallest move. It must stay within
 * the error bound, and where the quote began (ended) on a word boundary so must the match;
 * otherwise there is no match (it would be part of other words).
 */
import { boundedDistance } from "./edit-distance";
import { isWhitespace, isWordBoundary, type PreparedText } from "./prepared-text";

export const SNAP_REACH = 12;

export type Span = { start: number; end: number; errors: number };

export function snapToWords(
  doc: PreparedText,
  exact: Int32Array,
  context: { prefix: Int32Array; suffix: Int32Array },
  match: Span,
  maxErrors: number,
): Span | null {
  const cps = doc.cps;
  const n = doc.length;
  const at = (i: number) => (i >= 0 && i < n ? cps[i]! : -1);
  const boundaryAt = (i: number) => isWordBoundary(at(i - 1), at(i));
  const first = exact[0]!;
  const last = exact[exact.length - 1]!;
  const wantStart = isWordBoundary(context.prefix.length ? context.prefix[context.prefix.length - 1]! : -1, first);
  const wantEnd = isWordBoundary(last, context.suffix.length ? context.suffix[0]! : -1);
  const keepLeadingSpace = isWhitespace(first);
  const keepTrailingSpace = isWhitespace(last);

  const starts = new Set([match.start]);
  const ends = new Set([match.end]);
  // Every word boundary within reach (not just the nearest: an equal-cost start can sit one
  // word further out), when the quote's own edge was a boundary.
  if (wantStart) {
    for (let i = Math.max(0, match.start - SNAP_REACH); i <= Math.min(match.end - 1, match.start + SNAP_REACH); i++) if (boundaryAt(i)) starts.add(i);
  }
  if (wantEnd) {
    for (let i = Math.max(match.start + 1, match.end - SNAP_REACH); i <= Math.min(n, match.end + SNAP_REACH); i++) if (boundaryAt(i)) ends.add(i);
  }
  // Equal-cost alignments may leave out a quote's edge character (a closing ” say); try the
  // nearest place within the error budget where the edge character matches.
  if (at(match.start) !== first) {
    for (let i = match.start - 1; i >= Math.max(0, match.start - maxErrors); i--) if (at(i) === first) { starts.add(i); break; }
  }
  if (at(match.end - 1) !== last) {
    for (let i = match.end + 1; i <= Math.min(n, match.end + maxErrors); i++) if (at(i - 1) === last) { ends.add(i); break; }
  }
  for (const st of [...starts]) {
    let i = st;
    while (!keepLeadingSpace && i < match.end - 1 && isWhitespace(at(i))) i++;
    starts.add(i);
  }
  for (const e of [...ends]) {
    let i = e;
    while (!keepTrailingSpace && i > match.start + 1 && isWhitespace(at(i - 1))) i--;
    ends.add(i);
  }

  const startFaults = (st: number) => (wantStart && !boundaryAt(st) ? 1 : 0) + (!keepLeadingSpace && isWhitespace(at(st)) ? 1 : 0);
  const endFaults = (e: number) => (wantEnd && !boundaryAt(e) ? 1 : 0) + (!keepTrailingSpace && isWhitespace(at(e - 1)) ? 1 : 0);
  const rank = (st: number, e: number): (Span & Ranked) | null => {
    if (e <= st) return null;
    const errors = st === match.start && e === match.end ? match.errors : boundedDistance(exact, cps.subarray(st, e), maxErrors);
    if (errors > maxErrors) return null;
    const edges = (at(st) === first ? 0 : 1) + (at(e - 1) === last ? 0 : 1);
    const move = Math.abs(st - match.start) + Math.abs(e - match.end);
    return { start: st, end: e, errors, faults: startFaults(st) + endFaults(e), edges, move };
  };
  // The start first (with the matcher's end), then the end (with that start): linear, not quadratic.
  let best: (Span & Ranked) | null = null;
  for (const st of starts) {
    const cand = rank(st, match.end);
    if (cand && better(cand, best)) best = cand;
  }
  const chosenStart = best ? best.start : match.start;
  for (const e of ends) {
    const cand = rank(chosenStart, e);
    if (cand && better(cand, best)) best = cand;
  }
  // A span that still cuts a word the quote did not cut is not the quote's words: reject it.
  if (!best || (wantStart && !boundaryAt(best.start)) || (wantEnd && !boundaryAt(best.end))) return null;
  return { start: best.start, end: best.end, errors: best.errors };
}

/** Word-shape faults, then edits, then edge characters unlike the quote's, then distance moved. */
type Ranked = { faults: number; errors: number; edges: number; move: number };

function better(a: Ranked, b: Ranked | null): boolean {
  if (!b) return true;
  return (a.faults - b.faults || a.errors - b.errors || a.edges - b.edges || a.move - b.move) < 0;
}
