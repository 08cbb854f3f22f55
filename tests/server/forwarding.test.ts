import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, PEER_HEADER, parseTrustedProxies, requestSite, resolveClient, TrustedProxiesError } from "@/server/forwarding";

afterEach(() => {
  delete process.env.COUNTERPOINT_TRUSTED_PROXIES;
});

const h = (init: Record<string, string>) => new Headers(init);

describe("client address", () => {
  it("is the TCP peer when no proxy is trusted, whatever forwarding headers say", () => {
    const forged = { [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", forwarded: "for=9.9.9.9" };
    expect(clientAddress(h(forged))).toBe("203.0.113.5");
    expect(clientAddress(h({ [PEER_HEADER]: "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    // Without a peer (a header nobody stamped) there is no address to believe.
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });

  it("walks back a hop count through X-Forwarded-For", () => {
    const trust = parseTrustedProxies("2");
    // client → proxy A (appends client) → proxy B (appends A) → us: peer is B.
    const headers = h({ "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.2" });
    expect(resolveClient(headers, "10.0.0.3", trust)).toBe("198.51.100.1");
    expect(resolveClient(h({ "x-forwarded-for": "198.51.100.1" }), "10.0.0.3", parseTrustedProxies("1"))).toBe("198.51.100.1");
    // A shorter chain than the hop count stops at its first entry; junk stops the walk.
    expect(resolveClient(h({ "x-forwarded-for": "198.51.100.1" }), "10.0.0.3", trust)).toBe("198.51.100.1");
    expect(resolveClient(h({ "x-forwarded-for": "not-an-ip, 10.0.0.2" }), "10.0.0.3", trust)).toBe("10.0.0.2");
  });

  it("walks back through trusted ranges, IPv4 and IPv6, and reads Forwarded and X-Real-IP", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 2001:db8:1::/48, 192.0.2.1");
    expect(resolveClient(h({ "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.1.2.3" }), "192.0.2.1", trust)).toBe("198.51.100.1");
    expect(resolveClient(h({ "x-forwarded-for": "2001:db8:2::9" }), "2001:db8:1::5", trust)).toBe("2001:db8:2::9");
    expect(resolveClient(h({ forwarded: 'for="[2001:db8:2::7]:4711";proto=https, for=10.0.0.1' }), "10.9.9.9", trust)).toBe("2001:db8:2::7");
    expect(resolveClient(h({ "x-real-ip": "198.51.100.4" }), "10.9.9.9", trust)).toBe("198.51.100.4");
    // A peer outside the ranges is the client, forwarded headers or not.
    expect(resolveClient(h({ "x-forwarded-for": "1.1.1.1" }), "198.51.100.8", trust)).toBe("198.51.100.8");
  });

  it("refuses a malformed COUNTERPOINT_TRUSTED_PROXIES, naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(TrustedProxiesError);
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow(/"proxy.local"/);
    expect(parseTrustedProxies("")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normaliseAddress("evil")).toBeNull();
  });
});

describe("request site", () => {
  it("takes forwarded host and protocol only from a trusted proxy, the nearest proxy's value", () => {
    const headers = { host: "app:3000", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https", [PEER_HEADER]: "10.0.0.5" };
    expect(requestSite(h(headers), "https://app:3000/feed.xml")).toEqual({ host: "app:3000", proto: "http" });
    process.env.COUNTERPOINT_TRUSTED_PROXIES = "1";
    expect(requestSite(h(headers))).toEqual({ host: "evil.test", proto: "https" });
    expect(requestSite(h({ ...headers, "x-forwarded-host": "evil.test, claims.example.org" }))).toEqual({ host: "claims.example.org", proto: "https" });
    expect(requestSite(h({ ...headers, "x-forwarded-host": "", forwarded: "for=1.2.3.4;host=claims.example.org;proto=https" }))).toEqual({ host: "claims.example.org", proto: "https" });
    // A forwarded host that is not a plain host name is never used.
    expect(requestSite(h({ ...headers, "x-forwarded-host": "evil.test/<x>" }))).toEqual({ host: "app:3000", proto: "https" });
  });
});
