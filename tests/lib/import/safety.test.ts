import { describe, expect, it } from "vitest";
import { importDocument } from "@/lib/import";
import { htmlToText } from "@/lib/import/html-to-text";
import { markdownToText } from "@/lib/import/markdown-to-text";
import { MALFORMED_HTML, NEWS_ARTICLE_HTML } from "./samples";

/** Markup smuggled in every place where a careless converter would let it through. */
const HOSTILE_HTML = `<!doctype html><html><head>
<script>document.body.innerHTML = "<img src=x onerror=alert(1)>";</script>
<style>@import url("javascript:alert(2)"); body::before { content: "<b>style</b>" }</style>
</head><body>
<p onclick="alert(3)" title="<script>alert(4)</script>">Clickable paragraph</p>
<img src="x" onerror="alert(5)" alt="<svg onload=alert(6)>">
<a href="javascript:alert(7)">A link</a>
<iframe srcdoc="<script>alert(8)</script>"><p>iframe fallback</p></iframe>
<svg><script>alert(9)</script><foreignObject><p>svg text</p></foreignObject></svg>
<math><mi>x</mi><annotation-xml encoding="text/html"><script>alert(10)</script></annotation-xml></math>
<noscript><img src=x onerror=alert(11)></noscript>
<template><script>alert(12)</script></template>
<object data="javascript:alert(13)"><embed src="javascript:alert(14)"></object>
<form action="javascript:alert(15)"><input value="<script>alert(16)</script>"><textarea><script>alert(17)</script></textarea></form>
<SCRIPT type="text/javascript">alert(18)</SCRIPT><ScRiPt>alert(19)</sCrIpT>
<scr<script>ipt>alert(20)</script>
<div style="background:url(javascript:alert(21))">Styled div</div>
<!-- <script>alert(22)</script> -->
<p>Escaped: &lt;img src=x onerror=alert(23)&gt;</p>
</body></html>`;

function assertNoMarkupFromCode(text: string) {
  // Nothing that came from a script, style or attribute: no handler, no call, no URL scheme.
  // alert(20) is the one exception: in "<scr<script>ipt>alert(20)</script>" the tag is named
  // "scr<script", so "ipt>alert(20)" is visible text in a browser too — and only ever text here.
  expect(text).not.toMatch(/alert\((?!2[03]\))/);
  expect(text).not.toMatch(/onerror=alert\((?!23)/);
  expect(text).not.toMatch(/onclick|onload|javascript:|srcdoc|innerHTML|@import|content:/i);
}

describe("safety: only text comes out", () => {
  it("lets no script, style, attribute or embedded markup into the text", () => {
    const { text } = htmlToText(HOSTILE_HTML);
    assertNoMarkupFromCode(text);
    // The only '<' in the output is the one the author escaped as &lt; — literal text.
    expect(text.match(/</g)).toHaveLength(1);
    expect(text).toContain("Escaped: <img src=x onerror=alert(23)>");
    expect(text).toContain("Clickable paragraph");
    expect(text).toContain("A link ipt>alert(20)");
    expect(text).toContain("Styled div");
  });

  it("keeps script bodies out of realistic and malformed pages", () => {
    for (const html of [NEWS_ARTICLE_HTML, MALFORMED_HTML]) {
      const { text } = htmlToText(html);
      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(text).not.toMatch(/LEAK|document\.write|trackParagraph|dataLayer/);
    }
  });

  it("does the same for HTML inside Markdown", () => {
    const md = `# Title\n\n${HOSTILE_HTML.replace("<!doctype html>", "")}\n\nInline <script>alert(24)</script> and <img src=x onerror=alert(25)> end.\n\n<style>p{}</style>`;
    const { text } = markdownToText(md);
    assertNoMarkupFromCode(text);
    expect(text).not.toMatch(/alert\(2[45]\)/);
    expect(text).toContain("Inline and end.");
  });

  it("keeps markup-looking plain text verbatim (it is text, rendered as text)", () => {
    const content = "<script>alert(1)</script> is what an XSS payload looks like.";
    expect(importDocument({ filename: "note.txt", content }).text).toBe(content);
  });
});
