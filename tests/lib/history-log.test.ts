import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactChange, replaySnapshots, type Snapshot } from "@/lib/history-fields";

/** The audit log stores changes only; replaying them gives back every version whole. */
describe("compact changes in the audit log", () => {
  it("keeps only the fields that changed, on both sides", () => {
    const before = { id: 7, text: "Old words", status: "draft", aliases: ["A"], version: 1 };
    const after = { id: 7, text: "New words", status: "draft", aliases: ["A", "B"], version: 2, reanchor: { moved: 1 } };
    expect(compactChange(before, after)).toEqual({
      before: { text: "Old words", aliases: ["A"], version: 1 },
      after: { text: "New words", aliases: ["A", "B"], version: 2, reanchor: { moved: 1 } },
    });
  });

  it("replays any sequence of whole versions back from their changes", () => {
    const field = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }), fc.constantFrom("a", "b"), fc.array(fc.constantFrom("x", "y"), { maxLength: 2 }));
    const version = fc.record({ text: field, status: field, speakerId: field, aliases: field });
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), (versions) => {
        // A creation (whole row), then each later version stored as its changes only.
        const log = versions.map((v, i) => {
          const whole = { id: 1, ...v, version: i + 1 } as Snapshot;
          if (i === 0) return { id: i + 1, before: null, after: whole };
          const previous = { id: 1, ...versions[i - 1], version: i } as Snapshot;
          return { id: i + 1, ...compactChange(previous, whole) };
        });
        const replayed = replaySnapshots(log);
        versions.forEach((v, i) => {
          expect(replayed.get(i + 1)!.after).toEqual({ id: 1, ...v, version: i + 1 });
          if (i > 0) expect(replayed.get(i + 1)!.before).toEqual({ id: 1, ...versions[i - 1], version: i });
        });
      }),
    );
  });

  it("ends with nothing after a deletion", () => {
    const replayed = replaySnapshots([
      { id: 1, before: null, after: { id: 3, kind: "disputes" } },
      { id: 2, before: { id: 3, kind: "disputes" }, after: null },
    ]);
    expect(replayed.get(2)).toEqual({ before: { id: 3, kind: "disputes" }, after: null });
  });
});
