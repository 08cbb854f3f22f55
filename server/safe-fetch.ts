import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { ValidationError } from "@/lib/errors";

/**
 * Fetching a page a person names, without letting the server be turned against its own network
 * (SSRF): only http and https; every address the name resolves to is checked at connection time
 * (the check sits in the socket's DNS lookup, so a name cannot resolve to a public address for
 * the check and a private one for the connection); loopback, private, link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges are refused unless
 * COUNTERPOINT_FETCH_PRIVATE=1 (or `allowPrivate`) says this deployment wants them; at most 5
 * redirects, each checked the same way; 15 s in all; at most 5 MiB of body; HTML or text only.
 */

export interface SafeFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
}

export interface FetchedPage {
  /** The address the page was finally read from (after redirects). */
  url: string;
  contentType: string;
  body: string;
}

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) BLOCKED.addSubnet(net, prefix, "ipv6");

/**
 * True for an address the server must not be sent to. IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged
 * as the IPv4 address it maps (BlockList already checks IPv4 rules against mapped addresses, so
 * the mapped range itself is not listed: it would block every IPv4 address).
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

const refuse = (message: string): never => {
  throw new ValidationError(message, { url: message });
};

function checkedLookup(allowPrivate: boolean): typeof dnsLookup {
  return ((hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`${hostname} resolves to ${bad.address}, a private or local address`), { code: "EPRIVATE" }), []);
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as typeof dnsLookup;
}

function parseTarget(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("is not an address (give a full http or https URL)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse(`uses ${url.protocol.replace(":", "")}: only http and https pages can be fetched`);
  if (url.username || url.password) refuse("must not carry a user name or password");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allowPrivate && isPrivateAddress(host)) refuse(`points at ${host}, a private or local address`);
  if (!isIP(host) && !allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)) refuse(`points at ${host}, a local name`);
  return url;
}

function getOnce(url: URL, options: Required<SafeFetchOptions>, deadline: number): Promise<{ status: number; location: string | null; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(
      url,
      { lookup: checkedLookup(options.allowPrivate), headers: { accept: "text/html, text/plain;q=0.8", "user-agent": "Counterpoint (fact-checking; source import)" }, timeout: Math.max(1, deadline - Date.now()) },
      (response) => {
        const status = response.statusCode ?? 0;
        const contentType = String(response.headers["content-type"] ?? "");
        if (status >= 300 && status < 400) {
          response.resume();
          return resolve({ status, location: response.headers.location ?? null, contentType, body: "" });
        }
        const declared = Number(response.headers["content-length"] ?? "0");
        if (declared > options.maxBytes) {
          request.destroy();
          return reject(new ValidationError(`The page is too large (${declared} bytes; the limit is ${options.maxBytes}).`, { url: "the page is too large" }));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            request.destroy();
            reject(new ValidationError(`The page is too large (more than ${options.maxBytes} bytes).`, { url: "the page is too large" }));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, location: null, contentType, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof ValidationError) return reject(error);
      const why = error.code === "EPRIVATE" ? error.message : error.code === "ETIMEDOUT" ? `no answer within ${options.timeoutMs / 1000} s` : error.code === "ENOTFOUND" ? `${url.hostname} is not a known host` : error.message;
      reject(new ValidationError(`The page could not be fetched: ${why}.`, { url: why }));
    });
  });
}

/** Fetches an HTML or text page under the limits above; a refusal is a ValidationError on `url`. */
export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const opts: Required<SafeFetchOptions> = {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    allowPrivate: options.allowPrivate ?? process.env.COUNTERPOINT_FETCH_PRIVATE === "1",
  };
  const deadline = Date.now() + opts.timeoutMs;
  let url = parseTarget(raw, opts.allowPrivate);
  for (let hop = 0; ; hop++) {
    const page = await getOnce(url, opts, deadline);
    if (page.status >= 300 && page.status < 400) {
      if (!page.location) refuse(`the page redirects (${page.status}) without saying where`);
      if (hop >= opts.maxRedirects) refuse(`more than ${opts.maxRedirects} redirects`);
      url = parseTarget(new URL(page.location!, url).toString(), opts.allowPrivate);
      continue;
    }
    if (page.status !== 200) refuse(`the server answered ${page.status}`);
    const type = page.contentType.split(";")[0]!.trim().toLowerCase();
    if (type !== "text/html" && type !== "application/xhtml+xml" && type !== "text/plain") refuse(`is ${type || "of no stated type"}, not a web page (HTML or text)`);
    return { url: url.toString(), contentType: type, body: page.body };
  }
}
