/**
 * The page's metadata: title, byline and publication date, from meta tags first, then from the
 * content root's elements (`<h1>`, rel/itemprop=author, `<time>`), then from JSON-LD.
 */
import type { DefaultTreeAdapterTypes as T } from "parse5";
import { attr, type DomDocument, type DomElement, findFirst, hasToken, textContent } from "./dom";
import type { Scan } from "./scan";
import { cleanName, distinct, isoDate, nonEmpty } from "./strings";

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

export function pickTitle(scan: Scan, root: DomDocument | DomElement): string | null {
  const h1 = preferInside(scan.h1s, root);
  return (
    nonEmpty(scan.meta.get("og:title")) ??
    nonEmpty(scan.meta.get("twitter:title")) ??
    scan.titleTag ??
    (h1 ? nonEmpty(textContent(h1)) : null) ??
    nonEmpty(jsonLdField(scan, "headline"))
  );
}

export function pickByline(scan: Scan, root: DomDocument | DomElement): string | null {
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

export function pickDate(scan: Scan, root: DomDocument | DomElement): string | null {
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
