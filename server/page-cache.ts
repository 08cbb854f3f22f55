import "server-only";
import { randomBytes } from "node:crypto";
import { changeVersion } from "@/db/changes";
import { getDb } from "@/db/client";

/**
 * Reader pages, rendered once and served from memory until the database changes (and, while
 * a changed page is being rendered again or the server is busy rendering, for a few seconds
 * more: see cachedPage).
 *
 * A reader page is the same for every anonymous reader, so the proxy (proxy.ts) answers a
 * repeat request from here. A miss renders the page as usual — by requesting it from this very
 * server with a bypass token — and keeps the answer with the database's change version
 * (db/changes.ts: on every app server, any write makes every cached page stale). The page
 * keeps the Content-Security-Policy it was rendered with: its nonce was made after everything
 * in the body was written, so no stored text can carry it, and the body never changes.
 *
 * Never cached: requests with a session cookie or an API token, staff pages, client-side
 * navigations (RSC requests), anything but GET and HEAD, answers other than 200 and 404, and
 * answers that set a cookie.
 */

/** The bypass token of this process: a request bearing it is rendered, never served from here. */
export const RENDER_HEADER = "x-counterpoint-render";
const renderToken = randomBytes(18).toString("base64url");
/** The host the page was asked for (a rendered page's links are absolute). */
export const HOST_HEADER = "x-counterpoint-host";
export const PROTO_HEADER = "x-counterpoint-proto";

export function isInternalRender(headers: Headers): boolean {
  return headers.get(RENDER_HEADER) === renderToken;
}

const READER_PATHS = /^\/(?:$|claims\/\d+$|sources(?:\/\d+(?:\/revisions(?:\/\d+)?)?)?$|speakers(?:\/\d+(?:\/timeline)?)?$|stories(?:\/\d+)?$|contested$|search$|embed\/claims\/\d+$|feed\.xml$|(?:stories|speakers)\/\d+\/feed\.xml$)/;
const MAX_BYTES = (Number(process.env.COUNTERPOINT_PAGE_CACHE_MB) || 48) * 1024 * 1024;
const MAX_ENTRY = 2 * 1024 * 1024;
/** How old a page may be to be served while it is rendered again (see cachedPage). */
const STALE_MS = (Number(process.env.COUNTERPOINT_PAGE_STALE_S) || 10) * 1000;
/** Renders under way at once from which the server counts as busy. */
const BUSY_RENDERS = 2;

interface Entry {
  version: string;
  /** When it was rendered (ms since the epoch). */
  at: number;
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

const globalForCache = globalThis as unknown as { counterpointPages?: { entries: Map<string, Entry>; bytes: number; pending: Map<string, Promise<Entry | null>> } };
const cache = (globalForCache.counterpointPages ??= { entries: new Map(), bytes: 0, pending: new Map() });

export function cacheable(request: Request, url: URL): boolean {
  if (process.env.COUNTERPOINT_PAGE_CACHE === "off") return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (isInternalRender(request.headers)) return false;
  if (request.headers.get("authorization") || /counterpoint\.session_token/.test(request.headers.get("cookie") ?? "")) return false;
  if (request.headers.get("rsc") || request.headers.get("next-router-prefetch") || url.searchParams.has("_rsc")) return false;
  return READER_PATHS.test(url.pathname) && url.search.length <= 512;
}

function internalOrigin(): string {
  return process.env.COUNTERPOINT_INTERNAL_URL ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

function remember(key: string, entry: Entry): void {
  const old = cache.entries.get(key);
  if (old) cache.bytes -= old.body.byteLength;
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  cache.bytes += entry.body.byteLength;
  // Least recently used first: a Map iterates in insertion order and hits are re-inserted.
  for (const [k, e] of cache.entries) {
    if (cache.bytes <= MAX_BYTES) break;
    cache.entries.delete(k);
    cache.bytes -= e.body.byteLength;
  }
}

/**
 * A path no route matches: Next renders app/not-found.tsx for it, in the root layout, on the
 * server. A page that calls notFound() is answered by Next 16 with an empty error shell that
 * only JavaScript fills in — a blank page for readers without it, and for crawlers
 * (https://github.com/vercel/next.js/issues/62228) — so a reader's 404 is this page instead.
 */
export const NOT_FOUND_PATH = "/_counterpoint/not-found";

/** A reader's path whose id is no id (`/claims/abc`): the 404 page without asking the database. */
export function malformedReaderPath(pathname: string): boolean {
  return /^\/(?:claims|sources|speakers|stories)\/(?!new(?:\/|$))(?!\d+(?:\/|$))[^/]+/.test(pathname);
}

async function render(url: URL, site: { host: string; proto: string }, version: string): Promise<Entry | null> {
  const asked = { [RENDER_HEADER]: renderToken, [HOST_HEADER]: site.host, [PROTO_HEADER]: site.proto, "accept-encoding": "identity" };
  let res = await fetch(new URL(url.pathname + url.search, internalOrigin()), { headers: asked, redirect: "manual" });
  if (res.status === 404) {
    // The page said 404: keep the status, serve the 404 page rendered on the server (and its CSP).
    await res.arrayBuffer();
    res = await fetch(new URL(NOT_FOUND_PATH, internalOrigin()), { headers: asked, redirect: "manual" });
    if (res.status !== 404) return null;
  }
  const body = new Uint8Array(await res.arrayBuffer());
  if ((res.status !== 200 && res.status !== 404) || res.headers.has("set-cookie") || body.byteLength > MAX_ENTRY) return null;
  const headers = [...res.headers].filter(([name]) => !["content-length", "content-encoding", "transfer-encoding", "connection", "date", "keep-alive"].includes(name));
  return { version, at: Date.now(), status: res.status, headers, body };
}

function respond(entry: Entry, state: "hit" | "miss" | "stale", head: boolean): Response {
  const headers = new Headers(entry.headers);
  headers.set("x-counterpoint-cache", state);
  return new Response(head ? null : entry.body, { status: entry.status, headers });
}

/**
 * The cached answer to a reader's request (rendering it first when missing or stale), or null
 * when the request must be rendered the usual way. `site` is the public host and scheme the
 * request was made to (the caller decides which forwarded headers to believe).
 */
export async function cachedPage(request: Request, url: URL, site: { host: string; proto: string }): Promise<Response | null> {
  if (!cacheable(request, url)) return null;
  const version = await changeVersion(getDb(), "readers");
  const key = `${site.proto}://${site.host}${url.pathname}${url.search}`;
  const found = cache.entries.get(key);
  if (found && found.version === version) {
    remember(key, found);
    return respond(found, "hit", request.method === "HEAD");
  }
  // One render of a page at a time, however many readers ask and however many writes land
  // meanwhile: under a stream of writes every request would otherwise start a render of its
  // own version, and the renders would starve the readers.
  let pending = cache.pending.get(key);
  // The first reader after a change waits for the new page. Those who come while it is being
  // rendered — or while the server is busy rendering many pages (a burst of writes makes every
  // page stale at once) — get the copy of a moment ago (at most STALE_MS old) at once, rather
  // than waiting in line; a busy server renders it again once it has caught up.
  if (found && Date.now() - found.at < STALE_MS && (pending || cache.pending.size >= BUSY_RENDERS)) {
    remember(key, found);
    return respond(found, "stale", request.method === "HEAD");
  }
  if (!pending) {
    // A render that fails (the connection to this server dropped) is a page rendered the usual way.
    pending = render(url, site, version)
      .catch(() => null)
      .finally(() => cache.pending.delete(key));
    cache.pending.set(key, pending);
  }
  const entry = await pending;
  if (!entry) return null;
  remember(key, entry);
  return respond(entry, "miss", request.method === "HEAD");
}

/** Forgets every cached page (tests). */
export function clearPageCache(): void {
  cache.entries.clear();
  cache.bytes = 0;
}
