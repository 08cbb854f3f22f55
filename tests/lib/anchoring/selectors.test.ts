import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  AnchorRangeError,
  anchorMatches,
  createAnchor,
  describeAnchorMismatch,
  selectionToAnchor,
} from "@/lib/anchoring";
import { CodePointIndex } from "@/lib/codepoints";

describe("createAnchor", () => {
  it("takes exact, prefix and suffix in code points around emoji, CJK, curly quotes and em dashes", () => {
    const text = "😀😀 “漢字” — said 🎉 she";
    // code points: 😀 😀 ␠ “ 漢 字 ” ␠ — ␠ s a i d ␠ 🎉 ␠ s h e
    const a = createAnchor(text, 3, 7, 3);
    expect(a).toEqual({ exact: "“漢字”", prefix: "😀😀 ", suffix: " — ", start: 3, end: 7 });
    const b = createAnchor(text, 15, 16, 2);
    expect(b).toEqual({ exact: "🎉", prefix: "d ", suffix: " s", start: 15, end: 16 });
  });

  it("clips the context at the start and the end of the text", () => {
    expect(createAnchor("abc", 0, 3)).toEqual({ exact: "abc", prefix: "", suffix: "", start: 0, end: 3 });
    const a = createAnchor("x".repeat(40) + "QUOTE" + "y".repeat(40), 40, 45);
    expect(a.prefix).toBe("x".repeat(32));
    expect(a.suffix).toBe("y".repeat(32));
  });

  it("throws AnchorRangeError for empty, reversed, fractional or out-of-range spans", () => {
    for (const [s, e] of [
      [2, 2],
      [3, 1],
      [-1, 2],
      [0, 4],
      [0.5, 2],
    ] as const) {
      expect(() => createAnchor("a😀c", s, e)).toThrow(AnchorRangeError);
    }
    try {
      createAnchor("abc", 1, 9);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect((e as AnchorRangeError).length).toBe(3);
      expect((e as Error).name).toBe("AnchorRangeError");
    }
  });

  it("round-trips: the context and quote rebuild the text around the span", () => {
    const char = fc.constantFrom("a", " ", "😀", "漢", "—", "“");
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 40 }),
        (chars, x, y, ctx) => {
          const n = chars.length;
          const start = x % n;
          const end = start + 1 + (y % (n - start));
          const text = chars.join("");
          const a = createAnchor(text, start, end, ctx);
          expect(a.exact).toBe(chars.slice(start, end).join(""));
          expect(a.prefix).toBe(chars.slice(Math.max(0, start - ctx), start).join(""));
          expect(a.suffix).toBe(chars.slice(end, end + ctx).join(""));
          expect(anchorMatches(text, a)).toBe(true);
        },
      ),
    );
  });
});

describe("anchorMatches and describeAnchorMismatch", () => {
  const text = "The “quick” 🦊 jumps";
  const a = createAnchor(text, 4, 11);

  it("accepts the anchor on its own text and rejects it when the text moved", () => {
    expect(a.exact).toBe("“quick”");
    expect(anchorMatches(text, a)).toBe(true);
    expect(describeAnchorMismatch(text, a)).toBeNull();
    const moved = "A 🦊: " + text;
    expect(anchorMatches(moved, a)).toBe(false);
    expect(describeAnchorMismatch(moved, a)).toMatch(/expected "“quick”" at 4..11, found/);
    expect(anchorMatches(new CodePointIndex(text), a)).toBe(true);
  });

  it("rejects out-of-range anchors without throwing", () => {
    expect(anchorMatches("short", { ...a, start: 2, end: 40 })).toBe(false);
    expect(describeAnchorMismatch("short", { ...a, start: 2, end: 40 })).toMatch(/outside the text/);
  });
});

describe("selectionToAnchor", () => {
  it("converts UTF-16 selection offsets to code points", () => {
    const text = "😀 says “hi” 漢";
    const at = text.indexOf("“hi”");
    const a = selectionToAnchor(text, at, at + "“hi”".length);
    expect(a.exact).toBe("“hi”");
    expect(a.start).toBe(7); // 😀 is one code point
    expect(a.end).toBe(11);
  });

  it("accepts a backwards selection and widens a split surrogate pair", () => {
    const text = "ab😀cd";
    expect(selectionToAnchor(text, 4, 1).exact).toBe("b😀");
    expect(selectionToAnchor(text, 3, 4).exact).toBe("😀"); // starts inside the pair
    expect(selectionToAnchor(text, 1, 3).exact).toBe("b😀"); // ends inside the pair
    expect(() => selectionToAnchor(text, 2, 2)).toThrow(AnchorRangeError);
    expect(() => selectionToAnchor(text, 0, 99)).toThrow(AnchorRangeError);
  });
});
