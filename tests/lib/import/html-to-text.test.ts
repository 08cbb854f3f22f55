import { describe, expect, it } from "vitest";
import { htmlToText } from "@/lib/import/html-to-text";
import { ENTITY_HTML, MALFORMED_HTML, NEWS_ARTICLE_HTML, NEWS_ARTICLE_TEXT, NO_ARTICLE_HTML } from "./samples";

describe("htmlToText: a news article page", () => {
  const result = htmlToText(NEWS_ARTICLE_HTML);

  it("keeps exactly the article's text, one paragraph per block", () => {
    expect(result.text).toBe(NEWS_ARTICLE_TEXT);
  });

  it("drops the chrome around and inside the article", () => {
    for (const chrome of [
      "cookies",
      "Skip to content",
      "Riverside Courier",
      "Sport",
      "Share on",
      "Related",
      "Tram plan",
      "Get the Courier",
      "Sign up",
      "Be the first to comment",
      "Most read",
      "All rights reserved",
      "LEAK",
      "dataLayer",
      "font-family",
      "Saturday 1 June",
    ]) {
      expect(result.text, chrome).not.toContain(chrome);
    }
  });

  it("reads the metadata", () => {
    expect(result).toMatchObject({
      title: "Council approves new bus lanes despite objections",
      byline: "Priya Raman",
      publishedOn: "2024-03-05",
      language: "en-GB",
      url: "https://courier.example/news/2024/03/bus-lanes",
    });
  });
});

describe("htmlToText: a page without an article element", () => {
  const result = htmlToText(NO_ARTICLE_HTML);

  it("takes the body minus navigation, chrome and social links", () => {
    expect(result.text).toBe(
      [
        "Minutes of the Parish Meeting",
        "Present: Cllr A. Brown (chair), Cllr B. Green, Cllr C. White",
        "Apologies were received from Cllr D. Black.",
        "1. Village hall roof",
        "The clerk reported that three quotes had been obtained.",
        "It was resolved to accept the lowest quote.",
        "Contractor\tQuote",
        "Hall & Sons\t£12,400",
        "Roofwise Ltd\t£14,950",
        "2. Any other business",
        "Next meeting",
        "9 February 2023, 7.30pm",
        "Dog bins: to be emptied weekly",
        "Speed watch: volunteers needed",
      ].join("\n\n"),
    );
  });

  it("falls back to <title> and leaves unknown metadata null", () => {
    expect(result).toMatchObject({ title: "Minutes of the Parish Meeting, 12 January 2023", byline: null, publishedOn: null, language: null, url: null });
  });

  it("uses <main> when there is no article", () => {
    const r = htmlToText(`<body><div class="masthead">Site</div><main><p>Main text.</p></main><div>Outside main</div></body>`);
    expect(r.text).toBe("Main text.");
    expect(htmlToText(`<body><div role="main"><p>Role main.</p></div><p>Elsewhere</p></body>`).text).toBe("Role main.");
  });

  it("falls through a page of teaser articles to the whole page", () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `<article><h2>Story ${i}</h2><p>Teaser ${i}.</p></article>`).join("");
    expect(htmlToText(`<body><h1>Latest</h1>${teasers}</body>`).text).toBe(
      ["Latest", ...Array.from({ length: 4 }, (_, i) => `Story ${i}\n\nTeaser ${i}.`)].join("\n\n"),
    );
  });

  it("picks the dominant article over short ones, and ignores articles in related lists", () => {
    const long = `<article><p>${"Main story text. ".repeat(20).trim()}</p></article>`;
    const html = `<body><div class="related"><article><p>${"Related story. ".repeat(40)}</p></article></div><article><p>Short.</p></article>${long}</body>`;
    expect(htmlToText(html).text).toBe("Main story text. ".repeat(20).trim());
  });
});

describe("htmlToText: malformed markup", () => {
  const result = htmlToText(MALFORMED_HTML);

  it("parses as a browser would", () => {
    expect(result.text).toBe(
      [
        "Unclosed tags",
        "First paragraph with bold and italic misnested text.",
        "Second paragraphcontinues here.",
        "One",
        "Two",
        "Three",
        "Third paragraph & so on © 2024 & more & done",
        "Div text after style",
      ].join("\n\n"),
    );
    expect(result.title).toBe("Broken & Busted");
  });

  it("never lets script, style, comment or CDATA content through", () => {
    expect(result.text).not.toMatch(/LEAK|var s|x:/);
  });

  it("survives unclosed scripts and comments, and deep nesting", () => {
    expect(htmlToText("<p>Before</p><script>document.write('<p>x</p>')").text).toBe("Before");
    expect(htmlToText("<p>Before</p><!-- never closed <p>hidden</p>").text).toBe("Before");
    expect(htmlToText("<div>".repeat(50_000) + "deep" + "</div>".repeat(10)).text).toBe("deep");
    expect(htmlToText("<p><b><i><u><s>x".repeat(5_000)).text).toBe(Array(5_000).fill("x").join("\n\n"));
  });

  it("returns empty text for empty or chrome-only input", () => {
    expect(htmlToText("").text).toBe("");
    expect(htmlToText("<nav>Home</nav><script>x()</script>").text).toBe("");
  });
});

describe("htmlToText: text shape", () => {
  it("decodes named, decimal and hex entities, keeps emoji and CJK, and turns &lt;script&gt; into literal text", () => {
    const r = htmlToText(ENTITY_HTML);
    expect(r.text).toBe(
      [
        "“Curly” ‘quotes’ “decimal” “hex” — em — dash – en",
        "It’s 5 km … café naïve €5 ½ × 2 ≠ 3",
        "Emoji: 😀 😀 😀 👩‍👩‍👧 🇯🇵",
        "東京都は東京の“首都”です。漢字とかな。",
        '<script>alert("not code")</script> &amp; a<b > c',
        "Softhyphen and zero\u200Bwidth",
      ].join("\n\n"),
    );
    expect(r.language).toBe("ja");
  });

  it("collapses whitespace except in <pre>, and <br> is a line break", () => {
    const r = htmlToText(`<p>  a \n\t b  <em> c </em>d<br>  e <br/><br>f </p><pre>
  indented
    code  with  spaces

tail   </pre>`);
    expect(r.text).toBe("a b c d\ne\n\nf\n\n  indented\n    code  with  spaces\n\ntail");
  });

  it("adds no bullets to list items and keeps their text as written", () => {
    expect(htmlToText("<ul><li>- already dashed</li><li>plain</li></ul><ol><li>first</li></ol>").text).toBe("- already dashed\n\nplain\n\nfirst");
  });

  it("makes paragraphs of headings, quotes, figures, definition lists and div text, none blank", () => {
    const r = htmlToText(`<div>Loose text<p>Para</p>more loose</div><h2>Head</h2><blockquote>Quote</blockquote>
      <figure><img alt="x"><figcaption>Caption</figcaption></figure><dl><dt>Term</dt><dd>Def</dd></dl><div> </div><p></p>`);
    expect(r.text).toBe("Loose text\n\nPara\n\nmore loose\n\nHead\n\nQuote\n\nCaption\n\nTerm\n\nDef");
    expect(r.text).not.toMatch(/^\s|\s$|\n{3}/);
  });

  it("drops hidden elements, widgets and an outer page header, but keeps an article's header", () => {
    const r = htmlToText(`<body><header><p>Site name</p></header>
      <article><header><h1>Title</h1></header><p hidden>Hidden</p><p aria-hidden="true">Aria hidden</p>
      <p style="display: none">Styled hidden</p><div class="social-share">Tweet</div><span class="sr-only">(opens in new tab)</span>
      <p>Body</p><footer>Article footer</footer></article><footer>Site footer</footer></body>`);
    expect(r.text).toBe("Title\n\nBody\n\nArticle footer");
  });

  it("does not let a noisy class on a wrapper empty the page", () => {
    const r = htmlToText(`<body><div class="has-share-bar"><p>${"All the content. ".repeat(10).trim()}</p></div></body>`);
    expect(r.text).toBe("All the content. ".repeat(10).trim());
  });
});

describe("htmlToText: metadata", () => {
  it("prefers og:title, then <title>, then the first h1", () => {
    expect(htmlToText(`<title> Page  title </title><meta property="og:title" content="OG title"><h1>H1</h1>`).title).toBe("OG title");
    expect(htmlToText(`<title> Page \n title </title><h1>H1</h1>`).title).toBe("Page title");
    expect(htmlToText(`<body><h1>Only <em>h1</em></h1></body>`).title).toBe("Only h1");
    expect(htmlToText(`<p>No title</p>`).title).toBeNull();
  });

  it("finds the byline in meta author, article:author, rel=author or itemprop=author", () => {
    expect(htmlToText(`<meta name="author" content=" Ann Lee ">`).byline).toBe("Ann Lee");
    expect(htmlToText(`<meta property="article:author" content="https://social.example/ann"><meta property="article:author" content="x">`).byline).toBeNull();
    expect(htmlToText(`<meta property="article:author" content="Ann Lee">`).byline).toBe("Ann Lee");
    expect(htmlToText(`<article><p>By <a rel="author" href="/a">Ann Lee</a> and <a rel="author" href="/b">Bo Chen</a></p></article>`).byline).toBe("Ann Lee, Bo Chen");
    expect(htmlToText(`<article><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span><p>x</p></article>`).byline).toBe("Ann Lee");
  });

  it("reads the publication date as YYYY-MM-DD from meta or <time datetime>", () => {
    expect(htmlToText(`<meta property="article:published_time" content="2023-11-30T23:30:00-08:00">`).publishedOn).toBe("2023-11-30");
    expect(htmlToText(`<article><time datetime="2022-02-28">28 Feb</time><p>x</p></article>`).publishedOn).toBe("2022-02-28");
    expect(htmlToText(`<article><time datetime="2022-02-30">bad</time><p>x</p></article>`).publishedOn).toBeNull();
    expect(htmlToText(`<article><time datetime="yesterday">x</time><p>x</p></article>`).publishedOn).toBeNull();
  });

  it("takes the language from <html lang> and only absolute http(s) canonical URLs", () => {
    expect(htmlToText(`<html lang="pt-BR"><p>x</p></html>`).language).toBe("pt-BR");
    expect(htmlToText(`<link rel="canonical" href="/relative/path"><meta property="og:url" content="https://ex.example/a">`).url).toBe("https://ex.example/a");
    expect(htmlToText(`<link rel="canonical" href="javascript:alert(1)">`).url).toBeNull();
    expect(htmlToText(`<meta property="og:url" content="ftp://ex.example/a">`).url).toBeNull();
    expect(htmlToText(`<link rel="canonical" href="HTTPS://Ex.Example/a b">`).url).toBe("https://ex.example/a%20b");
  });
});
