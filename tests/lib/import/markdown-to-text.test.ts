import { describe, expect, it } from "vitest";
import { markdownToText } from "@/lib/import/markdown-to-text";

const ARTICLE_MD = `---
title: "Front matter title"
date: 2024-03-05
tags: [transport]
---

# Bus lanes: what the council *actually* decided

The council voted **31–12** on Tuesday to approve four new bus lanes, after a
two-year consultation ([full minutes](https://council.example/minutes.pdf)).

![A bus in a lane](https://img.example/bus.jpg)

## Key figures

- Cost: £4.2m
* Grant: £3m
  - of which £1m is conditional
- Opening: September

1. Consultation closed
2. Vote held
7) Not continued: a new list

> "This is the biggest change in a generation,"
> said Councillor Dana O’Neill.
>
> > A nested quote.

\`\`\`text
Vote   For  Against
Lanes  31   12

(totals)
\`\`\`

    indented code block

Line one with a hard break  
line two with a backslash break\\
line three, and an autolink <https://council.example/>, \`inline code\`, a [reference link][minutes] and \\*escaped\\* stars.

[minutes]: https://council.example/minutes

***

Entities: &copy; &amp; &#8212; &#x1F600; — snake_case_name and 2 * 3 * 4 stay.
`;

describe("markdownToText", () => {
  const result = markdownToText(ARTICLE_MD);

  it("flattens a Markdown article to paragraphs", () => {
    expect(result.text).toBe(
      [
        "Bus lanes: what the council actually decided",
        "The council voted 31–12 on Tuesday to approve four new bus lanes, after a two-year consultation (full minutes).",
        "Key figures",
        "- Cost: £4.2m",
        "- Grant: £3m",
        "- of which £1m is conditional",
        "- Opening: September",
        "1. Consultation closed",
        "2. Vote held",
        "7. Not continued: a new list",
        '"This is the biggest change in a generation," said Councillor Dana O’Neill.',
        "A nested quote.",
        "Vote   For  Against\nLanes  31   12\n\n(totals)",
        "indented code block",
        "Line one with a hard break\nline two with a backslash break\nline three, and an autolink https://council.example/, inline code, a reference link and *escaped* stars.",
        "Entities: © & — 😀 — snake_case_name and 2 * 3 * 4 stay.",
      ].join("\n\n"),
    );
  });

  it("takes the first level-1 heading as the title", () => {
    expect(result.title).toBe("Bus lanes: what the council actually decided");
    expect(markdownToText("Intro\n\n## Sub\n\nTitle\n=====\n\n# Later").title).toBe("Title");
  });

  it("falls back to the front matter title, else null", () => {
    expect(markdownToText("---\ntitle: From YAML\n---\n\n## Only h2\n\nText").title).toBe("From YAML");
    expect(markdownToText("Just a paragraph.").title).toBeNull();
  });

  it("does not mistake a leading thematic break for front matter", () => {
    expect(markdownToText("---\n\nSome text.\n\n---\n\nMore text.").text).toBe("Some text.\n\nMore text.");
  });

  it("numbers ordered lists from their start and marks each item's first paragraph only", () => {
    expect(markdownToText("3. three\n4. four\n\n- loose item\n\n  second paragraph\n- next").text).toBe(
      "3. three\n\n4. four\n\n- loose item\n\nsecond paragraph\n\n- next",
    );
    expect(markdownToText("- \n- b").text).toBe("- b");
  });

  it("converts HTML blocks as HTML and drops inline tags", () => {
    const md = `Intro.

<div class="note">
<p>An <b>HTML</b> block &amp; more.</p>
<script>stealCookies()</script>
</div>

Inline <span class="x">span</span> and <kbd>Ctrl</kbd>, a <br> break, and <script>alert(1)</script> gone.`;
    expect(markdownToText(md).text).toBe("Intro.\n\nAn HTML block & more.\n\nInline span and Ctrl, a\nbreak, and gone.");
  });

  it("keeps GitHub tables as tab-separated rows and strips strikethrough markers", () => {
    expect(markdownToText("| Party | Seats |\n| --- | ---: |\n| Green | 12 |\n\n~~old~~ new").text).toBe("Party\tSeats\n\nGreen\t12\n\nold new");
  });

  it("returns empty text for whitespace, rules and images only", () => {
    expect(markdownToText("").text).toBe("");
    expect(markdownToText("  \n\n---\n\n![alt](x.png)\n").text).toBe("");
  });

  it("is robust to pathological nesting and runs in linear time on many lists", () => {
    // markdown-it stops nesting at 100 levels: what is deeper is dropped, the rest survives.
    expect(markdownToText(">".repeat(5_000) + " deep\n\nAfter.").text).toBe("After.");
    expect(markdownToText(">".repeat(50) + " deep").text).toBe("deep");
    const many = Array.from({ length: 5_000 }, (_, i) => `Para ${i}\n\n- item ${i}\n`).join("\n");
    const t = performance.now();
    const r = markdownToText(many);
    console.log(`markdownToText: ${many.length} chars with 5000 lists in ${(performance.now() - t).toFixed(0)} ms`);
    expect(r.text.split("\n\n")).toHaveLength(10_000);
  });
});
