import { describe, expect, it } from "vitest";
import { diffWords, MAX_WORD_LCS_CELLS, tokenize, type WordDiffPart, wordDiffStats } from "@/lib/word-diff";

const side = (parts: WordDiffPart[], op: "added" | "removed") => parts.filter((p) => p.op === "same" || p.op === op).map((p) => p.text).join("");

/** Every diff must rebuild both texts exactly. */
function check(before: string, after: string): WordDiffPart[] {
  const parts = diffWords(before, after);
  expect(side(parts, "removed")).toBe(before);
  expect(side(parts, "added")).toBe(after);
  for (let k = 1; k < parts.length; k++) expect(parts[k]!.op === "same" && parts[k - 1]!.op === "same").toBe(false);
  return parts;
}

describe("tokenize", () => {
  it("splits words, whitespace runs and punctuation, and loses nothing", () => {
    expect(tokenize("It said “53 scam centers,” didn’t it?")).toEqual(["It", " ", "said", " ", "“", "53", " ", "scam", " ", "centers", ",", "”", " ", "didn’t", " ", "it", "?"]);
    expect(tokenize("well-known  \n🌉x")).toEqual(["well-known", "  \n", "🌉", "x"]);
    const text = "Ça va? Ünïcödé — e\u0301 ok… 'quoted' _x_ 12.5%";
    expect(tokenize(text).join("")).toBe(text);
  });
});

describe("diffWords", () => {
  it("returns one unchanged part for equal texts and nothing for two empty ones", () => {
    expect(diffWords("same text", "same text")).toEqual([{ op: "same", text: "same text" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("marks a replaced word", () => {
    expect(check("it identified 53 scam centers", "it identified 54 scam centers")).toEqual([
      { op: "same", text: "it identified " },
      { op: "removed", text: "53" },
      { op: "added", text: "54" },
      { op: "same", text: " scam centers" },
    ]);
  });

  it("marks inserted and deleted words", () => {
    expect(check("The bridge opens in May", "The new bridge opens in May")).toEqual([
      { op: "same", text: "The " },
      { op: "added", text: "new " },
      { op: "same", text: "bridge opens in May" },
    ]);
    expect(check("The bridge opens in May 2025.", "The bridge opens.")).toEqual([
      { op: "same", text: "The bridge opens" },
      { op: "removed", text: " in May 2025" },
      { op: "same", text: "." },
    ]);
  });

  it("keeps punctuation apart from the words it touches", () => {
    expect(check("Amnesty said so.", "Amnesty said so!")).toEqual([
      { op: "same", text: "Amnesty said so" },
      { op: "removed", text: "." },
      { op: "added", text: "!" },
    ]);
  });

  it("joins neighbouring changes separated only by a space into one replacement", () => {
    expect(check("alpha beta gamma delta", "alpha one two delta")).toEqual([
      { op: "same", text: "alpha " },
      { op: "removed", text: "beta gamma" },
      { op: "added", text: "one two" },
      { op: "same", text: " delta" },
    ]);
  });

  it("handles texts made from nothing and texts emptied", () => {
    expect(check("", "All new")).toEqual([{ op: "added", text: "All new" }]);
    expect(check("All gone", "")).toEqual([{ op: "removed", text: "All gone" }]);
  });

  it("handles astral characters and accents", () => {
    check("The 🌉 opens", "The 🌁 opens");
    check("café résumé", "cafe résumé");
  });

  it("rebuilds both texts for many random edits", () => {
    const words = ["a", "b", "c", " ", "  ", ".", ",", "claim", "source", "\n"];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = () => Array.from({ length: rnd(25) }, () => words[rnd(words.length)]).join("");
    for (let k = 0; k < 300; k++) check(text(), text());
  });

  it("falls back to delete-then-insert when the changed middle is too large, still exact", () => {
    const n = Math.ceil(Math.sqrt(MAX_WORD_LCS_CELLS)) + 10;
    const before = `Start ${Array.from({ length: n }, (_, i) => `w${i}`).join(" ")} end`;
    const after = `Start ${Array.from({ length: n }, (_, i) => `v${i}`).join(" ")} end`;
    const parts = check(before, after);
    expect(parts.map((p) => p.op)).toEqual(["same", "removed", "added", "same"]);
  });
});

describe("wordDiffStats", () => {
  it("counts inserted and deleted words, not spaces or punctuation", () => {
    expect(wordDiffStats(diffWords("one two three.", "one four five six!"))).toEqual({ added: 3, removed: 2 });
  });
});
