/**
 * Where to go after signing in: a path on this site, or "/". Pure: safe in the browser.
 *
 * The value is resolved the way a browser would (WHATWG URL parsing strips tab and newline,
 * reads `\` as `/`, and `//host`, `/\host` or `/%09/host` as another origin) against a dummy
 * origin; anything that leaves that origin, or is not a plain path, is refused.
 */
const BASE = "http://counterpoint.invalid";

export function safeNext(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.length > 2000) return "/";
  // Control characters and backslashes have no place in our own paths; browsers rewrite them.
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // After normalisation, a path that starts `//` would again name another host.
  return path.startsWith("//") ? "/" : path;
}
