/** Caching and transport headers of pages (set by proxy.ts). Pure. */
import { carriesCredentials } from "./credentials";

/** Pages only staff use, whatever they show. */
const STAFF_PAGES = [/^\/sources\/new/, /^\/sources\/\d+\/(annotate|edit|history)/, /^\/(claims|speakers)\/\d+\/(edit|history)/, /^\/review/, /^\/admin/, /^\/account/, /^\/sign-in/];

/**
 * What a page may be cached as. A reader's page shows only published material, the same for
 * every anonymous reader: shared caches may keep it a minute and serve it stale while they
 * refresh it. A request with credentials of any kind — a session cookie or an Authorization
 * header, valid or not — may be shown drafts: never stored.
 */
export function pageCacheControl(headers: Headers, url: URL): string {
  if (carriesCredentials(headers) || STAFF_PAGES.some((re) => re.test(url.pathname))) return "private, no-store";
  return "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
}

/**
 * Strict-Transport-Security when the site is served over HTTPS: the configured public URL says
 * so, or the request itself arrived over TLS. (Browsers ignore the header over plain HTTP.)
 */
export function hsts(url: URL, publicUrl = process.env.COUNTERPOINT_URL): string | null {
  const https = publicUrl ? new URL(publicUrl).protocol === "https:" : url.protocol === "https:";
  return https ? "max-age=63072000; includeSubDomains" : null;
}
