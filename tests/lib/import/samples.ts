/** Hand-written documents for the import tests. */

/** A news article page as a CMS would serve it: chrome all around one `<article>`. */
export const NEWS_ARTICLE_HTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Council approves new bus lanes | The Riverside Courier</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:title" content="Council approves new bus lanes despite objections">
  <meta property="og:url" content="https://courier.example/news/2024/03/bus-lanes?utm_source=og">
  <meta property="og:type" content="article">
  <meta name="author" content="Priya Raman">
  <meta property="article:published_time" content="2024-03-05T18:45:00+00:00">
  <link rel="canonical" href="https://courier.example/news/2024/03/bus-lanes">
  <link rel="stylesheet" href="/static/site.css">
  <style>
    body { font-family: Georgia, serif; }
    .share-bar a::after { content: "</p><p>STYLE LEAK"; }
  </style>
  <script>
    window.dataLayer = window.dataLayer || [];
    document.write("</div><p>SCRIPT LEAK</p>");
  </script>
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves new bus lanes",
     "author": [{"@type": "Person", "name": "Priya Raman"}], "datePublished": "2024-03-05T18:45:00Z"}
  </script>
</head>
<body class="article-page">
  <div id="cookie-banner" class="cookie-consent" role="dialog">
    <p>We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Manage</a></p>
  </div>
  <a class="skip-link" href="#content">Skip to content</a>
  <header class="site-header">
    <a href="/" class="logo">The Riverside Courier</a>
    <time datetime="2024-06-01">Saturday 1 June 2024</time>
    <nav aria-label="Sections">
      <ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul>
    </nav>
    <form action="/search" role="search"><input name="q" placeholder="Search"><button>Go</button></form>
  </header>
  <main id="content">
    <article class="story">
      <header>
        <p class="kicker">Transport</p>
        <h1>Council approves new bus lanes despite objections</h1>
        <p class="byline">By <a rel="author" href="/authors/priya-raman">Priya Raman</a>, Transport correspondent ·
          <time datetime="2024-03-05T18:45:00+00:00" itemprop="datePublished">5 March 2024</time></p>
      </header>
      <div class="share-bar" aria-label="Share this article">
        <a href="https://twitter.example/share?u=x">Share on X</a>
        <a href="https://facebook.example/sharer?u=x">Share on Facebook</a>
        <a href="mailto:?subject=Bus">Email</a>
      </div>
      <div class="story-body">
        <p>The city council voted 31&ndash;12 on Tuesday night to approve
           <strong>four new bus lanes</strong> on the Riverside corridor, ending a
           two-year consultation.</p>
        <p>Supporters said the lanes would cut journey times by &ldquo;up to a third&rdquo;;
           opponents argued that local shops would lose passing trade.</p>
        <script>trackParagraph(2); if (a < b && c > d) { console.log("</p>"); }</script>
        <blockquote>
          <p>&ldquo;This is the biggest change to how people move through the city in a generation,&rdquo;
             said Councillor Dana O&rsquo;Neill.</p>
        </blockquote>
        <figure>
          <img src="/img/bus-lane.jpg" alt="A red bus in a newly painted lane" onerror="alert('x')">
          <figcaption>Work on the first lane is due to start in May. <span class="credit">Photo: J. Smith</span></figcaption>
        </figure>
        <p>Construction is expected to cost &pound;4.2m, of which &pound;3m comes from a national grant.<br>
           The remaining &pound;1.2m will be borrowed.</p>
        <aside class="related-stories">
          <h2>Related</h2>
          <ul><li><a href="/news/2023/tram">Tram plan shelved</a></li></ul>
        </aside>
        <div class="newsletter-signup">
          <h3>Get the Courier every morning</h3>
          <form><input type="email"><button>Sign up</button></form>
        </div>
        <p>The first lane is due to open in September.</p>
      </div>
      <footer class="story-footer">
        <p>Topics: Transport, Council</p>
      </footer>
    </article>
    <section class="comments" id="comments"><h2>Comments</h2><p>Be the first to comment.</p></section>
  </main>
  <aside class="sidebar"><h2>Most read</h2><ol><li>Something else entirely</li></ol></aside>
  <footer class="site-footer">
    <p>&copy; 2024 The Riverside Courier. All rights reserved.</p>
    <nav><a href="/about">About</a> <a href="/contact">Contact</a></nav>
  </footer>
  <noscript><img src="/pixel.gif" alt=""><p>NOSCRIPT LEAK</p></noscript>
  <template><p>TEMPLATE LEAK</p></template>
  <script src="/static/app.js"></script>
</body>
</html>`;

/** The text expected from NEWS_ARTICLE_HTML. */
export const NEWS_ARTICLE_TEXT = [
  "Transport",
  "Council approves new bus lanes despite objections",
  "By Priya Raman, Transport correspondent · 5 March 2024",
  "The city council voted 31–12 on Tuesday night to approve four new bus lanes on the Riverside corridor, ending a two-year consultation.",
  "Supporters said the lanes would cut journey times by “up to a third”; opponents argued that local shops would lose passing trade.",
  "“This is the biggest change to how people move through the city in a generation,” said Councillor Dana O’Neill.",
  "Work on the first lane is due to start in May. Photo: J. Smith",
  "Construction is expected to cost £4.2m, of which £3m comes from a national grant.\nThe remaining £1.2m will be borrowed.",
  "The first lane is due to open in September.",
  "Topics: Transport, Council",
].join("\n\n");

/** An older-style page: no article or main element, content in divs and a table. */
export const NO_ARTICLE_HTML = `<html>
<head><title>Minutes of the Parish Meeting, 12 January 2023</title></head>
<body>
<div id="top-nav" role="navigation"><a href="/">Home</a> | <a href="/minutes">Minutes</a></div>
<div class="header"><h1>Little Hampden Parish Council</h1></div>
<div id="page">
  <div class="content">
    <h2>Minutes of the Parish Meeting</h2>
    <div>Present: Cllr A. Brown (chair), Cllr B. Green, Cllr C. White</div>
    <div>Apologies were received from Cllr D. Black.</div>
    <h3>1. Village hall roof</h3>
    <p>The clerk reported that three quotes had been obtained.
    <p>It was resolved to accept the lowest quote.
    <table>
      <tr><th>Contractor</th><th>Quote</th></tr>
      <tr><td>Hall &amp; Sons</td><td>&pound;12,400</td></tr>
      <tr><td>Roofwise Ltd</td><td>&pound;14,950</td></tr>
    </table>
    <h3>2. Any other business</h3>
    <dl><dt>Next meeting</dt><dd>9 February 2023, 7.30pm</dd></dl>
    <ul>
      <li>Dog bins: to be emptied weekly</li>
      <li>Speed watch: volunteers needed</li>
    </ul>
  </div>
  <div class="social-links"><a href="https://facebook.example/lh">Follow us</a></div>
</div>
<div id="footer">Little Hampden Parish Council &middot; <a href="/contact">Contact the clerk</a></div>
</body>
</html>`;

/** Markup a browser copes with and a naive regex approach does not. */
export const MALFORMED_HTML = `<HTML><HEAD><TITLE>Broken &amp; Busted</TITLE>
<SCRIPT>var s = "</div></article><p>SCRIPT LEAK</p>"; if (x < 1) {}</SCRIPT>
<BODY>
</div></div></span>
<ARTICLE>
<H1>Unclosed   tags
<P>First paragraph with <B>bold <I>and italic</B> misnested</I> text.
<P>Second paragraph<!-- a comment with <p>COMMENT LEAK</p> -->continues here.
<![CDATA[ CDATA LEAK ]]>
<UL><LI>One<LI>Two<LI>Three</UL>
<P>Third paragraph &amp so on &copy 2024 &#x26; more &#38; done
<DIV>Div text <STYLE>p { x: "</style" }</STYLE>after style</DIV>
</ARTICLE>
</BODY>
<p>Trailing content after body
`;

/** Typography, emoji (astral plane) and CJK through every kind of entity. */
export const ENTITY_HTML = `<!doctype html><html lang="ja"><body><main>
<p>&ldquo;Curly&rdquo; &lsquo;quotes&rsquo; &#8220;decimal&#8221; &#x201C;hex&#x201D; &mdash; em &#8212; dash &ndash; en</p>
<p>It&rsquo;s 5&nbsp;km &hellip; caf&eacute; na&iuml;ve &euro;5 &frac12; &times; 2 &ne; 3</p>
<p>Emoji: &#x1F600; &#128512; 😀 👩‍👩‍👧 🇯🇵</p>
<p>東京都は&#x6771;&#20140;の&ldquo;首都&rdquo;です。漢字とかな。</p>
<p>&lt;script&gt;alert(&quot;not code&quot;)&lt;/script&gt; &amp;amp; a&lt;b &gt; c</p>
<p>Soft&shy;hyphen and zero&#8203;width</p>
</main></body></html>`;
