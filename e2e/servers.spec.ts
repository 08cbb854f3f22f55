import { expect, type APIRequestContext, request, test } from "@playwright/test";
import { DEMO_USERS, storageStatePath, unique } from "./support/users";

/**
 * Two app servers (`next start` twice, see playwright.config.ts) on one database, as a newsroom
 * runs them behind a proxy: nothing either needs lives only in its own memory.
 */

const first = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const second = process.env.E2E_SECOND_URL!;

async function client(baseURL: string, role?: "factchecker" | "editor"): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL }, ...(role ? { storageState: storageStatePath(role) } : {}) });
}

test("a claim saved through one server is read through the other at once, and a stale write there gets 409", async () => {
  const a = await client(first, "factchecker");
  const b = await client(second, "factchecker");
  const speakers = await (await a.get("/api/speakers?q=Pen%20Bona")).json();
  const text = unique("Two servers, one claim");
  const created = await a.post("/api/claims", { data: { text, speakerId: speakers.items[0].id } });
  expect(created.status()).toBe(201);
  const claim = await created.json();

  const seen = await b.get(`/api/claims/${claim.id}`);
  expect(seen.status()).toBe(200);
  expect((await seen.json()).text).toBe(text);

  const edited = await a.patch(`/api/claims/${claim.id}`, { data: { text: `${text} (edited)`, version: claim.version } });
  expect(edited.status()).toBe(200);
  const stale = await b.patch(`/api/claims/${claim.id}`, { data: { text: `${text} (stale)`, version: claim.version } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.current.text).toBe(`${text} (edited)`);
  await Promise.all([a.dispose(), b.dispose()]);
});

test("a session made on one server is valid on the other", async () => {
  const editor = DEMO_USERS.find((u) => u.role === "editor")!;
  const a = await client(first);
  const signedIn = await a.post("/api/auth/sign-in/email", { data: { email: editor.email, password: editor.password }, headers: { "x-forwarded-for": "198.51.100.7" } });
  expect(signedIn.ok()).toBe(true);
  const cookies = (await a.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const b = await client(second);
  const queue = await b.get("/api/queue", { headers: { cookie: cookies } });
  expect(queue.status()).toBe(200);
  const anonymous = await b.get("/api/queue");
  expect(anonymous.status()).toBe(401);
  await Promise.all([a.dispose(), b.dispose()]);
});

test("the sign-in limit counts attempts on both servers together", async () => {
  // One client address of its own, so other tests' sign-ins are not counted with these.
  const headers = { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200) + 20}` };
  const attempt = async (baseURL: string) => {
    const c = await client(baseURL);
    const res = await c.post("/api/auth/sign-in/email", { data: { email: "nobody@counterpoint.test", password: "not-the-password" }, headers });
    const status = res.status();
    await c.dispose();
    return status;
  };
  // Five attempts a minute per address: three on one server and two on the other use them up.
  const statuses = [await attempt(first), await attempt(second), await attempt(first), await attempt(second), await attempt(first)];
  expect(statuses.every((s) => s === 401)).toBe(true);
  expect(await attempt(second)).toBe(429);
  expect(await attempt(first)).toBe(429);
});

test("a reader's page is served from the cache until a write on either server changes it", async () => {
  const editor = await client(first, "editor");
  const reader = await client(second);
  const published = (await (await editor.get("/api/claims?status=published&limit=1")).json()).items[0];
  const path = `/claims/${published.id}`;
  await reader.get(path);
  const again = await reader.get(path);
  expect(again.headers()["x-counterpoint-cache"]).toBe("hit");

  // A comment (seen by staff only) leaves the readers' page as it was: still served from the cache.
  const note = await editor.post(`/api/claims/${published.id}/comments`, { data: { body: unique("A note for the desk") } });
  expect(note.status()).toBe(201);
  expect((await reader.get(path)).headers()["x-counterpoint-cache"]).toBe("hit");

  // An edit made through the other server: the next reader sees it, not the cached page.
  const text = unique("Edited while cached");
  const edited = await editor.patch(`/api/claims/${published.id}`, { data: { text, version: published.version } });
  expect(edited.status()).toBe(200);
  // (On PostgreSQL the other server hears of the write a moment after the commit.)
  await expect.poll(async () => (await reader.get(path)).text(), { timeout: 3000 }).toContain(text);

  // Signed in, never from the cache (staff pages may show drafts and tools).
  const staff = await client(second, "editor");
  const asStaff = await staff.get(path);
  expect(asStaff.headers()["x-counterpoint-cache"]).toBeUndefined();
  expect(asStaff.headers()["cache-control"]).toContain("no-store");
  await Promise.all([editor.dispose(), reader.dispose(), staff.dispose()]);
});

