/**
 * String clean-up shared by the text and the metadata: the whitespace and invisible characters
 * a paragraph collapses or drops, and the normalisers of metadata values (names, dates, language
 * tags, URLs), each returning null for a value that is not usable.
 */

export const ASCII_WHITESPACE = /[\t\n\f\r ]+/g;
// No-break spaces count as spaces; soft hyphens and C0 controls other than tab/LF/CR go.
export const INVISIBLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\u00AD]/g;
export const NBSP = /\u00A0/g;

export function collapse(s: string): string {
  return s.replace(INVISIBLE, "").replace(NBSP, " ").replace(/\s+/g, " ").trim();
}

export function nonEmpty(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const c = collapse(s);
  return c === "" ? null : c;
}

export function cleanName(s: string | null | undefined): string | null {
  const c = nonEmpty(s);
  if (c === null || isUrlLike(c)) return null;
  return c.replace(/^by\s+/i, "") || null;
}

function isUrlLike(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s);
}

export function distinct(xs: Array<string | null>): string[] {
  const seen = new Set<string>();
  for (const x of xs) if (x !== null) seen.add(x);
  return [...seen];
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

export function cleanLanguage(s: string): string | null {
  const t = s.trim().replace(/_/g, "-");
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(t) ? t : null;
}

export function cleanLanguageOrNull(s: string | undefined): string | null {
  return s === undefined ? null : cleanLanguage(s);
}

/** An absolute http(s) URL, normalised by the URL parser; null for relative or other schemes. */
export function absoluteHttpUrl(href: string): string | null {
  const t = href.trim();
  if (!/^https?:\/\//i.test(t)) return null;
  try {
    const u = new URL(t);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
