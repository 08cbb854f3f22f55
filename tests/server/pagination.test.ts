import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, toPage } from "@/server/pagination";

describe("cursors", () => {
  it("round-trips a key and refuses anything it did not issue", () => {
    const cursor = encodeCursor(["2025-06-26T10:00:00.000Z", 42]);
    expect(decodeCursor(cursor)).toEqual(["2025-06-26T10:00:00.000Z", 42]);
    expect(decodeCursor(undefined)).toBeNull();
    for (const bad of ["%%%", Buffer.from("[1]").toString("base64url"), Buffer.from('["a", 1.5]').toString("base64url"), Buffer.from("{}").toString("base64url")]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor/);
    }
  });

  it("turns limit + 1 rows into a page that says whether more follow", () => {
    const rows = [1, 2, 3].map((id) => ({ id }));
    const full = toPage(rows, 2, (r) => r.id, (r) => [null, r.id]);
    expect(full).toMatchObject({ items: [1, 2], hasMore: true });
    expect(decodeCursor(full.nextCursor)).toEqual([null, 2]);
    expect(toPage(rows, 3, (r) => r.id, (r) => [null, r.id])).toEqual({ items: [1, 2, 3], hasMore: false, nextCursor: null });
  });
});
