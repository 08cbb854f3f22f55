import { describe, it, expect } from "vitest";
import { createAnchor, reanchor, reanchorAll, type ReanchorResult, type TextAnchor } from "@/lib/anchoring";
import { PreparedText } from "@/lib/anchoring/prepared-text";
import { chars } from "./edits";

/** Anchor on the n-th (0-based) occurrence of `quote` in `text`. */
function anchorOn(text: string, quote: string, n = 0): TextAnchor {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" not in text`);
  const start = chars(text.slice(0, at)).length;
  return createAnchor(text, start, start + chars(quote).length);
}

/** The text of an anchored result, or its status. */
function found(text: string, r: ReanchorResult): string {
  return r.status === "anchored" ? chars(text).slice(r.start, r.end).join("") : r.status;
}

const ARTICLE = [
  "😀 Officials in 東京 said on Monday that the “new policy” — announced in March — was working.",
  "Critics disagreed: “the new policy is failing,” said one analyst 🎉, citing 漢字 reports.",
  "The minister replied that the new policy was “balanced and fair” and would stay.",
].join("\n");

describe("reanchor", () => {
  it("keeps a quote that has not moved (position), after emoji and CJK", () => {
    const a = anchorOn(ARTICLE, "“balanced and fair”");
    const r = reanchor(ARTICLE, a);
    expect(r).toMatchObject({ status: "anchored", method: "position", start: a.start, end: a.end, errors: 0, score: 1 });
  });

  it("follows a quote moved by an insertion with astral characters before it (exact)", () => {
    const a = anchorOn(ARTICLE, "“new policy” — announced");
    const inserted = "🦊🦊 Update: 𠀋 corrected.\n"; // 24 code points, 26 UTF-16 units
    const revised = inserted + ARTICLE;
    const r = reanchor(revised, a);
    expect(r).toMatchObject({ status: "anchored", method: "exact", start: a.start + 24 });
    expect(found(revised, r)).toBe("“new policy” — announced");
    if (r.status === "anchored") expect(r.anchor).toEqual(createAnchor(revised, r.start, r.end));
  });

  it("handles quotes at the very start and end of the text", () => {
    const first = anchorOn(ARTICLE, "😀 Officials");
    const last = anchorOn(ARTICLE, "would stay.");
    const revised = "Preface.\n" + ARTICLE + "\nAppendix.";
    expect(found(revised, reanchor(revised, first))).toBe("😀 Officials");
    expect(found(revised, reanchor(revised, last))).toBe("would stay.");
    const trimmed = ARTICLE.slice(ARTICLE.indexOf("Officials"));
    expect(found(trimmed, reanchor(trimmed, anchorOn(ARTICLE, "Officials in 東京")))).toBe("Officials in 東京");
  });

  it("chooses among repeated quotes by context, not by the first or the nearest", () => {
    const a = anchorOn(ARTICLE, "the new policy", 1); // the minister's
    const revised = ARTICLE.replace("Critics disagreed", "Critics, and there were many, disagreed");
    const r = reanchor(revised, a);
    expect(r.status === "anchored" && chars(revised).slice(r.start - 20, r.start).join("")).toBe("e minister replied that ".slice(-20));
  });

  it("is not fooled by another occurrence shifted onto the old position", () => {
    const text = "x beta y beta z";
    const a = createAnchor(text, 9, 13); // the second "beta"
    const revised = "QQQQQQ " + text; // the first "beta" now sits at 9..13
    expect(chars(revised).slice(9, 13).join("")).toBe("beta");
    expect(reanchor(revised, a)).toMatchObject({ status: "anchored", start: 16, method: "exact" });
    expect(reanchorAll(text, revised, [a])[0]).toMatchObject({ status: "anchored", start: 16 });
  });

  it("re-anchors fuzzily onto a corrected word, snapped to whole words", () => {
    const text = "A task force led by the prime minister was formed in Janaury to fight the gangs.";
    const a = anchorOn(text, "was formed in Janaury to fight");
    const fixed = text.replace("Janaury", "January");
    const r = reanchor(fixed, a);
    expect(r).toMatchObject({ status: "anchored", method: "fuzzy", errors: 2 });
    expect(found(fixed, r)).toBe("was formed in January to fight");
    const changed = text.replace("Janaury", "February");
    expect(found(changed, reanchor(changed, a))).toBe("was formed in February to fight");
  });

  it("keeps closing quotation marks and em dashes when a word inside the quote changes", () => {
    const a = anchorOn(ARTICLE, "“balanced and fair”");
    const revised = ARTICLE.replace("balanced and fair", "balanced and fare");
    expect(found(revised, reanchor(revised, a))).toBe("“balanced and fare”");
    const b = anchorOn(ARTICLE, "announced in March — was working");
    const revised2 = ARTICLE.replace("in March —", "in May —");
    expect(found(revised2, reanchor(revised2, b))).toBe("announced in May — was working");
  });

  it("orphans a deleted quote even when similar words remain elsewhere in other surroundings", () => {
    const a = anchorOn(ARTICLE, "“the new policy is failing,”");
    const revised = ARTICLE.replace("Critics disagreed: “the new policy is failing,” said one analyst 🎉, citing 漢字 reports.\n", "");
    const r = reanchor(revised, a);
    expect(r.status).toBe("orphan");
    expect(r.status === "orphan" && r.reason).toMatch(/does not occur/);
    // "the new policy was" still exists: close in spelling (within 25 %), but not in context.
    const b = anchorOn(ARTICLE, "the new policy is");
    const revised2 = ARTICLE.replace("“the new policy is failing,” said", "said");
    expect(reanchor(revised2, b).status).toBe("orphan");
  });

  it("orphans an empty or too-short quote that is gone", () => {
    expect(reanchor("abc", { exact: "", prefix: "", suffix: "", start: 0, end: 0 }).status).toBe("orphan");
    const a = createAnchor("one 漢 two", 4, 5);
    const r = reanchor("one 字 two", a);
    expect(r.status === "orphan" && r.reason).toMatch(/too short/);
  });

  it("scores a pick whose context contradicts the anchor below 0.78", () => {
    const a = anchorOn("aaa QUOTE bbb", "QUOTE");
    const r = reanchor("zzzzzzzzzzzzz\nQUOTE\nyyyyyyyyyyyy", a);
    expect(r).toMatchObject({ status: "anchored", method: "exact" });
    expect(r.status === "anchored" && r.score).toBeLessThan(0.78);
  });

  it("accepts a PreparedText and handles quotes with thousands of occurrences", () => {
    const text = Array.from({ length: 3000 }, (_, i) => `the cat ${i % 7 === 0 ? "sat" : "ran"}.`).join(" ");
    const a = anchorOn(text, "the", 2500);
    const doc = new PreparedText("intro. " + text);
    const r = reanchor(doc, a);
    expect(r).toMatchObject({ status: "anchored", start: a.start + 7 });
  });
});

describe("reanchorAll", () => {
  it("re-anchors every claim of a revision and keeps the input order", () => {
    const quotes = ["“new policy”", "“the new policy is failing,”", "“balanced and fair”", "漢字 reports", "🎉"];
    const anchors = quotes.map((q) => anchorOn(ARTICLE, q));
    const revised = ("New first paragraph 🦊.\n" + ARTICLE)
      .replace("“the new policy is failing,” said one analyst", "said one analyst")
      .replace("balanced and fair", "balanced and fare");
    const rs = reanchorAll(ARTICLE, revised, anchors);
    expect(rs.map((r) => found(revised, r))).toEqual(["“new policy”", "orphan", "“balanced and fare”", "漢字 reports", "🎉"]);
    expect(rs.map((r) => (r.status === "anchored" ? r.method : "-"))).toEqual(["position", "-", "fuzzy", "position", "position"]);
  });

  it("searches for a stale anchor that does not match the old text", () => {
    const stale: TextAnchor = { ...anchorOn(ARTICLE, "“balanced and fair”"), start: 3, end: 22 };
    const r = reanchorAll(ARTICLE, ARTICLE, [stale])[0]!;
    expect(found(ARTICLE, r)).toBe("“balanced and fair”");
  });

  it("follows paragraphs that were reordered", () => {
    const paras = ARTICLE.split("\n");
    const revised = [paras[2], paras[0], paras[1]].join("\n");
    const quotes = ["“balanced and fair”", "the “new policy”", "one analyst 🎉"];
    const rs = reanchorAll(ARTICLE, revised, quotes.map((q) => anchorOn(ARTICLE, q)));
    expect(rs.map((r) => found(revised, r))).toEqual(quotes);
  });
});
