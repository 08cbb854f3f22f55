import { describe, expect, it } from "vitest";
import { codePointLength } from "@/lib/codepoints";
import { suggestClaims } from "@/lib/suggest";
import { at } from "./helpers";

describe("offsets are code points", () => {
  it("stays right after emoji and CJK outside the BMP", () => {
    // 😀 and 𠀋 take two UTF-16 units each but one code point.
    const text = "😀😀 𠀋 東京. The ministry said 40 clinics had closed. “We will reopen 12 of them,” the minister said.";
    const s = suggestClaims(text);
    expect(s.map((x) => at(text, x.content))).toEqual(["40 clinics had closed", "“We will reopen 12 of them,”"]);
    expect(at(text, s[0]!.source)).toBe("The ministry");
    expect(at(text, s[1]!.cue)).toBe("said");
    const q = s[0]!.quantities[0]!;
    expect(at(text, q)).toBe("40 clinics");
    const prefix = "😀😀 𠀋 東京. The ministry said ";
    expect(s[0]!.content.start).toBe(codePointLength(prefix));
    expect(s[0]!.content.start).toBeLessThan(prefix.length);
  });

  it("returns nothing for text without attributions", () => {
    expect(suggestClaims("")).toEqual([]);
    expect(suggestClaims("The sun rose over the bay.")).toEqual([]);
  });
});
