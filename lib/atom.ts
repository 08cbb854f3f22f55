/**
 * Atom 1.0 (RFC 4287) feeds, written as text. Every value is escaped, and characters XML 1.0
 * cannot carry at all (control characters, lone surrogates) are dropped, so any claim text gives
 * a well-formed document. Pure: safe anywhere.
 */
import { permalinks, type SiteInfo } from "./claimreview";
import type { ClaimDTO } from "./dto";

export interface AtomEntry {
  /** A permanent IRI: the claim's permalink. */
  id: string;
  title: string;
  /** ISO-8601 timestamps. */
  updated: string;
  published: string;
  link: string;
  summary: string;
  category: { term: string; label?: string };
  author?: { name: string; uri?: string };
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The HTML page it follows (rel="alternate"). */
  alternate: string;
  author: { name: string; uri?: string };
  entries: AtomEntry[];
  /** Used for `updated` when there are no entries (Atom requires one). */
  emptyUpdated?: string;
  /** RFC 5005 paging: the newest page (first), the next older page (next), the newer one (previous). */
  pages?: { first?: string; next?: string; previous?: string };
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** Characters XML 1.0 forbids, whatever the escaping: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML character data or a quoted attribute value. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An RFC 3339 timestamp (Atom's date construct) from an ISO string or a calendar date. */
export function atomDate(iso: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? "1970-01-01T00:00:00Z" : d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function person(tag: "author", p: { name: string; uri?: string }, indent: string): string {
  const uri = p.uri ? `<uri>${escapeXml(p.uri)}</uri>` : "";
  return `${indent}<${tag}><name>${escapeXml(p.name)}</name>${uri}</${tag}>`;
}

function entry(e: AtomEntry): string {
  const label = e.category.label ? ` label="${escapeXml(e.category.label)}"` : "";
  return [
    "  <entry>",
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    <updated>${atomDate(e.updated)}</updated>`,
    `    <published>${atomDate(e.published)}</published>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    ...(e.author ? [person("author", e.author, "    ")] : []),
    `    <category term="${escapeXml(e.category.term)}"${label}/>`,
    `    <summary type="text">${escapeXml(e.summary)}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** The feed as an XML document; `updated` is the newest entry's. */
export function renderAtomFeed(feed: AtomFeed): string {
  const newest = feed.entries.map((e) => atomDate(e.updated)).sort().at(-1) ?? atomDate(feed.emptyUpdated ?? "1970-01-01T00:00:00Z");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${newest}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    ...(["first", "next", "previous"] as const).flatMap((rel) => (feed.pages?.[rel] ? [`  <link rel="${rel}" type="application/atom+xml" href="${escapeXml(feed.pages[rel])}"/>`] : [])),
    person("author", feed.author, "  "),
    "  <generator>Counterpoint</generator>",
    ...feed.entries.map(entry),
    "</feed>",
    "",
  ].join("\n");
}

/**
 * A published verdict as an entry: titled with the claim, summarised as verdict, speaker and
 * quote, filed under the verdict's label. Its id is the claim's permalink, so a verdict that is
 * revised later updates the same entry.
 */
export function verdictEntry(claim: ClaimDTO, verdictAt: string, site: SiteInfo): AtomEntry {
  const link = permalinks(site).claim(claim.id);
  const label = claim.verdict?.rating.label ?? "No verdict";
  const said = claim.quote ? `“${claim.quote}”` : claim.text;
  return {
    id: link,
    title: claim.text,
    updated: verdictAt,
    published: verdictAt,
    link,
    summary: `${label}. ${claim.speaker.name}: ${said}`,
    category: { term: label, label },
    author: { name: site.orgName, uri: site.orgUrl },
  };
}
