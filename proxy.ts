import { type NextRequest, NextResponse } from "next/server";
import { hsts, pageCacheControl } from "@/lib/page-headers";
import { requestSite } from "@/server/forwarding";
import { NOT_FOUND_PATH, cachedPage, malformedReaderPath } from "@/server/page-cache";

/**
 * Security headers on every response, with a fresh CSP nonce per request: Next.js reads the
 * nonce from the request's Content-Security-Policy header and puts it on its own inline
 * scripts, so no other script can run (a `<script>` smuggled into a source text or a rationale
 * is inert even if it ever reached the HTML). Framing is refused everywhere except /embed/*.
 */
export async function proxy(request: NextRequest) {
  // A reader's page that was rendered before and is still current: no rendering at all.
  const cached = await cachedPage(request, request.nextUrl, publicSite(request));
  if (cached) {
    const sts = hsts(request.nextUrl);
    if (sts) cached.headers.set("Strict-Transport-Security", sts);
    return cached;
  }
  const nonce = btoa(crypto.randomUUID());
  const embed = request.nextUrl.pathname.startsWith("/embed/");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes carry data-driven values (a verdict's colour); no style can run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embed ? "*" : "'none'"}`,
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // `/claims/abc` is the 404 page, rendered on the server (see NOT_FOUND_PATH).
  const response = malformedReaderPath(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (!embed) response.headers.set("X-Frame-Options", "DENY");
  const sts = hsts(request.nextUrl);
  if (sts) response.headers.set("Strict-Transport-Security", sts);
  // Embeds and feeds are route handlers that set their own caching.
  const path = request.nextUrl.pathname;
  if (!embed && !path.endsWith("/feed.xml")) {
    response.headers.set("Cache-Control", pageCacheControl(request.headers, request.nextUrl));
    response.headers.set("Vary", "Cookie, Authorization");
  }
  return response;
}

/**
 * The site a request was made to, for the page cache's key: the configured public URL, else the
 * site as requestSite decides it (forwarded host and protocol only from a trusted proxy).
 */
function publicSite(request: NextRequest): { host: string; proto: string } {
  const configured = process.env.COUNTERPOINT_URL ? new URL(process.env.COUNTERPOINT_URL) : null;
  if (configured) return { host: configured.host, proto: configured.protocol.replace(":", "") };
  return requestSite(request.headers, request.url);
}

// Pages only: the API answers JSON (its headers come from next.config.ts), and a proxy in front
// of /api would cut request bodies at 10 MB — below the 20 MB an HTML upload may take.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
