import { describe, expect, it } from "vitest";
import { all, createTestDb } from "../support/db";
import { contrastRatio, formatRatio, isReadableWithWhiteText, MIN_TEXT_CONTRAST, parseHex, relativeLuminance, whiteTextContrast } from "@/lib/contrast";

describe("relative luminance and contrast (WCAG 2.2)", () => {
  it("parses #rrggbb in either case and refuses anything else", () => {
    expect(parseHex("#1A7f37")).toEqual([0x1a, 0x7f, 0x37]);
    for (const bad of ["1a7f37", "#1a7f3", "#1a7f377", "#gg0000", "red", ""]) expect(() => parseHex(bad)).toThrow(TypeError);
  });

  it("gives black 0 and white 1", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
  });

  it("weights green most and blue least", () => {
    expect(relativeLuminance("#00ff00")).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance("#ff0000")).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance("#0000ff")).toBeCloseTo(0.0722, 4);
  });

  it("matches published reference ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // WebAIM's checker: #777777 on white is 4.47:1 (fails AA; 4.478 truncated), #767676 is 4.54:1 (the lightest grey that passes).
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#0000ff", "#ffffff")).toBeCloseTo(8.59, 2);
    expect(contrastRatio("#ff0000", "#ffffff")).toBeCloseTo(4, 2);
  });

  it("is symmetric", () => {
    expect(contrastRatio("#1a7f37", "#ffffff")).toBe(contrastRatio("#ffffff", "#1a7f37"));
  });
});

describe("white text on a badge colour", () => {
  it("passes dark colours and refuses light ones at exactly the 4.5:1 line", () => {
    expect(MIN_TEXT_CONTRAST).toBe(4.5);
    expect(isReadableWithWhiteText("#767676")).toBe(true);
    expect(isReadableWithWhiteText("#777777")).toBe(false);
    for (const light of ["#ffffff", "#ffff00", "#fde68a", "#ff0000", "#22c55e", "#f59e0b"]) expect(isReadableWithWhiteText(light), light).toBe(false);
    for (const dark of ["#000000", "#1b1f24", "#0b5cad", "#b3261e", "#7b3fa0"]) expect(isReadableWithWhiteText(dark), dark).toBe(true);
  });

  it("refuses malformed colours instead of throwing", () => {
    expect(isReadableWithWhiteText("#fff")).toBe(false);
    expect(isReadableWithWhiteText("navy")).toBe(false);
  });

  it("never formats a failing ratio as a pass", () => {
    expect(formatRatio(21)).toBe("21:1");
    expect(formatRatio(4.4999)).toBe("4.49:1");
    expect(formatRatio(whiteTextContrast("#777777"))).toBe("4.47:1");
  });

  it("passes every colour of the default scale the migrations ship", async () => {
    const db = await createTestDb();
    const colours = (await all(db, "SELECT key, colour FROM ratings")) as { key: string; colour: string }[];
    expect(colours.length).toBeGreaterThan(0);
    for (const { key, colour } of colours) expect(whiteTextContrast(colour), `${key} ${colour}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});
