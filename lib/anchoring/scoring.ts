/**
 * How a candidate span in the new text is scored against a stored anchor, and when it is
 * accepted. All lengths and distances are in code points; all scores lie in [0, 1].
 *
 *   q   quote similarity    1 − d / m, d = Levenshtein(exact, candidate), m = |exact|
 *   p   prefix similarity   similarity(anchor.prefix, the |prefix| code points before the candidate)
 *   s   suffix similarity   similarity(anchor.suffix, the |suffix| code points after it)
 *       similarity(a, b) = 1 − Levenshtein(a, b) / max(|a|, |b|). Context that cannot exist
 *       because the candidate is near an edge of the text is no evidence either way: with only
 *       L < P code points before the candidate, p = (L/P)·similarity(last L of prefix, them)
 *       + ((P − L)/P)·0.5. An empty stored prefix (the quote began the text) scores 1 at the
 *       start of the text and 0.5 elsewhere. The suffix is treated the same way.
 *   c   context = (p + s) / 2
 *   pos 1 − |start − hint| / |text|, the hint being where the quote is expected (its old
 *       position, mapped through the diff of the revision when the old text is known)
 *
 *   score = (50·q + 20·p + 20·s + 2·pos) / 92      (Hypothesis's weights)
 *
 * The position term can move the score by at most 2/92, so it only breaks near-ties: an
 * occurrence whose context is worse by more than 0.05 never wins because it is nearer.
 *
 * Acceptance:
 * - exact occurrence: always — a quote that survived unchanged is re-found. With several
 *   occurrences the best score wins, so one whose context contradicts the anchor is taken only
 *   when no occurrence fits better; such a pick scores below (50 + 20 + 2)/92 ≈ 0.78 (c < 0.5),
 *   which callers may surface for review.
 * - fuzzy match: d ≤ maxErrorsFor(m) = ⌊DEFAULT_MAX_ERROR_RATE · m⌋ and c ≥ MIN_CONTEXT: the
 *   words changed, so the surroundings must vouch for the place. Quotes under 4 code points
 *   allow no error and are never searched fuzzily.
 * - otherwise the claim is an orphan.
 */
import { similarity } from "./edit-distance";
import type { PreparedText } from "./prepared-text";

export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Fuzzy matches may differ from the quote by at most this fraction of its code points. */
export const DEFAULT_MAX_ERROR_RATE = 0.25;
/** Context agreement below this means the surroundings contradict the anchor. */
export const MIN_CONTEXT = 0.5;

/** Largest number of edits a fuzzy match of a quote of `quoteLength` code points may have. */
export function maxErrorsFor(quoteLength: number, rate: number = DEFAULT_MAX_ERROR_RATE): number {
  return Math.max(0, Math.floor(rate * quoteLength + 1e-9));
}

export type Context = { prefix: Int32Array; suffix: Int32Array };

export type Evidence = { q: number; p: number; s: number; context: number; score: number };

/** Prefix and suffix similarity of candidate [start, end) in `doc`. */
/** Prefix and suffix similarity of candidate [start, end) in `doc`. */
export function contextOf(doc: PreparedText, start: number, end: number, ctx: Context): { p: number; s: number } {
  const P = ctx.prefix.length;
  const S = ctx.suffix.length;
  let p = start === 0 ? 1 : 0.5;
  if (P > 0) {
    const L = Math.min(P, start);
    p = (L / P) * similarity(ctx.prefix.subarray(P - L), doc.cps.subarray(start - L, start)) + ((P - L) / P) * 0.5;
  }
  let s = end === doc.length ? 1 : 0.5;
  if (S > 0) {
    const L = Math.min(S, doc.length - end);
    s = (L / S) * similarity(ctx.suffix.subarray(0, L), doc.cps.subarray(end, end + L)) + ((S - L) / S) * 0.5;
  }
  return { p, s };
}

export function evidenceOf(
  doc: PreparedText,
  start: number,
  end: number,
  ctx: Context,
  errors: number,
  quoteLength: number,
  hint: number,
): Evidence {
  const q = 1 - errors / quoteLength;
  const { p, s } = contextOf(doc, start, end, ctx);
  const pos = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, doc.length));
  const score = (QUOTE_WEIGHT * q + PREFIX_WEIGHT * p + SUFFIX_WEIGHT * s + POSITION_WEIGHT * pos) / TOTAL_WEIGHT;
  return { q, p, s, context: (p + s) / 2, score };
}
