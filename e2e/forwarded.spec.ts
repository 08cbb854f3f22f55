import { expect, type APIRequestContext, request, test } from "@playwright/test";
import { DEMO_USERS, unique } from "./support/users";

/**
 * Forwarding headers against real server processes (scripts/serve.mjs, as `npm start` runs it),
 * where the client address comes from the socket. `direct` trusts no proxy (the default); the
 * first server trusts 127.0.0.1 as its proxy (see playwright.config.ts).
 */

const direct = process.env.E2E_DIRECT_URL!;
const proxied = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

async function client(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

async function signIn(baseURL: string, email: string, password: string, headers: Record<string, string>): Promise<number> {
  const c = await client(baseURL);
  const status = (await c.post("/api/auth/sign-in/email", { data: { email, password }, headers })).status();
  await c.dispose();
  return status;
}

// The sign-in and check-request tests below spend this machine's address's allowance.
test.describe.configure({ mode: "serial" });

test("a new X-Forwarded-For on every attempt does not get past the sign-in limit, and the locked-out address cannot sign in", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const forged = { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}`, forwarded: `for=203.0.113.${i + 1}` };
    statuses.push(await signIn(direct, `${unique("nobody").replace(/\W/g, "")}@counterpoint.test`, "not-the-password", forged));
  }
  const passed = statuses.filter((s) => s !== 429).length;
  console.log(`sign-in attempts with a forged X-Forwarded-For that passed the limit: ${passed} of 10`);
  expect(passed).toBeLessThanOrEqual(5);
  expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
  const editor = DEMO_USERS.find((u) => u.role === "editor")!;
  expect(await signIn(direct, editor.email, editor.password, { "x-forwarded-for": "198.51.100.200" })).toBe(429);
});

test("a new X-Forwarded-For on every check request does not get past the reader's limit", async () => {
  const reader = await client(direct);
  const claims = (await (await reader.get("/api/claims?status=published&limit=7")).json()).items as { id: number }[];
  expect(claims).toHaveLength(7);
  const statuses: number[] = [];
  for (const [i, claim] of claims.entries()) {
    const res = await reader.post(`/api/claims/${claim.id}/check-requests`, { data: { reason: "Is this right?" }, headers: { "x-forwarded-for": `198.51.100.${50 + i}` } });
    statuses.push(res.status());
  }
  await reader.dispose();
  const passed = statuses.filter((s) => s === 201).length;
  console.log(`check requests with a forged X-Forwarded-For that passed the limit: ${passed} of 7`);
  expect(passed).toBeLessThanOrEqual(5);
  expect(statuses.slice(5)).toEqual([429, 429]);
});

test("a forged X-Forwarded-Host never reaches feed or oEmbed links", async () => {
  const reader = await client(direct);
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example;proto=https" };
  const feed = await reader.get("/feed.xml", { headers: forged });
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).not.toContain("evil.example");
  expect(xml).toContain(`${direct}/`);
  const claim = (await (await reader.get("/api/claims?status=published&limit=1")).json()).items[0] as { id: number };
  const oembed = await reader.get(`/api/oembed?url=${encodeURIComponent(`${direct}/claims/${claim.id}`)}`, { headers: forged });
  expect(oembed.status()).toBe(200);
  const body = await oembed.text();
  expect(body).not.toContain("evil.example");
  expect(JSON.parse(body).provider_url).toBe(`${direct}/`);
  // Asking for the forged host's claim page is "not this site".
  expect((await reader.get(`/api/oembed?url=${encodeURIComponent(`https://evil.example/claims/${claim.id}`)}`, { headers: forged })).status()).toBe(400);
  await reader.dispose();
});

test("behind a trusted proxy, the forwarded address and host are used", async () => {
  const address = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  const email = `${unique("proxied").replace(/\W/g, "")}@counterpoint.test`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push(await signIn(proxied, email, "not-the-password", { "x-forwarded-for": address }));
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  // Another client behind the same proxy has its own allowance.
  expect(await signIn(proxied, email, "not-the-password", { "x-forwarded-for": "198.51.100.250" })).toBe(401);

  const reader = await client(proxied);
  const claim = (await (await reader.get("/api/claims?status=published&limit=1")).json()).items[0] as { id: number };
  const headers = { "x-forwarded-host": "claims.example.org", "x-forwarded-proto": "https" };
  const oembed = await reader.get(`/api/oembed?url=${encodeURIComponent(`https://claims.example.org/claims/${claim.id}`)}`, { headers });
  expect(oembed.status()).toBe(200);
  expect((await oembed.json()).provider_url).toBe("https://claims.example.org/");
  await reader.dispose();
});
