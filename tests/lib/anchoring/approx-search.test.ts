import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { approxSearch, findMatchEnds, findMatchStart } from "@/lib/anchoring/approx-search";
import { boundedDistance, editDistance, similarity } from "@/lib/anchoring/edit-distance";
import { toCodePoints } from "@/lib/anchoring/prepared-text";

/** Textbook O(n·m) Levenshtein. */
function naiveDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Textbook semi-global DP: for each end j, the fewest edits of pattern to a substring ending at j. */
function naiveEnds(p: number[], t: number[], k: number): [number, number][] {
  let col = Array.from({ length: p.length + 1 }, (_, i) => i);
  const out: [number, number][] = [];
  for (let j = 1; j <= t.length; j++) {
    const next = [0];
    for (let i = 1; i <= p.length; i++) {
      next[i] = Math.min(col[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1), col[i]! + 1, next[i - 1]! + 1);
    }
    col = next;
    if (col[p.length]! <= k) out.push([j, col[p.length]!]);
  }
  return out;
}

const cpArr = (alphabet: string[], max: number, min = 0) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max, size: "max" }).map((a) => Array.from(toCodePoints(a.join(""))));

describe("edit distance", () => {
  it("matches the textbook DP, bounded and unbounded", () => {
    fc.assert(
      fc.property(cpArr(["a", "b", "c", "😀"], 40), cpArr(["a", "b", "c", "😀"], 40), fc.nat(45), (a, b, max) => {
        const d = naiveDistance(a, b);
        expect(editDistance(a, b)).toBe(d);
        expect(boundedDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("measures code points, so an emoji substitution is one edit", () => {
    expect(editDistance(toCodePoints("a😀b"), toCodePoints("a😃b"))).toBe(1);
    expect(similarity(toCodePoints(""), toCodePoints(""))).toBe(1);
    expect(similarity(toCodePoints("abcd"), toCodePoints("abxd"))).toBe(0.75);
  });
});

describe("Myers bit-parallel search", () => {
  it("reports exactly the ends and error counts of the textbook DP (patterns up to 3 blocks)", () => {
    fc.assert(
      fc.property(
        cpArr(["a", "b", "c", "d", " ", "😀"], 100, 1),
        cpArr(["a", "b", "c", "d", " ", "😀"], 300),
        fc.integer({ min: 0, max: 40 }),
        (p, t, k) => {
          const got: [number, number][] = [];
          findMatchEnds(p, t, 0, t.length, k, (end, errors) => got.push([end, errors]));
          expect(got).toEqual(naiveEnds(p, t, k));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is exact on a binary alphabet with long patterns and small k (stresses the block cut-off)", () => {
    fc.assert(
      fc.property(cpArr(["a", "b"], 130, 33), cpArr(["a", "b"], 400), fc.integer({ min: 0, max: 30 }), (p, t, k) => {
        const got: [number, number][] = [];
        findMatchEnds(p, t, 0, t.length, k, (end, errors) => got.push([end, errors]));
        expect(got).toEqual(naiveEnds(p, t, k));
      }),
      { numRuns: 300 },
    );
  });

  it("finds a start whose span has the reported number of errors", () => {
    fc.assert(
      fc.property(cpArr(["a", "b", "c", "😀"], 60, 1), cpArr(["a", "b", "c", "😀"], 150), fc.nat(20), (p, t, k) => {
        for (const m of approxSearch(p, t, k, { limit: 1000 })) {
          expect(m.errors).toBeLessThanOrEqual(k);
          expect(naiveDistance(p, t.slice(m.start, m.end))).toBe(m.errors);
          const best = findMatchStart(p, t, m.end, k);
          expect(best?.errors).toBe(m.errors);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds a corrected word inside a quote among decoys", () => {
    const text = toCodePoints("The minister said the budget was “balanced and fair” today; critics said “unbalanced”.");
    const quote = toCodePoints("“balanced and fiar”");
    const [best] = approxSearch(quote, text, 4);
    expect(best?.errors).toBe(2);
    expect(String.fromCodePoint(...text.subarray(best!.start, best!.end))).toBe("“balanced and fair”");
  });
});
