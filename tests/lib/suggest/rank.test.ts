import { describe, expect, it } from "vitest";
import { confidenceOf, groupOf, groupSuggestions, isFragment, rankSuggestions, suggestClaims } from "@/lib/suggest";

const item = (start: number, confidence: number, score: number) => ({ content: { start }, confidence, score });

describe("suggestion confidence, ranking and groups", () => {
  it("rates a named quotation above a pronoun's reported speech above a sourceless evidential", () => {
    const quote = confidenceOf({ kind: "direct-quote", via: "name", words: 12 });
    const reported = confidenceOf({ kind: "indirect", via: "antecedent", words: 12 });
    const evidential = confidenceOf({ kind: "other", via: "none", words: 12 });
    expect(quote).toBeGreaterThan(reported);
    expect(reported).toBeGreaterThan(evidential);
    expect([groupOf(quote), groupOf(evidential)]).toEqual(["high", "low"]);
    expect(confidenceOf({ kind: "indirect", via: "name", words: 3 })).toBeLessThan(confidenceOf({ kind: "indirect", via: "name", words: 10 }));
  });

  it("rank by confidence, then check-worthiness, then text order — not text order alone", () => {
    const ranked = rankSuggestions([item(0, 0.5, 0.9), item(10, 0.9, 0.2), item(20, 0.9, 0.6), item(30, 0.9, 0.6)]);
    expect(ranked.map((s) => s.content.start)).toEqual([20, 30, 10, 0]);
  });

  it("group ranked suggestions, leaving out empty groups", () => {
    const groups = groupSuggestions([item(0, 0.3, 0.5), item(10, 0.95, 0.5), item(20, 0.8, 0.9)]);
    expect(groups.map((g) => [g.group, g.items.map((s) => s.content.start)])).toEqual([
      ["high", [10, 20]],
      ["low", [0]],
    ]);
  });

  it("the engine rates a named speaker's quotation high and an unsourced 'reportedly' low", () => {
    const text = "“We closed 14 compounds,” Pen Bona said.\n\nThe mayor reportedly plans to sell the harbour for 40 million euros.";
    const found = suggestClaims(text);
    const quote = found.find((s) => s.kind === "direct-quote")!;
    expect(groupOf(quote.confidence)).toBe("high");
    for (const s of found) if (s !== quote) expect(s.confidence).toBeLessThan(quote.confidence);
  });

  it("call short contents and prepositional leftovers fragments, not clauses", () => {
    expect(isFragment("of Mrs. Clinton’s plan")).toBe(true);
    expect(isFragment("about the economy and jobs in Ohio")).toBe(true);
    expect(isFragment("the bill")).toBe(true);
    expect(isFragment("police had closed 14 scam compounds")).toBe(false);
    expect(isFragment("“Only you, Dinesh,”")).toBe(true);
    expect(isFragment("Amnesty’s report “exaggerated.”")).toBe(false);
  });
});
