import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  segmentHighlights,
  segmentParagraphs,
  splitParagraphs,
  validateSpans,
  type HighlightSpan,
  type Segment,
} from "@/lib/anchoring/highlight";

const cps = (s: string) => Array.from(s);
/** Compact view: "text|ids" per segment. */
const view = (segs: Segment[]) => segs.map((s) => `${s.text}|${s.ids.join(",")}`);

/** Reference: the covering ids of every code point, grouped naively. */
function reference(text: string, spans: HighlightSpan[]): Segment[] {
  const chars = cps(text);
  const { valid } = validateSpans(chars.length, spans);
  const order = [...valid].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const out: Segment[] = [];
  chars.forEach((ch, i) => {
    const ids = order.filter((s) => s.start <= i && i < s.end).map((s) => s.id);
    const last = out[out.length - 1];
    if (last && last.ids.join() === ids.join()) {
      last.end = i + 1;
      last.text += ch;
    } else out.push({ start: i, end: i + 1, text: ch, ids });
  });
  return out;
}

describe("segmentHighlights", () => {
  it("renders overlapping spans as three segments", () => {
    const text = "abcdefghijklmnopqrst";
    const segs = segmentHighlights(text, [
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 15 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.ids])).toEqual([
      [0, 5, [1]],
      [5, 10, [1, 2]],
      [10, 15, [2]],
      [15, 20, []],
    ]);
  });

  it("orders ids outermost first for nested and identical spans", () => {
    const text = "0123456789";
    const segs = segmentHighlights(text, [
      { id: 9, start: 3, end: 5 },
      { id: 4, start: 0, end: 10 },
      { id: 7, start: 3, end: 5 },
      { id: 2, start: 3, end: 8 },
    ]);
    expect(view(segs)).toEqual(["012|4", "34|4,2,7,9", "567|4,2", "89|4"]);
  });

  it("handles spans at the start and end of the text and adjacent spans", () => {
    const segs = segmentHighlights("one two three", [
      { id: 1, start: 0, end: 3 },
      { id: 2, start: 3, end: 8 },
      { id: 3, start: 8, end: 13 },
    ]);
    expect(view(segs)).toEqual(["one|1", " two |2", "three|3"]);
    expect(view(segmentHighlights("whole", [{ id: 5, start: 0, end: 5 }]))).toEqual(["whole|5"]);
  });

  it("counts code points across curly quotes, em dashes, emoji and CJK", () => {
    const text = "“Hi”—😀 漢字𠀋 ok";
    // code points: “ H i ” — 😀 ␠ 漢 字 𠀋 ␠ o k
    const segs = segmentHighlights(text, [
      { id: 1, start: 0, end: 4 },
      { id: 2, start: 5, end: 6 },
      { id: 3, start: 7, end: 10 },
    ]);
    expect(view(segs)).toEqual(["“Hi”|1", "—|", "😀|2", " |", "漢字𠀋|3", " ok|"]);
    expect(segs.map((s) => s.end)).toEqual([4, 5, 6, 7, 10, 13]);
  });

  it("ignores and reports empty, reversed, out-of-range, fractional and duplicate spans", () => {
    const spans = [
      { id: 1, start: 2, end: 2 },
      { id: 2, start: 4, end: 1 },
      { id: 3, start: -1, end: 2 },
      { id: 4, start: 3, end: 99 },
      { id: 5, start: 0.5, end: 2 },
      { id: 6, start: 0, end: 2 },
      { id: 6, start: 1, end: 3 },
    ];
    expect(view(segmentHighlights("abcdef", spans))).toEqual(["ab|6", "cdef|"]);
    expect(validateSpans(6, spans).invalid.map((p) => `${p.span.id}:${p.reason}`)).toEqual([
      "1:empty",
      "2:reversed",
      "3:out-of-range",
      "4:out-of-range",
      "5:not-integer",
      "6:duplicate-id",
    ]);
  });

  it("returns no segments for an empty text and one plain segment without spans", () => {
    expect(segmentHighlights("", [{ id: 1, start: 0, end: 1 }])).toEqual([]);
    expect(segmentHighlights("plain", [])).toEqual([{ start: 0, end: 5, text: "plain", ids: [] }]);
  });

  it("agrees with a per-code-point reference on random texts and spans", () => {
    const char = fc.constantFrom("a", "b", " ", "“", "—", "😀", "漢", "\n");
    fc.assert(
      fc.property(
        fc
          .array(char, { maxLength: 30 })
          .map((a) => a.join(""))
          .chain((text) => {
            const n = cps(text).length;
            const pos = fc.integer({ min: -1, max: n + 1 });
            const span = fc.record({ id: fc.integer({ min: 0, max: 12 }), start: pos, end: pos });
            return fc.tuple(fc.constant(text), fc.array(span, { maxLength: 8 }));
          }),
        ([text, spans]) => {
          const segs = segmentHighlights(text, spans);
          expect(segs).toEqual(reference(text, spans));
          expect(segs.map((s) => s.text).join("")).toBe(text);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("splitParagraphs and segmentParagraphs", () => {
  it("splits on newlines and blank lines, skipping whitespace-only lines", () => {
    const text = "First 😀 line\n\nSecond\r\n   \nThird";
    const paras = splitParagraphs(text);
    const chars = cps(text);
    expect(paras.map((p) => chars.slice(p.start, p.end).join(""))).toEqual(["First 😀 line", "Second", "Third"]);
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("\n\n")).toEqual([]);
  });

  it("splits a span that crosses a paragraph break into one segment per paragraph", () => {
    const text = "alpha beta\ngamma “delta”";
    const paras = segmentParagraphs(text, [
      { id: 1, start: 6, end: 16 },
      { id: 2, start: 17, end: 24 },
    ]);
    expect(paras.map((p) => view(p.segments))).toEqual([
      ["alpha |", "beta|1"],
      ["gamma|1", " |", "“delta”|2"],
    ]);
    expect(paras.map((p) => [p.start, p.end])).toEqual([
      [0, 10],
      [11, 24],
    ]);
  });

  it("keeps every paragraph's segments inside it and covering it", () => {
    const char = fc.constantFrom("a", " ", "😀", "漢", "\n", "\n\n");
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 25 }).map((a) => a.join("")),
        fc.array(fc.record({ id: fc.nat(5), start: fc.nat(30), end: fc.nat(30) }), { maxLength: 5 }),
        (text, spans) => {
          const chars = cps(text);
          for (const p of segmentParagraphs(text, spans)) {
            expect(p.segments.map((s) => s.text).join("")).toBe(chars.slice(p.start, p.end).join(""));
            expect(p.segments[0]?.start).toBe(p.start);
            expect(p.segments[p.segments.length - 1]?.end).toBe(p.end);
            for (const s of p.segments) {
              const covering = validateSpans(chars.length, spans).valid.filter((x) => x.start <= s.start && s.end <= x.end);
              expect([...s.ids].sort()).toEqual(covering.map((x) => x.id).sort());
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
