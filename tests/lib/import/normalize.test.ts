import { describe, expect, it } from "vitest";
import { detectKind, normalizeSourceText } from "@/lib/import/normalize";

describe("normalizeSourceText", () => {
  it("turns CRLF and lone CR into LF", () => {
    expect(normalizeSourceText("a\r\nb\rc\n\r\nd\r\r\n")).toBe("a\nb\nc\n\nd\n\n");
  });

  it("changes nothing else: no trimming, no whitespace or Unicode normalisation", () => {
    const s = "  leading\t\ttabs  \n\n\n  e\u0301 (decomposed) vs \u00e9, \u00a0nbsp, \ufb01 ligature, 😀  \n";
    expect(normalizeSourceText(s)).toBe(s);
    expect(normalizeSourceText("")).toBe("");
  });
});

describe("detectKind", () => {
  it("recognises the supported extensions, case-insensitively", () => {
    expect(detectKind("notes.txt")).toBe("text");
    expect(detectKind("NOTES.TEXT")).toBe("text");
    expect(detectKind("readme.md")).toBe("markdown");
    expect(detectKind("post.Markdown")).toBe("markdown");
    expect(detectKind("page.htm")).toBe("html");
    expect(detectKind("page.html")).toBe("html");
    expect(detectKind("page.xhtml")).toBe("html");
    expect(detectKind("C:\\fakepath\\saved.page.HTML")).toBe("html");
  });

  it("lets a known extension win over a wrong MIME type", () => {
    expect(detectKind("readme.md", "text/plain")).toBe("markdown");
    expect(detectKind("readme.md", "application/octet-stream")).toBe("markdown");
  });

  it("refuses other extensions whatever the MIME type", () => {
    for (const name of ["report.pdf", "letter.docx", "photo.jpg", "data.csv", "x.json", "archive.tar.gz", "a.constructor"]) {
      expect(detectKind(name, "text/plain"), name).toBeNull();
    }
  });

  it("uses the MIME type when there is no extension", () => {
    expect(detectKind("README", "text/plain; charset=utf-8")).toBe("text");
    expect(detectKind("", "text/markdown")).toBe("markdown");
    expect(detectKind("", "text/x-markdown")).toBe("markdown");
    expect(detectKind("page", "TEXT/HTML")).toBe("html");
    expect(detectKind("", "application/xhtml+xml")).toBe("html");
    expect(detectKind("", "application/pdf")).toBeNull();
    expect(detectKind("", "image/png")).toBeNull();
    expect(detectKind("README")).toBeNull();
  });
});
