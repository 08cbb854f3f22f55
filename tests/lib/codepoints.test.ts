import { describe, expect, it } from "vitest";
import { CodePointIndex, codePointLength, codePointSlice } from "@/lib/codepoints";

describe("code points", () => {
  it("counts astral characters once and BMP characters (curly quotes, dashes, CJK) once", () => {
    expect(codePointLength("“a”—b")).toBe(5);
    expect(codePointLength("柬埔寨")).toBe(3);
    expect(codePointLength("😀x")).toBe(2);
    expect("😀x".length).toBe(3);
    expect(codePointLength("")).toBe(0);
    // A lone surrogate counts as one code point, as the for…of iteration does.
    expect(codePointLength("\ud83d")).toBe([..."\ud83d"].length);
  });

  it("maps offsets both ways around emoji", () => {
    const text = "a😀b𠀀c";
    const index = new CodePointIndex(text);
    expect(index.length).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((cp) => index.toUtf16(cp))).toEqual([0, 1, 3, 4, 6, 7]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => index.toCodePoint(i))).toEqual([0, 1, 1, 2, 3, 3, 4, 5]);
    expect(index.slice(1, 4)).toBe("😀b𠀀");
    expect(codePointSlice(text, 3, 5)).toBe("𠀀c");
    expect(() => index.toUtf16(6)).toThrow(RangeError);
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
  });

  it("agrees with Array.from on random strings", () => {
    const alphabet = ["a", " ", "“", "—", "柬", "😀", "𠀀", "é"];
    for (let n = 0; n < 200; n++) {
      const chars = Array.from({ length: n % 23 }, (_, i) => alphabet[(i * 7 + n) % alphabet.length]!);
      const text = chars.join("");
      const index = new CodePointIndex(text);
      expect(index.length).toBe(chars.length);
      const s = n % (chars.length + 1);
      expect(index.slice(s, chars.length)).toBe(chars.slice(s).join(""));
    }
  });
});
