/**
 * HTML → the plain text a source stores, plus the page's metadata.
 *
 * The page is parsed with parse5, the WHATWG-conformant HTML parser: malformed markup (unclosed
 * tags, stray end tags, `</div>` inside a `<script>` string, comments, CDATA, uppercase tags,
 * misnested formatting) yields the same tree a browser builds, and parsing stays linear even on
 * pathological nesting. Nothing here uses regular expressions on tags: the tree is walked, and
 * only Text nodes outside dropped elements reach the output, so no markup, script body, style or
 * attribute value can leak into the text. Entities are decoded by the parser (`&lt;script&gt;`
 * becomes the literal characters `<script>`, which the app renders as text).
 *
 * Output shape: one paragraph per block element (p, h1–h6, li, blockquote, pre, figure,
 * figcaption, div with text, tr, dt, dd, …), paragraphs separated by "\n\n"; `<br>` is "\n"
 * inside a paragraph; table cells of a row are separated by a tab. Whitespace inside a paragraph
 * is collapsed to single spaces (no-break spaces count as spaces; soft hyphens and C0 control
 * characters are removed), except inside `<pre>`, whose text is kept as written (minus leading
 * blank lines and trailing whitespace). Images are dropped (a figure's caption is kept). List
 * items get no bullet or number.
 *
 * What is dropped as not being the document's text: scripts, styles, noscript, template, svg,
 * math, iframes and embeds, forms and their controls, nav, aside, dialogs, the page's own
 * header/footer (one inside an article, main or section is kept), anything `hidden`,
 * `aria-hidden="true"` or styled `display:none`, chrome roles (navigation, banner, contentinfo,
 * complementary, search, …) and widgets recognised by class/id (share, social, cookie, consent,
 * newsletter, related, promo, ad slots, comments, screen-reader-only hints…, and whole tokens such
 * as "site-header", "footer", "navbar", "masthead"). The class/id rule
 * never drops an element holding more than half of the content's text, so a wrapper that happens
 * to be called "has-share-bar" cannot empty the page.
 *
 * When the page has an `<article>` (the dominant one if several), the text comes from it; else
 * from `<main>` / `role="main"`; else from the whole body.
 *
 * The walk is iterative (an explicit stack), so deeply nested markup cannot overflow the call
 * stack; everything is linear in the size of the page.
 *
 * The parts: dom.ts (the parse5 tree), chrome.ts (the dropping rules), scan.ts (one pass for
 * metadata and content roots), render.ts (text assembly), metadata.ts (title, byline, date),
 * strings.ts (whitespace and value clean-up).
 */
import { parse } from "parse5";
import { isMainRole, rawTextLength, SECTIONING_TAGS } from "./chrome";
import { isElement } from "./dom";
import { pickByline, pickDate, pickTitle } from "./metadata";
import { renderText } from "./render";
import { chooseContentRoot, scanDocument } from "./scan";

export { isoDate } from "./strings";

export interface HtmlToTextResult {
  /** The readable text, paragraphs separated by "\n\n"; "" when the page has none. */
  text: string;
  /** og:title, else `<title>`, else the first `<h1>` (whitespace collapsed). */
  title: string | null;
  /** meta author / article:author / rel=author / itemprop=author / JSON-LD author. */
  byline: string | null;
  /** Publication date as YYYY-MM-DD (the date as written, in the publisher's time zone). */
  publishedOn: string | null;
  /** `<html lang>` (or a content-language meta), e.g. "en" or "pt-BR". */
  language: string | null;
  /** Canonical URL (link rel=canonical, else og:url); absolute http(s) only. */
  url: string | null;
}

export function htmlToText(html: string): HtmlToTextResult {
  const doc = parse(html);
  const scan = scanDocument(doc);
  const { root, length } = chooseContentRoot(scan);
  const rootInSection = root !== doc && isElement(root) && (SECTIONING_TAGS.has(root.tagName) || isMainRole(root));
  const text = renderText(root, rootInSection, length ?? rawTextLength(root, rootInSection));
  return {
    text,
    title: pickTitle(scan, root),
    byline: pickByline(scan, root),
    publishedOn: pickDate(scan, root),
    language: scan.language,
    url: scan.url,
  };
}
