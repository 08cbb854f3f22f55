import "server-only";
import { headers as nextHeaders } from "next/headers";
import type { SiteInfo } from "@/lib/claimreview";
import { isPlainHost, requestSite } from "./forwarding";
import { HOST_HEADER, isInternalRender, PROTO_HEADER } from "./page-cache";

/**
 * Who runs this Counterpoint and where it lives, for absolute permalinks in ClaimReview,
 * Web Annotations, feeds, embeds and oEmbed.
 *
 * - COUNTERPOINT_URL: the public URL. Without it, each request's own host and protocol are used
 *   (X-Forwarded-Host/-Proto only from a trusted proxy, see forwarding.ts). Set it in production: feeds and
 *   embeds are cached publicly for five minutes, and a permalink should not depend on the Host a
 *   client chose to send.
 * - COUNTERPOINT_ORG_NAME: the organisation publishing the fact checks (default "Counterpoint").
 * - COUNTERPOINT_ORG_URL: its web site (default the site URL).
 */

/** An absolute http(s) URL without its trailing slash, or null when `raw` is not one. */
export function normaliseSiteUrl(raw: string | undefined | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/**
 * The site URL as the client reached it (see requestSite: forwarded host and protocol only from
 * a trusted proxy, else the Host header). A host header that is not a plain host name is
 * ignored (never written into links).
 */
export function siteUrlFromHeaders(headers: Headers, requestUrl?: string): string {
  // A page the page cache renders for a reader carries the site the reader asked for.
  if (isInternalRender(headers)) {
    const host = headers.get(HOST_HEADER);
    const proto = headers.get(PROTO_HEADER);
    if (isPlainHost(host) && (proto === "http" || proto === "https")) return `${proto}://${host}`;
  }
  const { host, proto } = requestSite(headers, requestUrl);
  return `${proto}://${host}`;
}

/** The site settings for a request's headers (route handlers) — pure apart from reading env. */
export function siteFromHeaders(headers: Headers, requestUrl?: string): SiteInfo {
  const url = normaliseSiteUrl(process.env.COUNTERPOINT_URL) ?? siteUrlFromHeaders(headers, requestUrl);
  const orgName = process.env.COUNTERPOINT_ORG_NAME?.trim() || "Counterpoint";
  const orgUrl = normaliseSiteUrl(process.env.COUNTERPOINT_ORG_URL) ?? url;
  return { url, orgName, orgUrl };
}

/** The site settings for a route handler's Request, or (without one) for the page being rendered. */
export async function getSite(request?: Request): Promise<SiteInfo> {
  if (request) return siteFromHeaders(request.headers, request.url);
  return siteFromHeaders(await nextHeaders());
}
