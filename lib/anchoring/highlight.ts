/**
 * Span highlighting for the source reader: turns claim spans (code-point offsets, possibly
 * overlapping or nested) into a flat list of segments that cover the whole text in order, each
 * carrying the ids of every span that covers it. Pure; safe in the browser.
 *
 * Invariants of `segmentHighlights(text, spans)`:
 * - segments are contiguous and cover 0..codePointLength(text) exactly (none for an empty text);
 * - a segment never straddles a span boundary, and two neighbours never carry the same ids;
 * - `ids` is ordered by the covering spans' (start, -end, id): the outermost span comes first,
 *   so a renderer can nest marks or pick the first id for the colour.
 */
import { CodePointIndex } from "@/lib/codepoints";

export type HighlightSpan = { id: number; start: number; end: number };
export type Segment = { start: number; end: number; text: string; ids: number[] };
export type ParagraphRange = { start: number; end: number };
export type ParagraphSegments = ParagraphRange & { segments: Segment[] };

export type SpanProblem = {
  span: HighlightSpan;
  reason: "not-integer" | "empty" | "reversed" | "out-of-range" | "duplicate-id";
};

/** Splits spans into those that can be drawn on a text of `length` code points and those that cannot. */
export function validateSpans(
  length: number,
  spans: readonly HighlightSpan[],
): { valid: HighlightSpan[]; invalid: SpanProblem[] } {
  const valid: HighlightSpan[] = [];
  const invalid: SpanProblem[] = [];
  const seen = new Set<number>();
  for (const span of spans) {
    const { id, start, end } = span;
    let reason: SpanProblem["reason"] | null = null;
    if (!Number.isInteger(id) || !Number.isInteger(start) || !Number.isInteger(end)) reason = "not-integer";
    else if (start === end) reason = "empty";
    else if (start > end) reason = "reversed";
    else if (start < 0 || end > length) reason = "out-of-range";
    else if (seen.has(id)) reason = "duplicate-id";
    if (reason) invalid.push({ span, reason });
    else {
      seen.add(id);
      valid.push(span);
    }
  }
  return { valid, invalid };
}

/** Outermost first: by start, then longer first, then id. */
function compareSpans(a: HighlightSpan, b: HighlightSpan): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/**
 * Segments of `text` (code points) under the given spans. Invalid spans (see `validateSpans`)
 * are ignored; call `validateSpans` to report them.
 */
export function segmentHighlights(text: string | CodePointIndex, spans: readonly HighlightSpan[]): Segment[] {
  const index = typeof text === "string" ? new CodePointIndex(text) : text;
  const length = index.length;
  if (length === 0) return [];
  const valid = validateSpans(length, spans).valid.sort(compareSpans);

  // Sweep over the sorted boundaries; `rank` orders the active ids by compareSpans.
  const rank = new Map<number, number>();
  valid.forEach((span, i) => rank.set(span.id, i));
  const events = new Map<number, { open: HighlightSpan[]; close: number[] }>();
  const at = (pos: number) => {
    let e = events.get(pos);
    if (!e) events.set(pos, (e = { open: [], close: [] }));
    return e;
  };
  for (const span of valid) {
    at(span.start).open.push(span);
    at(span.end).close.push(span.id);
  }
  const cuts = [...new Set([0, length, ...events.keys()])].sort((a, b) => a - b);

  const segments: Segment[] = [];
  const active = new Set<number>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const e = events.get(from);
    if (e) {
      for (const id of e.close) active.delete(id);
      for (const span of e.open) active.add(span.id);
    }
    // Every cut opens or closes a span (ids are unique), so neighbours never share their ids.
    const ids = [...active].sort((a, b) => rank.get(a)! - rank.get(b)!);
    segments.push({ start: from, end: to, text: "", ids });
  }
  for (const s of segments) s.text = index.slice(s.start, s.end);
  return segments;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function isBlankCodePoint(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/**
 * Paragraph ranges (code points) of `text`: each maximal run of characters between line breaks
 * (\n, \r\n, \r, U+2028, U+2029), one paragraph per line as the seed articles have them. Lines
 * that are empty or only whitespace are not paragraphs. Ranges exclude the line breaks and keep
 * any leading or trailing spaces, so offsets stay exact.
 */
export function splitParagraphs(text: string): ParagraphRange[] {
  const ranges: ParagraphRange[] = [];
  let cp = 0;
  let lineStart = 0;
  let blank = true;
  const close = (end: number) => {
    if (!blank && end > lineStart) ranges.push({ start: lineStart, end });
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isLineBreak(c)) {
      close(cp);
      lineStart = cp + 1;
      blank = true;
    } else if (!isBlankCodePoint(c)) blank = false;
    cp++;
  }
  close(cp);
  return ranges;
}

/**
 * Segments grouped by paragraph, for rendering one `<p>` per paragraph: a span that crosses a
 * paragraph break yields one segment in each paragraph (carrying the same id); text between
 * paragraphs (line breaks, blank lines) is not rendered.
 */
export function segmentParagraphs(text: string, spans: readonly HighlightSpan[]): ParagraphSegments[] {
  const index = new CodePointIndex(text);
  const segments = segmentHighlights(index, spans);
  const out: ParagraphSegments[] = [];
  let k = 0;
  for (const para of splitParagraphs(text)) {
    const parts: Segment[] = [];
    while (k < segments.length && segments[k]!.end <= para.start) k++;
    for (let j = k; j < segments.length && segments[j]!.start < para.end; j++) {
      const seg = segments[j]!;
      const start = Math.max(seg.start, para.start);
      const end = Math.min(seg.end, para.end);
      const whole = start === seg.start && end === seg.end;
      parts.push({ start, end, text: whole ? seg.text : index.slice(start, end), ids: [...seg.ids] });
    }
    out.push({ ...para, segments: parts });
  }
  return out;
}
