/**
 * Re-anchoring claims after a source revision. Every anchor comes back either anchored on the
 * new text (with the span's new selectors) or as an orphan with a reason — never dropped, and
 * never moved onto words that are not its quote (exact) or within the error bound (fuzzy).
 * Scores and thresholds are defined in ./scoring.ts.
 *
 * Order, for one anchor:
 * 1. position — the quote still sits at its position (in `reanchorAll`: the old position
 *    mapped through a diff of the revision) with its prefix and suffix intact;
 * 2. exact — every occurrence of the quote, scored by context, then distance from the hint;
 *    the best one is taken (a quote that survived is always re-found);
 * 3. fuzzy — Myers bit-parallel approximate search (./approx-search.ts) allowing
 *    ⌊0.25·m⌋ edits, first in a window around the hint, then in the whole text (`reanchor`) or
 *    in the text the revision changed (`reanchorAll`); end-points snapped to word boundaries
 *    (./snap.ts);
 * 4. orphan.
 */
import { approxSearch } from "./approx-search";
import { PreparedText, toCodePoints } from "./prepared-text";
import {
  DEFAULT_MAX_ERROR_RATE,
  MIN_CONTEXT,
  evidenceOf,
  maxErrorsFor,
  type Context,
  type Evidence,
} from "./scoring";
import { createAnchor, DEFAULT_CONTEXT_LENGTH, type TextAnchor } from "./selectors";
import { snapToWords } from "./snap";
import { diffCodePoints, PositionMap } from "./text-diff";

export type ReanchorMethod = "position" | "exact" | "fuzzy";

export type Anchored = {
  status: "anchored";
  start: number;
  end: number;
  method: ReanchorMethod;
  /** The composite score of ./scoring.ts, in [0, 1]. */
  score: number;
  /** Levenshtein distance between the stored quote and the new span (0 unless fuzzy). */
  errors: number;
  /** The selectors of the new span, to store in place of the old ones. */
  anchor: TextAnchor;
};
export type Orphan = { status: "orphan"; reason: string };
export type ReanchorResult = Anchored | Orphan;

export type ReanchorOptions = {
  /** Where the quote is expected in the new text (code points); defaults to anchor.start. */
  hint?: number;
  /** Fraction of the quote's code points a fuzzy match may get wrong; default 0.25. */
  maxErrorRate?: number;
  /** Context kept in the returned anchors; default 32. */
  contextLength?: number;
};

/** Above this many exact occurrences, only the most promising are scored in full. */
const MAX_SCORED_OCCURRENCES = 2000;

type Range = { from: number; to: number };

type Search = {
  hint: number;
  /** The stored position (reanchor) or the diff-mapped one (reanchorAll), if any. */
  position: { start: number; end: number } | null;
  window: Range;
  /** reanchorAll: the window plus the text the revision changed, searched before the whole text (exact) or instead of it (fuzzy). */
  wider: Range[] | null;
  maxErrorRate: number;
  contextLength: number;
};

function windowAround(doc: PreparedText, start: number, end: number, quoteLength: number): Range {
  const margin = Math.max(512, 2 * quoteLength);
  return { from: Math.max(0, start - margin), to: Math.min(doc.length, end + margin) };
}

/**
 * The changed regions of the new text, each widened by `pad` so that a match straddling a
 * region's edge is found, merged with `window`; null (search everything) when they cover more
 * than half the text. An edited quote that moved lies in text that changed: matching it inside
 * text that was already there would move the claim onto other, pre-existing words.
 */
function changedRanges(doc: PreparedText, changed: readonly Range[], window: Range, pad: number): Range[] | null {
  const ranges = [...changed.map((r) => ({ from: Math.max(0, r.from - pad), to: Math.min(doc.length, r.to + pad) })), window];
  ranges.sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  const covered = merged.reduce((n, r) => n + r.to - r.from, 0);
  return covered > doc.length / 2 ? null : merged;
}

/** Re-finds one anchor in `newText`. Pass a PreparedText when re-anchoring many anchors. */
export function reanchor(newText: string | PreparedText, anchor: TextAnchor, options: ReanchorOptions = {}): ReanchorResult {
  const doc = PreparedText.from(newText);
  const m = [...anchor.exact].length;
  const hint = Math.min(Math.max(0, options.hint ?? anchor.start), doc.length);
  return locate(doc, anchor, {
    hint,
    position: { start: anchor.start, end: anchor.end },
    window: windowAround(doc, hint, hint + m, m),
    wider: null,
    maxErrorRate: options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE,
    contextLength: options.contextLength ?? DEFAULT_CONTEXT_LENGTH,
  });
}

/**
 * Re-finds every anchor of `oldText` in its revision `newText` (results in input order). Old
 * positions are mapped through a diff of the two texts (./text-diff.ts), so an untouched quote
 * costs O(log n) and only the anchors whose text changed are searched for.
 */
export function reanchorAll(
  oldText: string,
  newText: string,
  anchors: readonly TextAnchor[],
  options: Omit<ReanchorOptions, "hint"> = {},
): ReanchorResult[] {
  const oldDoc = new PreparedText(oldText);
  const doc = new PreparedText(newText);
  const map = new PositionMap(diffCodePoints(oldDoc.cps, doc.cps), doc.length);
  const changed = map.changedRegions();
  const maxErrorRate = options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  return anchors.map((anchor) => {
    const { start, end } = anchor;
    const m = [...anchor.exact].length;
    const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= oldDoc.length;
    if (valid && oldDoc.slice(start, end) === anchor.exact) {
      // The diff's image of the old span is the expected place; it is taken at once when the
      // quote and its context are intact there, else it competes with the other occurrences.
      const mapped = map.mapSpan(start, end);
      const window = windowAround(doc, mapped.start, mapped.end, m);
      return locate(doc, anchor, {
        hint: mapped.start,
        position: mapped.clean ? mapped : null,
        window,
        wider: changedRanges(doc, changed, window, 2 * m),
        maxErrorRate,
        contextLength,
      });
    }
    // A stale anchor (not from oldText): map its start as a hint and search.
    const hint = map.mapPoint(Math.min(Math.max(0, Number.isFinite(start) ? start : 0), oldDoc.length));
    return locate(doc, anchor, {
      hint,
      position: null,
      window: windowAround(doc, hint, hint + m, m),
      wider: null,
      maxErrorRate,
      contextLength,
    });
  });
}

function contextOfAnchor(anchor: TextAnchor): Context {
  return { prefix: toCodePoints(anchor.prefix), suffix: toCodePoints(anchor.suffix) };
}

function anchoredAt(
  doc: PreparedText,
  anchor: TextAnchor,
  search: Search,
  start: number,
  end: number,
  errors: number,
  method: ReanchorMethod,
  evidence?: Evidence,
): Anchored {
  const m = [...anchor.exact].length;
  const ev = evidence ?? evidenceOf(doc, start, end, contextOfAnchor(anchor), errors, m, search.hint);
  return { status: "anchored", start, end, method, score: ev.score, errors, anchor: createAnchor(doc.index, start, end, search.contextLength) };
}

type Candidate = { start: number; end: number; errors: number; ev: Evidence };

/** Higher score first; then nearer the hint; then earlier. */
function beats(a: Candidate, b: Candidate | null, hint: number): boolean {
  if (!b) return true;
  if (a.ev.score !== b.ev.score) return a.ev.score > b.ev.score;
  const da = Math.abs(a.start - hint);
  const db = Math.abs(b.start - hint);
  return da !== db ? da < db : a.start < b.start;
}

function locate(doc: PreparedText, anchor: TextAnchor, search: Search): ReanchorResult {
  const exact = toCodePoints(anchor.exact);
  const m = exact.length;
  if (m === 0) return { status: "orphan", reason: "the anchor has an empty quote" };
  const ctx = contextOfAnchor(anchor);
  const { hint, position } = search;
  const evidence = (start: number, end: number, errors: number) => evidenceOf(doc, start, end, ctx, errors, m, hint);

  // 1. Position: the quote is where we expect it and its surroundings are unchanged.
  const atPosition =
    position !== null && position.start >= 0 && position.end <= doc.length && position.end - position.start === m && doc.slice(position.start, position.end) === anchor.exact;
  if (atPosition) {
    const ev = evidence(position.start, position.end, 0);
    if (ev.p === 1 && ev.s === 1) return anchoredAt(doc, anchor, search, position.start, position.end, 0, "position", ev);
  }

  // 2. Exact occurrences, best score first: context decides, distance from the hint breaks ties.
  //    reanchorAll looks in the window and the changed text first, then everywhere.
  const near = search.wider ? uniqueSorted(search.wider.flatMap((r) => doc.occurrences(anchor.exact, r.from, r.to))) : [];
  if (near.length && atPosition && !near.includes(position!.start)) near.push(position!.start);
  let starts = near.length ? near : doc.occurrences(anchor.exact);
  if (starts.length > MAX_SCORED_OCCURRENCES) starts = mostPromising(doc, starts, m, ctx, hint, position?.start);
  let best: Candidate | null = null;
  for (const start of starts) {
    const cand = { start, end: start + m, errors: 0, ev: evidence(start, start + m, 0) };
    if (beats(cand, best, hint)) best = cand;
  }
  if (best) {
    const method = atPosition && best.start === position!.start ? "position" : "exact";
    return anchoredAt(doc, anchor, search, best.start, best.end, 0, method, best.ev);
  }

  // 3. Fuzzy: within maxErrors edits, context required; the window first, then wider.
  const k = maxErrorsFor(m, search.maxErrorRate);
  if (k >= 1) {
    const whole = [{ from: 0, to: doc.length }];
    const { window, wider } = search;
    const stages = window.from > 0 || window.to < doc.length ? [[window], wider ?? whole] : [whole];
    for (const ranges of stages) {
      let found: Candidate | null = null;
      for (const r of ranges) {
        const cand = bestFuzzy(doc, exact, ctx, k, r, hint, evidence);
        if (cand && beats(cand, found, hint)) found = cand;
      }
      if (found) return anchoredAt(doc, anchor, search, found.start, found.end, found.errors, "fuzzy", found.ev);
    }
  }

  const fuzzy = k >= 1
    ? `no approximate match within ${k} edit(s) has matching context`
    : "it is too short for an approximate search";
  return { status: "orphan", reason: `the quote does not occur in the new text, and ${fuzzy}` };
}

function bestFuzzy(
  doc: PreparedText,
  exact: Int32Array,
  ctx: Context,
  k: number,
  w: { from: number; to: number },
  hint: number,
  evidence: (start: number, end: number, errors: number) => Evidence,
): Candidate | null {
  let best: Candidate | null = null;
  for (const match of approxSearch(exact, doc.cps, k, { from: w.from, to: w.to, hint, limit: 32 })) {
    const snapped = snapToWords(doc, exact, ctx, match, k);
    if (!snapped) continue;
    const ev = evidence(snapped.start, snapped.end, snapped.errors);
    if (ev.context < MIN_CONTEXT) continue;
    const cand = { ...snapped, ev };
    if (beats(cand, best, hint)) best = cand;
  }
  return best;
}

function uniqueSorted(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

/**
 * For a quote with very many occurrences (a common word), keep the few hundred whose
 * neighbouring characters agree longest with the stored prefix and suffix, plus the position.
 */
function mostPromising(doc: PreparedText, starts: number[], m: number, ctx: Context, hint: number, position?: number): number[] {
  const cps = doc.cps;
  const quick = (start: number) => {
    let n = 0;
    for (let i = 1; i <= ctx.prefix.length && start - i >= 0 && cps[start - i] === ctx.prefix[ctx.prefix.length - i]; i++) n++;
    for (let i = 0; i < ctx.suffix.length && start + m + i < doc.length && cps[start + m + i] === ctx.suffix[i]; i++) n++;
    return n;
  };
  const ranked = starts.map((s) => ({ s, q: quick(s) })).sort((a, b) => b.q - a.q || Math.abs(a.s - hint) - Math.abs(b.s - hint));
  const keep = ranked.slice(0, 500).map((r) => r.s);
  if (position !== undefined && starts.includes(position) && !keep.includes(position)) keep.push(position);
  return keep;
}
