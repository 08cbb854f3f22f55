// Issue 12, item 10: `next` after sign-in never leaves the site.
import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/safe-next";

describe("safeNext", () => {
  it.each(["/%5Chost", "/\\host", "/\\/host", "//host", "///host", "/\t/host", "/%09/host", "/\n/host", "https://evil.example/", "javascript:alert(1)", "host", "", "/./\\host", "/%2F/host"])(
    "refuses %j",
    (value) => {
      const next = safeNext(value);
      // Whatever it gives back, a browser resolving it on our origin stays on our origin.
      expect(new URL(next, "https://counterpoint.example").origin).toBe("https://counterpoint.example");
      expect(next.startsWith("//")).toBe(false);
    },
  );
  it("keeps a plain path with its query and fragment", () => {
    expect(safeNext("/claims/12?tab=links#evidence")).toBe("/claims/12?tab=links#evidence");
    expect(safeNext("/review")).toBe("/review");
  });
  it("normalises dot segments", () => {
    expect(safeNext("/a/../review")).toBe("/review");
  });
});
