import { BlockList, isIP } from "node:net";

/**
 * Who is on the other end of a request, and which site it was made to — decided in one place
 * for every rate limit and every absolute URL.
 *
 * Only the TCP peer is a fact. `scripts/serve.mjs` (what `npm start` runs) removes any copy of
 * PEER_HEADER a client sent and stamps the socket's remote address into it, then marks the
 * process as stamped. Forwarding headers (X-Forwarded-For, X-Real-IP, X-Forwarded-Host/-Proto,
 * Forwarded) are believed only when that peer is a trusted proxy, as configured by
 * COUNTERPOINT_TRUSTED_PROXIES:
 *
 * - unset, empty or `0`: no proxy is trusted; the client is the peer itself (the default);
 * - a number N: N proxies stand in front of the app; the client is the address N hops back in
 *   the forwarded chain (the peer counts as the last hop);
 * - a comma-separated list of addresses and CIDR ranges (IPv4 and IPv6): hops in those ranges
 *   are proxies; the client is the nearest hop outside them.
 */

/** The header our server script stamps with the socket's remote address (a client's copy is removed first). */
export const PEER_HEADER = "x-counterpoint-peer";
/** Set on globalThis by the server script: PEER_HEADER can be believed in this process. */
const STAMPED = Symbol.for("counterpoint.peer-stamped");

export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; list: BlockList; ranges: string[] };

export class TrustedProxiesError extends Error {}

/** Strips brackets, a zone and an IPv4-mapped prefix: the plain address, or null if it is none. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[")) value = value.slice(1, value.indexOf("]") === -1 ? undefined : value.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

/** Parses COUNTERPOINT_TRUSTED_PROXIES; a malformed value is an error (naming the entry), never ignored. */
export function parseTrustedProxies(raw: string | undefined): ProxyTrust {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Number(value) };
  const list = new BlockList();
  const ranges: string[] = [];
  for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const ip = normaliseAddress(address);
    const family = ip ? (isIP(ip) === 6 ? "ipv6" : "ipv4") : null;
    const bits = prefix === undefined ? (family === "ipv6" ? 128 : 32) : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (!ip || !family || extra !== undefined || !(bits >= 0 && bits <= (family === "ipv6" ? 128 : 32))) {
      throw new TrustedProxiesError(`COUNTERPOINT_TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR range.`);
    }
    list.addSubnet(ip, bits, family);
    ranges.push(`${ip}/${bits}`);
  }
  return { kind: "ranges", list, ranges };
}

let cached: { raw: string | undefined; trust: ProxyTrust } | null = null;
/** The configured trust (parsed once per value of the variable). */
export function configuredTrust(): ProxyTrust {
  const raw = process.env.COUNTERPOINT_TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustedProxies(raw) };
  return cached.trust;
}

function inRanges(trust: ProxyTrust & { kind: "ranges" }, address: string): boolean {
  return trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** Whether the peer is a proxy whose forwarding headers we believe. */
export function peerIsTrusted(peer: string | null, trust: ProxyTrust = configuredTrust()): boolean {
  if (!peer) return false;
  if (trust.kind === "hops") return trust.hops > 0;
  if (trust.kind === "ranges") return inRanges(trust, peer);
  return false;
}

/** The TCP peer as stamped by our server, or null when this process is not behind it. */
export function peerAddress(headers: Headers): string | null {
  if (!(globalThis as Record<symbol, unknown>)[STAMPED]) return null;
  return normaliseAddress(headers.get(PEER_HEADER));
}

/** RFC 7239 `Forwarded` elements: their `for`, `host` and `proto`, nearest last. */
function parseForwarded(value: string): { for?: string; host?: string; proto?: string }[] {
  return value.split(",").map((element) => {
    const out: Record<string, string> = {};
    for (const pair of element.split(";")) {
      const at = pair.indexOf("=");
      if (at === -1) continue;
      out[pair.slice(0, at).trim().toLowerCase()] = pair.slice(at + 1).trim().replace(/^"(.*)"$/, "$1");
    }
    return out;
  });
}

/** The forwarded chain of client addresses, farthest first (each entry as sent: may be junk). */
function forwardedChain(headers: Headers): string[] {
  const forwarded = headers.get("forwarded");
  if (forwarded) return parseForwarded(forwarded).map((e) => e.for ?? "");
  const xff = headers.get("x-forwarded-for");
  if (xff) return xff.split(",").map((s) => s.trim());
  const realIp = headers.get("x-real-ip");
  return realIp ? [realIp.trim()] : [];
}

/**
 * The client's address given the peer and the trust: the peer itself unless it is a trusted
 * proxy; then walked back through the forwarded chain as far as the trust allows. A hop that is
 * not an address stops the walk at the last good one.
 */
export function resolveClient(headers: Headers, peer: string | null, trust: ProxyTrust = configuredTrust()): string | null {
  if (!peer || !peerIsTrusted(peer, trust)) return peer;
  const chain = [...forwardedChain(headers), peer];
  let at = chain.length - 1;
  if (trust.kind === "hops") {
    const target = Math.max(0, chain.length - 1 - trust.hops);
    while (at > target && normaliseAddress(chain[at - 1])) at--;
  } else if (trust.kind === "ranges") {
    while (at > 0 && inRanges(trust, chain[at]!) && normaliseAddress(chain[at - 1])) at--;
  }
  return normaliseAddress(chain[at]) ?? peer;
}

/** The address to count a request against: the resolved client, or "unknown" outside our server. */
export function clientAddress(request: Request | Headers): string {
  const headers = request instanceof Headers ? request : request.headers;
  return resolveClient(headers, peerAddress(headers)) ?? "unknown";
}

/** A host[:port] we are willing to write into a link: no userinfo, path, spaces or markup. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function isPlainHost(host: string | null | undefined): host is string {
  return Boolean(host && HOST.test(host));
}

/** The last value of a comma-separated header: the one the nearest proxy wrote. */
function nearest(value: string | null): string | null {
  const v = value?.split(",").at(-1)?.trim();
  return v ? v : null;
}

/**
 * The host and protocol a request was made to. Forwarded host/proto only from a trusted proxy
 * (the nearest proxy's value); otherwise the Host header, and the protocol the request arrived
 * with (plain HTTP at our own server).
 */
export function requestSite(headers: Headers, requestUrl?: string): { host: string; proto: "http" | "https" } {
  const fallback = requestUrl ? new URL(requestUrl) : null;
  const peer = peerAddress(headers);
  let host: string | null = null;
  let proto: string | null = null;
  if (peerIsTrusted(peer)) {
    const forwarded = headers.get("forwarded");
    const element = forwarded ? parseForwarded(forwarded).at(-1) : undefined;
    host = element?.host ?? nearest(headers.get("x-forwarded-host"));
    proto = (element?.proto ?? nearest(headers.get("x-forwarded-proto")))?.toLowerCase() ?? null;
  }
  const chosenHost = [host, headers.get("host"), fallback?.host].find(isPlainHost) ?? "localhost";
  // Behind our server, nothing but a trusted proxy can say the client used HTTPS (Next derives the
  // request URL's protocol from X-Forwarded-Proto, which any client can send).
  const ownProto = peer ? "http" : (fallback?.protocol.replace(":", "") ?? "http");
  const chosenProto = proto === "http" || proto === "https" ? proto : ownProto === "https" ? "https" : "http";
  return { host: chosenHost, proto: chosenProto };
}
