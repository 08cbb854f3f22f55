import { describe, expect, it } from "vitest";
import { type DiffPart, diffParagraphs, diffStats, splitParagraphs } from "@/lib/paragraph-diff";

const text = (...paragraphs: string[]) => paragraphs.join("\n\n");
const ops = (parts: DiffPart[]) => parts.map((p) => `${p.op === "same" ? " " : p.op === "added" ? "+" : "-"}${p.text}`);

/** Applying the diff must give back both texts: same+removed is the old one, same+added the new. */
function expectConsistent(before: string, after: string, parts: DiffPart[]) {
  expect(parts.filter((p) => p.op !== "added").map((p) => p.text)).toEqual(splitParagraphs(before));
  expect(parts.filter((p) => p.op !== "removed").map((p) => p.text)).toEqual(splitParagraphs(after));
}

describe("splitParagraphs", () => {
  it("splits at blank lines, keeps line breaks inside a paragraph, drops empty paragraphs", () => {
    expect(splitParagraphs("One\nstill one\n\nTwo\n\n\n\nThree\n")).toEqual(["One\nstill one", "Two", "Three"]);
    expect(splitParagraphs("a\r\n\r\nb")).toEqual(["a", "b"]);
    expect(splitParagraphs("a\n  \nb")).toEqual(["a", "b"]);
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("\n\n  \n\n")).toEqual([]);
  });
});

describe("diffParagraphs", () => {
  it("reports nothing changed for identical texts", () => {
    const t = text("A", "B", "C");
    expect(ops(diffParagraphs(t, t))).toEqual([" A", " B", " C"]);
  });

  it("shows an inserted paragraph as added, in place", () => {
    const before = text("A", "B", "C");
    const after = text("A", "B", "New", "C");
    const parts = diffParagraphs(before, after);
    expect(ops(parts)).toEqual([" A", " B", "+New", " C"]);
    expectConsistent(before, after, parts);
  });

  it("shows a deleted paragraph as removed, in place", () => {
    const parts = diffParagraphs(text("A", "B", "C"), text("A", "C"));
    expect(ops(parts)).toEqual([" A", "-B", " C"]);
  });

  it("shows an edited paragraph as the old wording removed then the new added", () => {
    const parts = diffParagraphs(text("A", "The minister said 10.", "C"), text("A", "The minister said 12.", "C"));
    expect(ops(parts)).toEqual([" A", "-The minister said 10.", "+The minister said 12.", " C"]);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 1, same: 2 });
  });

  it("handles empty texts on either side", () => {
    expect(ops(diffParagraphs("", text("A", "B")))).toEqual(["+A", "+B"]);
    expect(ops(diffParagraphs(text("A", "B"), ""))).toEqual(["-A", "-B"]);
    expect(diffParagraphs("", "")).toEqual([]);
  });

  it("finds the common paragraphs among scattered changes (a longest common subsequence)", () => {
    const before = text("A", "B", "C", "D", "E", "F");
    const after = text("X", "B", "C", "Y", "E", "F", "Z");
    const parts = diffParagraphs(before, after);
    expect(parts.filter((p) => p.op === "same").map((p) => p.text)).toEqual(["B", "C", "E", "F"]);
    expectConsistent(before, after, parts);
  });

  it("treats moved paragraphs as removed in one place and added in another", () => {
    const before = text("A", "B", "C");
    const after = text("C", "A", "B");
    const parts = diffParagraphs(before, after);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 1, same: 2 });
    expectConsistent(before, after, parts);
  });

  it("keeps repeated identical paragraphs apart", () => {
    const before = text("—", "A", "—", "B");
    const after = text("—", "A", "—", "—", "B");
    const parts = diffParagraphs(before, after);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 0, same: 4 });
    expectConsistent(before, after, parts);
  });

  it("falls back to removed-then-added when the changed middle is too large, keeping the common head and tail", () => {
    const before = text("Head", "a1", "a2", "a3", "Tail");
    const after = text("Head", "b1", "a2", "b3", "Tail");
    const parts = diffParagraphs(before, after, 4);
    expect(ops(parts)).toEqual([" Head", "-a1", "-a2", "-a3", "+b1", "+a2", "+b3", " Tail"]);
    expectConsistent(before, after, parts);
    // With room for the table, the shared middle paragraph is found.
    expect(diffStats(diffParagraphs(before, after)).same).toBe(3);
  });

  it("stays consistent on many random edits", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 100; round++) {
      const a = Array.from({ length: rand(12) }, () => `p${rand(6)}`);
      const b = a.filter(() => rand(4) !== 0);
      for (let k = rand(4); k > 0; k--) b.splice(rand(b.length + 1), 0, `n${rand(6)}`);
      const parts = diffParagraphs(text(...a), text(...b));
      expectConsistent(text(...a), text(...b), parts);
    }
  });
});
