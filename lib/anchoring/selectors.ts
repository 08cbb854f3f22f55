/**
 * W3C Web Annotation selectors for a claim's span of source text: a TextQuoteSelector (exact,
 * prefix, suffix) and a TextPositionSelector (start, end), stored together as a `TextAnchor`.
 * Offsets are Unicode code points, as the W3C model defines them (https://www.w3.org/TR/annotation-model/#text-position-selector);
 * browser selections (UTF-16) are converted by `selectionToAnchor`. Pure; safe in the browser.
 */
import { CodePointIndex } from "@/lib/codepoints";

export type TextAnchor = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** Code points of context kept on each side of the quote (Hypothesis uses 32 as well). */
export const DEFAULT_CONTEXT_LENGTH = 32;

/** A span that is empty, reversed, fractional or outside the text. */
export class AnchorRangeError extends RangeError {
  override readonly name = "AnchorRangeError";
  constructor(
    readonly start: number,
    readonly end: number,
    readonly length: number,
  ) {
    super(`anchor span ${start}..${end} is not a non-empty range within 0..${length} (code points)`);
  }
}

function indexOf(text: string | CodePointIndex): CodePointIndex {
  return typeof text === "string" ? new CodePointIndex(text) : text;
}

/**
 * The anchor of code points start..end of `text`, with up to `contextLength` code points of
 * prefix and suffix (fewer at the ends of the text). Throws AnchorRangeError unless
 * 0 ≤ start < end ≤ length. Pass a CodePointIndex when anchoring many spans of one text.
 */
export function createAnchor(
  text: string | CodePointIndex,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): TextAnchor {
  const index = indexOf(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > index.length) {
    throw new AnchorRangeError(start, end, index.length);
  }
  const ctx = Math.max(0, Math.floor(contextLength));
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - ctx), start),
    suffix: index.slice(end, Math.min(index.length, end + ctx)),
    start,
    end,
  };
}

/** True when the anchor's exact quote sits at its start..end in `text`. */
export function anchorMatches(text: string | CodePointIndex, anchor: TextAnchor): boolean {
  const index = indexOf(text);
  const { start, end } = anchor;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > index.length) return false;
  return index.slice(start, end) === anchor.exact;
}

/**
 * Why the anchor does not match `text`, for logs and the orphan panel; null when it matches.
 * Reports a bad range, or the text found at the anchor's position instead of the quote.
 */
export function describeAnchorMismatch(text: string | CodePointIndex, anchor: TextAnchor): string | null {
  const index = indexOf(text);
  const { start, end } = anchor;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > index.length) {
    return `span ${start}..${end} is outside the text (0..${index.length} code points)`;
  }
  const found = index.slice(start, end);
  if (found === anchor.exact) return null;
  return `expected ${JSON.stringify(clip(anchor.exact))} at ${start}..${end}, found ${JSON.stringify(clip(found))}`;
}

function clip(s: string, max = 60): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * The anchor of a browser selection given in UTF-16 indices (e.g. from a DOM Range over the
 * source text). The indices may come in either order; one that falls inside a surrogate pair is
 * widened to take the whole character. Throws AnchorRangeError for an empty selection.
 */
export function selectionToAnchor(
  text: string | CodePointIndex,
  utf16Start: number,
  utf16End: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): TextAnchor {
  const index = indexOf(text);
  const lo = Math.min(utf16Start, utf16End);
  const hi = Math.max(utf16Start, utf16End);
  const units = index.text.length;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > units) {
    throw new AnchorRangeError(utf16Start, utf16End, units);
  }
  const start = index.toCodePoint(lo);
  let end = index.toCodePoint(hi);
  if (index.toUtf16(end) < hi) end++; // hi splits a surrogate pair: include the whole character
  return createAnchor(index, start, end, contextLength);
}
