import { describe, expect, it } from "vitest";
import { extractNumbers } from "@/lib/numbers";
import { MARK_CLOSE, MARK_OPEN, matchExpression, MAX_QUERY_TERMS, parseSearchQuery, phraseExpression, toSegments } from "@/lib/search-query";

describe("the search box's words → an FTS5 expression", () => {
  it("quotes every word, keeps phrases and trailing prefixes", () => {
    const terms = parseSearchQuery('"scam centers" Cambodia cam* a*b NEAR( text:x -y ^z OR');
    expect(matchExpression(terms)).toBe('"scam centers" "cambodia" "cam"* "a" "b" "near" "text" "x" "y" "z" "or"');
    expect(matchExpression(parseSearchQuery("one two"), "any")).toBe('"one" "two"'.replace(" ", " OR "));
    expect(phraseExpression(parseSearchQuery("scam centers in cambodia"))).toBe('"scam centers in cambodia"');
    expect(phraseExpression(parseSearchQuery("cambodia"))).toBeNull();
  });

  it("finds nothing searchable in punctuation, quotes or emoji", () => {
    for (const q of ['"', '""', "***", "😀 🇰🇭", "", "  ", "- ( ) :"]) expect(matchExpression(parseSearchQuery(q)), q).toBeNull();
  });

  it("caps the number of words and refuses one-letter prefixes", () => {
    expect(parseSearchQuery("w ".repeat(500)).flatMap((t) => t.words)).toHaveLength(MAX_QUERY_TERMS);
    expect(parseSearchQuery("c*")[0]).toEqual({ words: ["c"], prefix: false });
  });

  it("cuts a snippet into marked segments", () => {
    expect(toSegments(`\n…the ${MARK_OPEN}scam${MARK_CLOSE} and ${MARK_OPEN}centers${MARK_CLOSE}\n`)).toEqual([
      { text: "…the ", match: false },
      { text: "scam", match: true },
      { text: " and ", match: false },
      { text: "centers", match: true },
    ]);
  });
});

describe("figures in claims", () => {
  it.each([
    ["Amnesty identified 53 scam centers", [53]],
    ["fifty-three centres", [53]],
    ["as many as 100,000 people", [100_000]],
    ["US$12.5 billion a year", [12_500_000_000]],
    ["$3m and 4.5bn", [3_000_000, 4_500_000_000]],
    ["two hundred and fifty thousand workers", [250_000]],
    ["a dozen raids", [12]],
    ["no figures here", []],
  ])("%s", (text, numbers) => expect(extractNumbers(text)).toEqual(numbers));
});
