/**
 * What text Counterpoint stores: no control characters but tab, newline and carriage return (a
 * NUL cannot be stored by PostgreSQL and means nothing in a claim), and no lone surrogate halves
 * (which cannot be encoded as UTF-8 and would silently turn into U+FFFD). Pure: safe anywhere.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether `text` holds a UTF-16 surrogate half without its partner. */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** What is wrong with a string, or null when it may be stored. */
export function badTextReason(text: string): string | null {
  if (CONTROL.test(text)) return "must not contain control characters (only tab and newline are allowed)";
  if (hasLoneSurrogate(text)) return "must not contain a lone surrogate (text that is not valid Unicode)";
  return null;
}

/** The first string (or object key) in a JSON value that may not be stored, by dotted path (`_` for the value itself). */
export function findBadText(value: unknown, path: string[] = []): { path: string; message: string } | null {
  const here = () => (path.length > 0 ? path.join(".") : "_");
  if (typeof value === "string") {
    const message = badTextReason(value);
    return message ? { path: here(), message } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadText(value[i], [...path, String(i)]);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyReason = badTextReason(key);
      if (keyReason) return { path: here(), message: `has a key that ${keyReason}` };
      const bad = findBadText(item, [...path, key]);
      if (bad) return bad;
    }
  }
  return null;
}
