/**
 * What is not the document's text: the dropping rules. Structural rules (tags, chrome roles,
 * `hidden`, `aria-hidden`, `display:none`, a page-level header/footer) drop an element whatever
 * its size. The class/id heuristics (share bars, cookie banners, …) only flag an element: the
 * text assembly keeps a flagged element holding more than half of the content's text
 * (`rawTextLength`), so a misnamed wrapper cannot empty the page.
 */
import { attr, type DomDocument, type DomElement, type DomNode, hasChildren, isElement, isText } from "./dom";
import { ASCII_WHITESPACE } from "./strings";

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
export const SECTIONING_TAGS = new Set(["article", "main", "section", "aside", "nav", "blockquote"]);

export function isMainRole(el: DomElement): boolean {
  return (attr(el, "role") ?? "").trim().toLowerCase() === "main";
}

/** Dropped whatever its size: tags, roles, hidden. */
export function isStructurallyDropped(el: DomElement, inSection: boolean): boolean {
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
export function looksLikeNoise(el: DomElement): boolean {
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

export function nextInSection(el: DomElement, inSection: boolean): boolean {
  return inSection || SECTIONING_TAGS.has(el.tagName) || isMainRole(el);
}

/**
 * Length of the text under `node` that survives the structural rules (class heuristics are not
 * applied here). Iterative.
 */
export function rawTextLength(node: DomNode | DomDocument, inSection: boolean): number {
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
