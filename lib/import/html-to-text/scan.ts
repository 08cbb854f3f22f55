/**
 * One pass over the whole document: the metadata (meta tags, `<title>`, `<html lang>`, canonical
 * link, JSON-LD, author and date elements) and the candidate content roots (articles, mains),
 * then the choice of the root the text is taken from.
 */
import { attrs, type DomDocument, type DomElement, type DomNode, hasChildren, hasToken, isElement, NO_ATTRS, textContent } from "./dom";
import { isMainRole, isStructurallyDropped, looksLikeNoise, nextInSection, rawTextLength } from "./chrome";
import { absoluteHttpUrl, cleanLanguage, cleanLanguageOrNull, collapse } from "./strings";

export interface Scan {
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

export function scanDocument(doc: DomDocument): Scan {
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
export function chooseContentRoot(scan: Scan): { root: DomDocument | DomElement; length: number | null } {
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
