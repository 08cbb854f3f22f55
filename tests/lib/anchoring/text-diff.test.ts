import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { toCodePoints } from "@/lib/anchoring/prepared-text";
import { diffCodePoints, PositionMap } from "@/lib/anchoring/text-diff";
import { ambiguousInsertion, ambiguousText, chars, editSpec, makeEdit, pickSpan } from "./edits";

describe("diffCodePoints and PositionMap", () => {
  it("only pairs equal characters, in order, and maps spans inside a run onto equal text", () => {
    fc.assert(
      fc.property(ambiguousText, fc.nat(100_000), fc.nat(100_000), editSpec(ambiguousInsertion), (text, x, y, spec) => {
        const n = chars(text).length;
        const [s, e] = pickSpan(n, x, y);
        const { newText } = makeEdit(text, s, e, spec);
        const a = toCodePoints(text);
        const b = toCodePoints(newText);
        const runs = diffCodePoints(a, b);
        let lastOld = 0;
        let lastNew = 0;
        for (const r of runs) {
          expect(r.oldStart).toBeGreaterThanOrEqual(lastOld);
          expect(r.newStart).toBeGreaterThanOrEqual(lastNew);
          expect([...b.subarray(r.newStart, r.newStart + r.length)]).toEqual([...a.subarray(r.oldStart, r.oldStart + r.length)]);
          lastOld = r.oldStart + r.length;
          lastNew = r.newStart + r.length;
        }
        const map = new PositionMap(runs, b.length);
        for (let i = 0; i < n; i++) {
          const p = map.mapPoint(i);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(b.length);
        }
        const m = map.mapSpan(s, e);
        if (m.clean) expect(chars(newText).slice(m.start, m.end)).toEqual(chars(text).slice(s, e));
      }),
      { numRuns: 300 },
    );
  });

  it("maps a single edit exactly: everything before it stays, everything after it shifts", () => {
    const old = "One 😀 two. Three four five. Six seven.\nEight nine.";
    const neu = old.replace("Three four", "Three and a half, four");
    const map = new PositionMap(diffCodePoints(toCodePoints(old), toCodePoints(neu)), chars(neu).length);
    const at = (s: string, t: string) => chars(t.slice(0, t.indexOf(s))).length;
    expect(map.mapSpan(at("two", old), at("two", old) + 3)).toMatchObject({ start: at("two", neu), clean: true });
    expect(map.mapSpan(at("Six", old), at("Six", old) + 3)).toMatchObject({ start: at("Six", neu), clean: true });
    expect(map.mapSpan(at("Three four", old), at("Three four", old) + 10).clean).toBe(false);
  });

  it("matches a moved paragraph's neighbours and its unique sentences", () => {
    const paras = ["Alpha one. Alpha two.", "Beta one. Beta two.", "Gamma one. Gamma two.", "Delta one."];
    const old = paras.join("\n");
    const neu = [paras[0], paras[2], paras[1], paras[3]].join("\n");
    const map = new PositionMap(diffCodePoints(toCodePoints(old), toCodePoints(neu)), chars(neu).length);
    const at = (s: string, t: string) => chars(t.slice(0, t.indexOf(s))).length;
    // The common suffix " two.\nDelta one." is ambiguous between the swapped paragraphs; the
    // rest of one of them is matched as a unique chunk, the other is a delete + insert.
    for (const q of ["Alpha two", "Delta one", "Gamma one"]) expect(map.mapSpan(at(q, old), at(q, old) + q.length)).toMatchObject({ start: at(q, neu), clean: true });
    expect(map.mapSpan(at("Beta one", old), at("Beta one", old) + 8).clean).toBe(false);
  });
});
