import { describe, expect, it } from "vitest";
import { htmlToText } from "@/lib/import/html-to-text";
import { importDocument } from "@/lib/import";
import { NEWS_ARTICLE_HTML } from "./samples";

/** About `bytes` of HTML: the news page's article body repeated inside one article. */
function bigHtml(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block = `<h2>Section ${i}</h2><p>Paragraph ${i} with <a href="https://ex.example/${i}">a link</a>, <em>emphasis</em>, &ldquo;quotes&rdquo; &#8212; and &#x1F600; and 中文字符。</p>
<ul><li>Item one</li><li>Item two<br>second line</li></ul><div class="share-bar"><a href="#">Share</a></div><script>track(${i})</script>\n`;
    parts.push(block);
    size += block.length;
  }
  return NEWS_ARTICLE_HTML.replace('<div class="story-body">', `<div class="story-body">${parts.join("")}`);
}

describe("performance", () => {
  it("converts a 2 MB HTML document in reasonable time", () => {
    const html = bigHtml(2 * 1024 * 1024);
    const t = performance.now();
    const { text } = htmlToText(html);
    const ms = performance.now() - t;
    console.log(`htmlToText: ${(html.length / 1024 / 1024).toFixed(2)} MB of HTML → ${(text.length / 1024).toFixed(0)} KB of text in ${ms.toFixed(0)} ms`);
    expect(text).toContain("Paragraph 0 with a link, emphasis, “quotes” — and 😀 and 中文字符。");
    expect(text).not.toContain("Share");
    expect(text).not.toContain("track(");
    expect(importDocument({ filename: "big.html", content: html }).format).toBe("html");
  });
});
