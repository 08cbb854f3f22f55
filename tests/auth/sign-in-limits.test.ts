import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { ACCOUNT_SIGN_IN_RULE } from "@/server/auth";
import { PEER_HEADER } from "@/server/forwarding";
import { createSeededDb, installDb } from "../support/db";

/**
 * The sign-in limits against forged forwarding headers. Route handlers are called as
 * scripts/serve.mjs would call them: PEER_HEADER carries the TCP peer (the browser suite checks
 * the same against a real server process, e2e/forwarded.spec.ts).
 */
beforeAll(async () => {
  installDb(await createSeededDb());
});
afterEach(() => {
  delete process.env.COUNTERPOINT_TRUSTED_PROXIES;
});

function signIn(email: string, password: string, peer: string, extra: Record<string, string> = {}) {
  return authPost(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost", [PEER_HEADER]: peer, ...extra },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("sign-in limits", () => {
  it("are not bypassed by a new X-Forwarded-For (or X-Real-IP, or Forwarded) on each attempt", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const forged = { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}`, forwarded: `for=203.0.113.${i + 1}` };
      statuses.push((await signIn(`nobody-${i}@counterpoint.test`, "not-the-password", "10.20.0.1", forged)).status);
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
    // The locked-out address cannot sign in with the right password, forged header or not…
    expect((await signIn("editor@counterpoint.test", "demo-editor-pass", "10.20.0.1", { "x-forwarded-for": "198.51.100.99" })).status).toBe(429);
    // …and it locked out nobody else.
    expect((await signIn("editor@counterpoint.test", "demo-editor-pass", "10.20.0.2")).status).toBe(200);
  }, 60_000);

  it("limit each account whatever address the attempts come from", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_SIGN_IN_RULE.max + 2; i++) statuses.push((await signIn("admin@counterpoint.test", `wrong-${i}-password`, `10.30.0.${i + 1}`)).status);
    expect(statuses.slice(0, ACCOUNT_SIGN_IN_RULE.max).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(ACCOUNT_SIGN_IN_RULE.max)).toEqual([429, 429]);
    // Rotating addresses does not reopen the account (its own limit is slower than a minute)…
    expect((await signIn("admin@counterpoint.test", "demo-admin-pass", "10.30.1.1")).status).toBe(429);
    // …and the per-account count is by the address as typed (case and spaces do not help).
    expect((await signIn(" ADMIN@counterpoint.test", "demo-admin-pass", "10.30.1.2")).status).toBe(429);
    // Other accounts are unaffected.
    expect((await signIn("factchecker@counterpoint.test", "demo-factchecker", "10.30.1.3")).status).toBe(200);
  }, 60_000);

  it("believe X-Forwarded-For from a configured trusted proxy", async () => {
    process.env.COUNTERPOINT_TRUSTED_PROXIES = "10.40.0.0/16, fd00::/8";
    const statuses: number[] = [];
    // Seven clients behind the proxy, one attempt each: none is refused for another's attempts.
    for (let i = 0; i < 7; i++) statuses.push((await signIn(`proxied-${i}@counterpoint.test`, "not-the-password", "10.40.0.1", { "x-forwarded-for": `198.51.100.${i + 1}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401]);
    // One client behind the proxy is limited by its own address, over IPv6 too.
    const one: number[] = [];
    for (let i = 0; i < 6; i++) one.push((await signIn(`proxied-v6-${i}@counterpoint.test`, "not-the-password", "fd00::1", { "x-forwarded-for": "2001:db8::7" })).status);
    expect(one).toEqual([401, 401, 401, 401, 401, 429]);
  }, 60_000);
});
