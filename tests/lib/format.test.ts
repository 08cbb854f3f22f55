import { describe, expect, it } from "vitest";
import { dateRange, formatDate, hostOf, plural } from "@/lib/format";

describe("formatting", () => {
  it("shows calendar dates as written, whatever the time zone", () => {
    expect(formatDate("2025-06-26")).toBe("26 Jun 2025");
    expect(formatDate("2023-01-01")).toBe("1 Jan 2023");
    expect(formatDate(null)).toBe("Undated");
    expect(dateRange("2023-08-29", "2025-06-26")).toBe("29 Aug 2023 – 26 Jun 2025");
    expect(dateRange("2025-06-26", "2025-06-26")).toBe("26 Jun 2025");
  });

  it("pluralises and shows hosts", () => {
    expect(plural(1, "claim")).toBe("1 claim");
    expect(plural(1200, "claim")).toBe("1,200 claims");
    expect(hostOf("https://www.example.org/a?b")).toBe("www.example.org");
    expect(hostOf("not a url")).toBe("not a url");
  });
});
