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
 */
import { parse, type DefaultTreeAdapterTypes as T } from "parse5";

type DomDocument = T.Document;
type DomNode = T.ChildNode;
type DomElement = T.Element;
type DomParent = T.ParentNode;

function isElement(n: T.Node): n is DomElement {
  return "tagName" in n;
}

function isText(n: T.Node): n is T.TextNode {
  return n.nodeName === "#text";
}

function hasChildren(n: T.Node): n is DomParent {
  return "childNodes" in n;
}

/** The value of attribute `name` (lower-case), or undefined. */
function attr(el: DomElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

const NO_ATTRS: Record<string, string | undefined> = Object.freeze(Object.create(null) as Record<string, string | undefined>);

/** The element's attributes as a record (a prototype-less object, so "constructor" is no key). */
function attrs(el: DomElement): Record<string, string | undefined> {
  const r: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const a of el.attrs) r[a.name] ??= a.value;
  return r;
}

/** The first element under `node` (excluded) that passes `test`, depth first. */
function findFirst(node: DomParent, test: (el: DomElement) => boolean): DomElement | null {
  const stack: DomNode[] = [];
  for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (test(n)) return n;
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return null;
}

/** Whether the space-separated list `value` holds `token` (ASCII case-insensitive). */
function hasToken(value: string, token: string): boolean {
  return value.toLowerCase().split(/[\t\n\f\r ]+/).includes(token);
}

/** The concatenated text of all Text nodes under `node` (iterative). */
function textContent(node: T.Node): string {
  const out: string[] = [];
  const stack: T.Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) out.push(n.value);
    else if (hasChildren(n)) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out.join("");
}

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

/** Elements whose whole subtree never contributes text. */
const DROPPED_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "canvas",
  "video",
  "audio",
  "picture",
  "img",
  "map",
  "form",
  "input",
  "button",
  "select",
  "option",
  "optgroup",
  "datalist",
  "textarea",
  "label",
  "output",
  "progress",
  "meter",
  "nav",
  "aside",
  "dialog",
  "title",
  "meta",
  "link",
  "base",
  "rt",
  "rp",
]);

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "listing",
  "main",
  "menu",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
  "xmp",
  "plaintext",
]);

const PREFORMATTED_TAGS = new Set(["pre", "listing", "xmp", "plaintext"]);

/** ARIA roles of page chrome: dropped wherever they appear. */
const DROPPED_ROLES = new Set([
  "navigation",
  "banner",
  "contentinfo",
  "complementary",
  "search",
  "menu",
  "menubar",
  "toolbar",
  "dialog",
  "alertdialog",
  "alert",
  "tooltip",
]);

/**
 * Class/id fragments of widgets that are not the document's content: share bars, cookie and
 * consent banners, newsletter boxes, related-story lists, ads, comment threads, screen-reader-only
 * hints ("opens in a new window"). Matched as substrings of each class token and of the id.
 */
const NOISE_PATTERN =
  /share|sharing|social|cookie|consent|gdpr|newsletter|subscribe|signup|related|recommend|promo|sponsor|advert|adslot|ad-slot|ad-container|paywall|popup|modal|breadcrumb|comments?-|^comments?$|sidebar|skip-link|skiplink|sr-only|screen-reader|visually-hidden|visuallyhidden|print-only/i;

/** Whole class tokens / ids of page chrome (not substrings: "entry-header" holds a title). */
const CHROME_TOKEN = /^(?:(?:site|page|global|main|top|primary)[-_]?)?(?:header|footer|nav|navbar|navigation|menu|masthead)$/i;

/** Sectioning elements inside which a `<header>`/`<footer>` belongs to the content, not the page. */
const SECTIONING_TAGS = new Set(["article", "main", "section", "aside", "nav", "blockquote"]);

const ASCII_WHITESPACE = /[\t\n\f\r ]+/g;
// No-break spaces count as spaces; soft hyphens and C0 controls other than tab/LF/CR go.
const INVISIBLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\u00AD]/g;
const NBSP = /\u00A0/g;

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

// ---------------------------------------------------------------------------------------------
// Dropping rules

function isMainRole(el: DomElement): boolean {
  return (attr(el, "role") ?? "").trim().toLowerCase() === "main";
}

/** Dropped whatever its size: tags, roles, hidden. */
function isStructurallyDropped(el: DomElement, inSection: boolean): boolean {
  const name = el.tagName;
  if (DROPPED_TAGS.has(name)) return true;
  if ((name === "header" || name === "footer") && !inSection) return true;
  for (const { name: attrName, value } of el.attrs) {
    switch (attrName) {
      case "hidden":
        return true;
      case "aria-hidden":
        if (value.trim().toLowerCase() === "true") return true;
        break;
      case "role":
        if (DROPPED_ROLES.has(value.trim().toLowerCase())) return true;
        break;
      case "style":
        if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(value)) return true;
        break;
    }
  }
  return false;
}

/** Looks like a share bar, cookie banner, newsletter box…, judged by class/id/aria-label. */
function looksLikeNoise(el: DomElement): boolean {
  if (el.tagName === "html" || el.tagName === "body" || el.tagName === "article" || el.tagName === "main") return false;
  const cls = attr(el, "class");
  const id = attr(el, "id");
  if (id !== undefined && (NOISE_PATTERN.test(id) || CHROME_TOKEN.test(id.trim()))) return true;
  if (cls !== undefined) {
    for (const token of cls.split(ASCII_WHITESPACE)) {
      if (token !== "" && (NOISE_PATTERN.test(token) || CHROME_TOKEN.test(token))) return true;
    }
  }
  return false;
}

function nextInSection(el: DomElement, inSection: boolean): boolean {
  return inSection || SECTIONING_TAGS.has(el.tagName) || isMainRole(el);
}

/**
 * Length of the text under `node` that survives the structural rules (class heuristics are not
 * applied here). Iterative.
 */
function rawTextLength(node: DomNode | DomDocument, inSection: boolean): number {
  let total = 0;
  // Two parallel stacks rather than a tuple per node: this walk runs over the whole content.
  const nodes: Array<DomNode | DomDocument> = [node];
  const sections: boolean[] = [inSection];
  while (nodes.length > 0) {
    const n = nodes.pop()!;
    const sec = sections.pop()!;
    if (isText(n)) {
      total += countNonSpace(n.value);
    } else if (isElement(n)) {
      if (n !== node && isStructurallyDropped(n, sec)) continue;
      const childSec = nextInSection(n, sec);
      for (const c of n.childNodes) {
        nodes.push(c);
        sections.push(childSec);
      }
    } else if (hasChildren(n)) {
      for (const c of n.childNodes) {
        nodes.push(c);
        sections.push(sec);
      }
    }
  }
  return total;
}

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 0xa0) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// One pass over the whole document: metadata and candidate content roots

interface Scan {
  doc: DomDocument;
  meta: Map<string, string>;
  titleTag: string | null;
  language: string | null;
  url: string | null;
  /** Top-level `<article>`s outside dropped chrome. */
  articles: DomElement[];
  mains: DomElement[];
  h1s: DomElement[];
  times: DomElement[];
  authorLinks: DomElement[];
  authorProps: DomElement[];
  jsonLd: string[];
}

function scanDocument(doc: DomDocument): Scan {
  const scan: Scan = {
    doc,
    meta: new Map(),
    titleTag: null,
    language: null,
    url: null,
    articles: [],
    mains: [],
    h1s: [],
    times: [],
    authorLinks: [],
    authorProps: [],
    jsonLd: [],
  };
  let canonical: string | null = null;
  let contentLanguage: string | null = null;
  // [node, inside a sectioning element, inside dropped chrome, inside an article]
  const stack: Array<[DomNode, boolean, boolean, boolean]> = [];
  for (let i = doc.childNodes.length - 1; i >= 0; i--) stack.push([doc.childNodes[i]!, false, false, false]);
  while (stack.length > 0) {
    const [node, inSection, inDropped, inArticle] = stack.pop()!;
    if (!isElement(node)) {
      if (hasChildren(node)) {
        for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push([node.childNodes[i]!, inSection, inDropped, inArticle]);
      }
      continue;
    }
    const el = node;
    const a = el.attrs.length > 0 ? attrs(el) : NO_ATTRS;
    switch (el.tagName) {
      case "html":
        if (scan.language === null && a.lang !== undefined) scan.language = cleanLanguage(a.lang);
        break;
      case "title":
        if (scan.titleTag === null && !inDropped) scan.titleTag = collapse(textContent(el));
        break;
      case "meta": {
        const key = (a.property ?? a.name ?? a.itemprop ?? a["http-equiv"])?.trim().toLowerCase();
        const content = a.content;
        if (inDropped) break; // e.g. microdata of a related story's teaser
        if (key !== undefined && content !== undefined && !scan.meta.has(key)) scan.meta.set(key, content);
        if (key === "content-language" && contentLanguage === null && content !== undefined) contentLanguage = cleanLanguage(content.split(",")[0] ?? "");
        break;
      }
      case "link": {
        if (canonical === null && a.rel !== undefined && hasToken(a.rel, "canonical") && a.href !== undefined) canonical = absoluteHttpUrl(a.href);
        break;
      }
      case "script":
        if ((a.type ?? "").trim().toLowerCase() === "application/ld+json") scan.jsonLd.push(textContent(el));
        continue; // a script's children are its source, never markup
      case "style":
        continue;
    }
    if (!inDropped) {
      if (el.tagName === "h1") scan.h1s.push(el);
      if (el.tagName === "time" && a.datetime !== undefined) scan.times.push(el);
      if (a.rel !== undefined && hasToken(a.rel, "author")) scan.authorLinks.push(el);
      if (a.itemprop !== undefined && hasToken(a.itemprop, "author")) scan.authorProps.push(el);
    }
    const dropped = inDropped || isStructurallyDropped(el, inSection) || looksLikeNoise(el);
    if (!dropped) {
      if (el.tagName === "article" && !inArticle) scan.articles.push(el);
      if (el.tagName === "main" || isMainRole(el)) scan.mains.push(el);
    }
    const childSection = nextInSection(el, inSection);
    const childArticle = inArticle || el.tagName === "article";
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push([el.childNodes[i]!, childSection, dropped, childArticle]);
  }
  scan.language ??= contentLanguage ?? cleanLanguageOrNull(scan.meta.get("og:locale"));
  scan.url = canonical ?? absoluteHttpUrl(scan.meta.get("og:url") ?? "");
  return scan;
}

/**
 * The element to take the text from: the `<article>` (the one with most text when there are
 * several and it clearly dominates — a page of many teaser articles falls through), else
 * `<main>` / `role="main"`, else the whole document.
 */
function chooseContentRoot(scan: Scan): { root: DomDocument | DomElement; length: number | null } {
  if (scan.articles.length === 1) {
    const only = scan.articles[0]!;
    const length = rawTextLength(only, true);
    if (length > 0) return { root: only, length };
  } else if (scan.articles.length > 1) {
    let best: DomElement | null = null;
    let bestLen = 0;
    let sum = 0;
    for (const a of scan.articles) {
      const len = rawTextLength(a, true);
      sum += len;
      if (len > bestLen) {
        best = a;
        bestLen = len;
      }
    }
    if (best !== null && bestLen * 2 > sum) return { root: best, length: bestLen };
  }
  for (const m of scan.mains) {
    const length = rawTextLength(m, true);
    if (length > 0) return { root: m, length };
  }
  return { root: scan.doc, length: null };
}

// ---------------------------------------------------------------------------------------------
// Rendering

class TextBuilder {
  private readonly paragraphs: string[] = [];
  private parts: string[] = [];
  private pre = false;

  /** Appends text from a Text node. */
  text(data: string, preformatted: boolean): void {
    if (data === "") return;
    if (this.parts.length === 0) this.pre = preformatted;
    const clean = data.replace(INVISIBLE, "");
    this.parts.push(preformatted ? clean.replace(/\r\n?/g, "\n") : clean.replace(ASCII_WHITESPACE, " ").replace(NBSP, " "));
  }

  /** Appends a separator that survives whitespace collapsing ("\n" for br, "\t" between cells). */
  raw(sep: "\n" | "\t", preformatted: boolean): void {
    if (this.parts.length === 0) this.pre = preformatted;
    this.parts.push(sep);
  }

  hasContent(): boolean {
    return this.parts.length > 0;
  }

  /** Ends the current paragraph. */
  flush(): void {
    if (this.parts.length === 0) return;
    let p = this.parts.join("");
    this.parts = [];
    if (this.pre) {
      p = p.replace(/^\n/, "").replace(/\s+$/, "");
      // Leading blank lines would read as an empty paragraph.
      p = p.replace(/^(?:[ \t]*\n)+/, "");
    } else {
      p = p
        .replace(/ {2,}/g, " ")
        .replace(/ ?([\n\t]) ?/g, "$1")
        .replace(/\t{2,}/g, "\t")
        .replace(/\n{3,}/g, "\n\n")
        .replace(/^[\s]+|[\s]+$/g, "");
    }
    if (p !== "") this.paragraphs.push(p);
  }

  result(): string {
    this.flush();
    return this.paragraphs.join("\n\n");
  }
}

type Frame = { node: DomNode; inSection: boolean; exit: false } | { el: DomElement; exit: true };

function renderText(root: DomDocument | DomElement, rootInSection: boolean, rootLen: number): string {
  const out = new TextBuilder();
  let preDepth = 0;
  const stack: Frame[] = [];
  const pushChildren = (parent: DomParent, inSection: boolean) => {
    for (let i = parent.childNodes.length - 1; i >= 0; i--) stack.push({ node: parent.childNodes[i]!, inSection, exit: false });
  };
  pushChildren(root, rootInSection);
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      const el = frame.el;
      if (PREFORMATTED_TAGS.has(el.tagName)) {
        preDepth--;
        if (preDepth === 0) out.flush();
      } else if (preDepth === 0 && BLOCK_TAGS.has(el.tagName)) {
        out.flush();
      }
      continue;
    }
    const node = frame.node;
    if (isText(node)) {
      out.text(node.value, preDepth > 0);
      continue;
    }
    if (!isElement(node)) {
      // Comments, CDATA (parsed as comments in HTML), processing instructions: no text.
      continue;
    }
    const el = node;
    if (isStructurallyDropped(el, frame.inSection)) continue;
    if (looksLikeNoise(el) && !(rootLen > 0 && rawTextLength(el, frame.inSection) * 2 > rootLen)) continue;
    const name = el.tagName;
    if (name === "br") {
      out.raw("\n", preDepth > 0);
      continue;
    }
    if ((name === "td" || name === "th") && preDepth === 0) {
      if (out.hasContent()) out.raw("\t", false);
    }
    if (PREFORMATTED_TAGS.has(name)) {
      if (preDepth === 0) out.flush();
      preDepth++;
    } else if (preDepth === 0 && BLOCK_TAGS.has(name)) {
      out.flush();
    }
    stack.push({ el, exit: true });
    pushChildren(el, nextInSection(el, frame.inSection));
  }
  return out.result();
}

// ---------------------------------------------------------------------------------------------
// Metadata

function collapse(s: string): string {
  return s.replace(INVISIBLE, "").replace(NBSP, " ").replace(/\s+/g, " ").trim();
}

function nonEmpty(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const c = collapse(s);
  return c === "" ? null : c;
}

function contains(root: DomDocument | DomElement, el: DomElement): boolean {
  for (let p: T.Node | null = el; p !== null; p = "parentNode" in p ? p.parentNode : null) {
    if (p === root) return true;
  }
  return false;
}

/** The first element of `els` inside `root`, else the first one at all. */
function preferInside(els: DomElement[], root: DomDocument | DomElement): DomElement | undefined {
  return els.find((e) => contains(root, e)) ?? els[0];
}

function pickTitle(scan: Scan, root: DomDocument | DomElement): string | null {
  const h1 = preferInside(scan.h1s, root);
  return (
    nonEmpty(scan.meta.get("og:title")) ??
    nonEmpty(scan.meta.get("twitter:title")) ??
    scan.titleTag ??
    (h1 ? nonEmpty(textContent(h1)) : null) ??
    nonEmpty(jsonLdField(scan, "headline"))
  );
}

function cleanName(s: string | null | undefined): string | null {
  const c = nonEmpty(s);
  if (c === null || isUrlLike(c)) return null;
  return c.replace(/^by\s+/i, "") || null;
}

function isUrlLike(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s);
}

function pickByline(scan: Scan, root: DomDocument | DomElement): string | null {
  const fromMeta =
    cleanName(scan.meta.get("author")) ??
    cleanName(scan.meta.get("article:author")) ??
    cleanName(scan.meta.get("dc.creator")) ??
    cleanName(scan.meta.get("parsely-author")) ??
    cleanName(scan.meta.get("twitter:creator:name"));
  if (fromMeta !== null) return fromMeta;
  for (const group of [scan.authorLinks, scan.authorProps]) {
    const inside = group.filter((e) => contains(root, e));
    const names = distinct((inside.length > 0 ? inside : group).map((e) => cleanName(authorText(e))));
    if (names.length > 0) return names.join(", ");
  }
  return cleanName(jsonLdAuthor(scan));
}

function authorText(el: DomElement): string {
  // itemprop=author may be a Person with a nested itemprop=name, or a meta with content.
  const content = attr(el, "content");
  if (content !== undefined) return content;
  const named = findFirst(el, (e) => hasToken(attr(e, "itemprop") ?? "", "name"));
  return textContent(named ?? el);
}

function distinct(xs: Array<string | null>): string[] {
  const seen = new Set<string>();
  for (const x of xs) if (x !== null) seen.add(x);
  return [...seen];
}

function pickDate(scan: Scan, root: DomDocument | DomElement): string | null {
  const fromMeta =
    isoDate(scan.meta.get("article:published_time")) ??
    isoDate(scan.meta.get("datepublished")) ??
    isoDate(scan.meta.get("og:published_time")) ??
    isoDate(scan.meta.get("date")) ??
    isoDate(scan.meta.get("dc.date.issued")) ??
    isoDate(scan.meta.get("dc.date"));
  if (fromMeta !== null) return fromMeta;
  // A <time> in the content (a site header may show today's date, so only the content root's,
  // unless the page has no better root).
  const times = scan.times.filter((t) => contains(root, t));
  const published = times.find((t) => (attr(t, "itemprop") ?? "").toLowerCase() === "datepublished" || /publish/i.test(attr(t, "class") ?? ""));
  for (const t of published ? [published, ...times] : times) {
    const d = isoDate(attr(t, "datetime"));
    if (d !== null) return d;
  }
  return isoDate(jsonLdField(scan, "datePublished"));
}

/** "2024-03-05T09:30:00-05:00" → "2024-03-05" (the date as written); null if not a valid date. */
export function isoDate(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function cleanLanguage(s: string): string | null {
  const t = s.trim().replace(/_/g, "-");
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(t) ? t : null;
}

function cleanLanguageOrNull(s: string | undefined): string | null {
  return s === undefined ? null : cleanLanguage(s);
}

/** An absolute http(s) URL, normalised by the URL parser; null for relative or other schemes. */
function absoluteHttpUrl(href: string): string | null {
  const t = href.trim();
  if (!/^https?:\/\//i.test(t)) return null;
  try {
    const u = new URL(t);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

// JSON-LD (schema.org Article and friends): a fallback for headline, author and date.

function jsonLdObjects(scan: Scan): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = o["@type"];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === "string" && /Article|BlogPosting|Report|Posting/.test(t))) out.push(o);
    if (o["@graph"] !== undefined) visit(o["@graph"], depth + 1);
  };
  for (const src of scan.jsonLd) {
    try {
      visit(JSON.parse(src), 0);
    } catch {
      // Malformed JSON-LD is common; ignore it.
    }
  }
  return out;
}

function jsonLdField(scan: Scan, field: string): string | null {
  for (const o of jsonLdObjects(scan)) {
    const v = o[field];
    if (typeof v === "string" && v.trim() !== "") return v;
  }
  return null;
}

function jsonLdAuthor(scan: Scan): string | null {
  for (const o of jsonLdObjects(scan)) {
    const authors = Array.isArray(o.author) ? o.author : [o.author];
    const names = distinct(
      authors.map((a: unknown) => {
        if (typeof a === "string") return cleanName(a);
        if (a !== null && typeof a === "object" && typeof (a as { name?: unknown }).name === "string") return cleanName((a as { name: string }).name);
        return null;
      }),
    );
    if (names.length > 0) return names.join(", ");
  }
  return null;
}
