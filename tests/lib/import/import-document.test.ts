import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { ImportError, MAX_IMPORT_BYTES, MAX_SOURCE_BYTES, importDocument, utf8ByteLength } from "@/lib/import";
import { NEWS_ARTICLE_HTML, NEWS_ARTICLE_TEXT } from "./samples";

function importError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error("expected an ImportError");
}

describe("importDocument", () => {
  it("stores pasted text exactly as given apart from line endings", () => {
    const content = "  Title line  \r\n\r\nFirst paragraph,\rsecond line.\r\n\r\n\r\n  Indented café 😀 \t";
    expect(importDocument({ content })).toEqual({
      text: "  Title line  \n\nFirst paragraph,\nsecond line.\n\n\n  Indented café 😀 \t",
      title: null,
      byline: null,
      publishedOn: null,
      language: null,
      url: null,
      format: "text",
    });
  });

  it("drops a leading byte-order mark", () => {
    expect(importDocument({ filename: "a.txt", content: "\uFEFFHello" }).text).toBe("Hello");
  });

  it("converts an HTML upload with its metadata", () => {
    const doc = importDocument({ filename: "bus-lanes.html", contentType: "text/html", content: NEWS_ARTICLE_HTML.replace(/\n/g, "\r\n") });
    expect(doc).toEqual({
      text: NEWS_ARTICLE_TEXT,
      title: "Council approves new bus lanes despite objections",
      byline: "Priya Raman",
      publishedOn: "2024-03-05",
      language: "en-GB",
      url: "https://courier.example/news/2024/03/bus-lanes",
      format: "html",
    });
    expect(doc.text).not.toContain("\r");
  });

  it("converts a Markdown upload, CRLF included", () => {
    const doc = importDocument({ filename: "notes.md", content: "# Heading\r\n\r\nSome *text*\r\nwrapped.\r\n\r\n```\r\ncode\r\n```\r\n" });
    expect(doc).toMatchObject({ text: "Heading\n\nSome text wrapped.\n\ncode", title: "Heading", format: "markdown" });
  });

  it("picks the converter from the MIME type when there is no file name", () => {
    expect(importDocument({ contentType: "text/html", content: "<p>Hi &amp; bye</p>" })).toMatchObject({ text: "Hi & bye", format: "html" });
  });

  it("refuses unsupported file types with a message naming the file", () => {
    const e = importError(() => importDocument({ filename: "report.pdf", contentType: "application/pdf", content: "%PDF-1.7" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.status).toBe(400);
    expect(e.field).toBe("file");
    expect(e.reason).toBe("unsupported_type");
    expect(e.fields).toEqual({ file: e.message });
    expect(e.message).toContain("“report.pdf”");
    expect(e.message).toMatch(/\.txt.*\.md.*\.html/);
  });

  it("refuses binary or non-UTF-8 content", () => {
    const nul = importError(() => importDocument({ filename: "data.txt", content: "PK\u0003\u0004\u0000\u0000binary" }));
    expect(nul.reason).toBe("not_text");
    expect(nul.message).toMatch(/not UTF-8 text/);
    const latin1 = importError(() => importDocument({ filename: "old.html", content: "<p>caf\uFFFD</p>" }));
    expect(latin1.reason).toBe("not_text");
    const pasted = importError(() => importDocument({ content: "a\u0000b" }));
    expect(pasted.field).toBe("text");
  });

  it("refuses a document with no readable text", () => {
    for (const [filename, content] of [
      ["empty.txt", ""],
      ["blank.txt", " \r\n\t\n"],
      ["chrome.html", "<html><head><title>Only a title</title><script>x()</script></head><body><nav>Home</nav></body></html>"],
      ["images.md", "![alt](x.png)\n\n---\n"],
    ] as const) {
      const e = importError(() => importDocument({ filename, content }));
      expect(e.reason, filename).toBe("empty");
      expect(e.message).toBe(`“${filename}” has no readable text.`);
    }
    expect(importError(() => importDocument({ content: "   " })).message).toBe("The text has no readable text.");
  });

  it("refuses a text over MAX_SOURCE_BYTES and an input over MAX_IMPORT_BYTES", () => {
    expect(MAX_SOURCE_BYTES).toBe(5 * 1024 * 1024);
    const tooBig = importError(() => importDocument({ content: "é".repeat(MAX_SOURCE_BYTES / 2 + 1) }));
    expect(tooBig.reason).toBe("too_large");
    expect(tooBig.message).toMatch(/5\.0 MiB/);
    expect(importDocument({ content: "é".repeat(MAX_SOURCE_BYTES / 2) }).text).toHaveLength(MAX_SOURCE_BYTES / 2);
    expect(importError(() => importDocument({ filename: "x.html", content: "a".repeat(MAX_IMPORT_BYTES + 1) })).reason).toBe("too_large");
  });
});

describe("utf8ByteLength", () => {
  it("counts UTF-8 bytes like TextEncoder", () => {
    for (const s of ["", "ascii", "café", "€", "東京", "😀", "👩‍👩‍👧", "a\uD800b", "\uDC00"]) {
      expect(utf8ByteLength(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
