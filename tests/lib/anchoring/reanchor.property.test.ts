import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createAnchor, maxErrorsFor, reanchor, reanchorAll, type ReanchorResult, type TextAnchor } from "@/lib/anchoring";
import {
  ambiguousInsertion,
  ambiguousText,
  bestSubstringDistance,
  canonicalMap,
  chars,
  editSpec,
  lev,
  makeEdit,
  pickSpan,
  pickWordSpan,
  refContext,
  replace,
  uniqueInsertion,
  uniqueText,
} from "./edits";

// ANCHOR_PROPERTY_RUNS raises the run count for a deeper local check.
const RUNS = Number(process.env.ANCHOR_PROPERTY_RUNS ?? 300);

/** Never attached to wrong text: exact methods sit on the quote, fuzzy ones within the bound. */
function expectSound(newText: string, anchor: TextAnchor, r: ReanchorResult) {
  if (r.status === "orphan") return;
  const t = chars(newText);
  const found = t.slice(r.start, r.end);
  if (r.method === "fuzzy") {
    expect(lev(chars(anchor.exact), found)).toBe(r.errors);
    expect(r.errors).toBeLessThanOrEqual(maxErrorsFor(chars(anchor.exact).length));
  } else {
    expect(found.join("")).toBe(anchor.exact);
    expect(r.errors).toBe(0);
  }
  expect(r.anchor).toEqual(createAnchor(newText, r.start, r.end));
  expect(r.score).toBeGreaterThan(0);
  expect(r.score).toBeLessThanOrEqual(1);
}

const scenario = (text: fc.Arbitrary<string>, ins: fc.Arbitrary<string>) =>
  fc.record({ text, x: fc.nat(100_000), y: fc.nat(100_000), edit: editSpec(ins) });

function setUp({ text, x, y, edit }: { text: string; x: number; y: number; edit: Parameters<typeof makeEdit>[3] }) {
  const n = chars(text).length;
  const [s, e] = pickSpan(n, x, y);
  const anchor = createAnchor(text, s, e);
  const applied = makeEdit(text, s, e, edit);
  return { s, e, anchor, applied, tracked: applied.track(s, e) };
}

describe("re-anchoring properties", () => {
  it("never attaches a claim to wrong text (reanchor and reanchorAll, every kind of edit)", () => {
    for (const [text, ins] of [
      [ambiguousText, ambiguousInsertion],
      [uniqueText, uniqueInsertion],
    ] as const) {
      fc.assert(
        fc.property(scenario(text, ins), (sc) => {
          const { anchor, applied } = setUp(sc);
          expectSound(applied.newText, anchor, reanchorAll(sc.text, applied.newText, [anchor])[0]!);
          expectSound(applied.newText, anchor, reanchor(applied.newText, anchor));
        }),
        { numRuns: RUNS },
      );
    }
  });

  it("re-finds the very occurrence that moved when the edit did not touch the quote (distinct words)", () => {
    let moved = 0;
    fc.assert(
      fc.property(scenario(uniqueText, uniqueInsertion), (sc) => {
        // Whole words of a text whose words are all distinct: the quote occurs once, so "the same
        // occurrence" is well defined whatever the edit did to its context.
        const span = pickWordSpan(sc.text, sc.x, sc.y);
        fc.pre(span !== null);
        const [s, e] = span!;
        const anchor = createAnchor(sc.text, s, e);
        const applied = makeEdit(sc.text, s, e, sc.edit);
        const tracked = applied.track(s, e);
        fc.pre(tracked !== null);
        if (tracked !== s) moved++;
        for (const r of [reanchorAll(sc.text, applied.newText, [anchor])[0]!, reanchor(applied.newText, anchor)]) {
          expect(r).toMatchObject({ status: "anchored", start: tracked, end: tracked! + (e - s), errors: 0 });
          expect(r.status === "anchored" && r.method).not.toBe("fuzzy");
        }
      }),
      { numRuns: RUNS },
    );
    expect(moved).toBeGreaterThan(RUNS / 10);
  });

  it("with repeated words, stays on the moved occurrence unless another one fits the context at least as well", () => {
    let strict = 0;
    fc.assert(
      fc.property(scenario(ambiguousText, ambiguousInsertion), (sc) => {
        const { s, e, anchor, applied, tracked } = setUp(sc);
        fc.pre(tracked !== null);
        const t = chars(applied.newText);
        const m = e - s;
        const trackedContext = refContext(t, tracked!, tracked! + m, anchor.prefix, anchor.suffix);
        for (const r of [reanchorAll(sc.text, applied.newText, [anchor])[0]!, reanchor(applied.newText, anchor)]) {
          expect(r.status).toBe("anchored");
          if (r.status !== "anchored") continue;
          expect(r.method).not.toBe("fuzzy");
          expect(t.slice(r.start, r.end).join("")).toBe(anchor.exact);
          if (r.start === tracked || r.start === canonicalMap(chars(sc.text), t, s, e)) {
            strict++;
            continue;
          }
          // Another occurrence: its context must be as good, give or take the position weight (2/40).
          expect(refContext(t, r.start, r.end, anchor.prefix, anchor.suffix)).toBeGreaterThanOrEqual(trackedContext - 0.05 - 1e-9);
        }
      }),
      { numRuns: RUNS },
    );
    expect(strict).toBeGreaterThan(0);
  });

  it("is not fooled when an insertion shifts another occurrence of the quote onto the old position", () => {
    let decoys = 0;
    fc.assert(
      fc.property(ambiguousText, fc.nat(100_000), fc.nat(100_000), fc.nat(100_000), (text, x, y, z) => {
        const t = chars(text);
        const [s, e] = pickSpan(t.length, x, y, 12);
        const exact = t.slice(s, e).join("");
        // Earlier occurrences of the quote at least one context length back.
        const earlier = [];
        for (let i = 0; i + (e - s) <= s - 32; i++) if (t.slice(i, i + (e - s)).join("") === exact) earlier.push(i);
        fc.pre(earlier.length > 0);
        const decoy = earlier[z % earlier.length]!;
        const shift = s - decoy;
        // Insert `shift` characters at the very start: the decoy now sits exactly at [s, e).
        const newText = "Z".repeat(shift) + text;
        const nt = chars(newText);
        expect(nt.slice(s, e).join("")).toBe(exact);
        const anchor = createAnchor(text, s, e);
        const tracked = s + shift;
        const trackedContext = refContext(nt, tracked, tracked + (e - s), anchor.prefix, anchor.suffix);
        for (const r of [reanchorAll(text, newText, [anchor])[0]!, reanchor(newText, anchor)]) {
          expect(r.status).toBe("anchored");
          if (r.status !== "anchored" || r.start === tracked) continue;
          decoys++;
          expect(refContext(nt, r.start, r.end, anchor.prefix, anchor.suffix)).toBeGreaterThanOrEqual(trackedContext - 0.05 - 1e-9);
        }
      }),
      { numRuns: RUNS },
    );
    expect(decoys).toBeLessThan(RUNS / 20);
  });

  it("orphans a claim whose quote was deleted and has no approximate match left", () => {
    for (const [text, ins] of [
      [ambiguousText, ambiguousInsertion],
      [uniqueText, uniqueInsertion],
    ] as const) {
      fc.assert(
        fc.property(scenario(text, ins), fc.nat(3), (sc, slack) => {
          const n = chars(sc.text).length;
          const [s, e] = pickSpan(n, sc.x, sc.y);
          const anchor = createAnchor(sc.text, s, e);
          const applied = replace(sc.text, Math.max(0, s - slack), e - Math.max(0, s - slack) + slack, sc.edit.ins);
          const exact = chars(anchor.exact);
          fc.pre(bestSubstringDistance(exact, chars(applied.newText)) > maxErrorsFor(exact.length));
          expect(reanchorAll(sc.text, applied.newText, [anchor])[0]!.status).toBe("orphan");
          expect(reanchor(applied.newText, anchor).status).toBe("orphan");
        }),
        { numRuns: RUNS },
      );
    }
  });

  it("follows a quote edited inside (typo fixed, word changed) onto the corrected words", () => {
    fc.assert(
      fc.property(uniqueText, fc.nat(100_000), fc.nat(100_000), fc.nat(100_000), fc.nat(3), fc.string({ maxLength: 3 }), (text, x, y, z, del, ins) => {
        const n = chars(text).length;
        const [s, e] = pickSpan(n, x, y, 40);
        fc.pre(e - s >= 8);
        const at = s + 1 + (z % (e - s - 2));
        const d = Math.min(del, e - 1 - at);
        const anchor = createAnchor(text, s, e);
        const applied = replace(text, at, d, ins);
        const newEnd = e - d + chars(ins).length;
        const t = chars(applied.newText);
        fc.pre(lev(chars(anchor.exact), t.slice(s, newEnd)) <= maxErrorsFor(e - s));
        for (const r of [reanchorAll(text, applied.newText, [anchor])[0]!, reanchor(applied.newText, anchor)]) {
          expect(r.status).toBe("anchored");
          if (r.status !== "anchored") continue;
          const overlap = Math.min(r.end, newEnd) - Math.max(r.start, s);
          expect(overlap).toBeGreaterThanOrEqual(0.5 * Math.max(r.end - r.start, newEnd - s));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("re-anchors many claims of one revision consistently with one-at-a-time calls", () => {
    fc.assert(
      fc.property(ambiguousText, fc.array(fc.tuple(fc.nat(100_000), fc.nat(100_000)), { minLength: 1, maxLength: 8 }), editSpec(ambiguousInsertion), (text, picks, spec) => {
        const n = chars(text).length;
        const anchors = picks.map(([x, y]) => createAnchor(text, ...pickSpan(n, x, y)));
        const applied = makeEdit(text, anchors[0]!.start, anchors[0]!.end, spec);
        const all = reanchorAll(text, applied.newText, anchors);
        expect(all).toHaveLength(anchors.length);
        all.forEach((r, i) => {
          expectSound(applied.newText, anchors[i]!, r);
          const alone = reanchorAll(text, applied.newText, [anchors[i]!])[0];
          expect(r).toEqual(alone);
        });
      }),
      { numRuns: 150 },
    );
  });
});
