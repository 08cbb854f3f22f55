import { beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as createStory } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { getUser, updateUser } from "@/server/users";
import { getViewer } from "@/server/viewer";
import { createSeededDb, get, installDb, num } from "../support/db";
import { call } from "../support/http";

let db: Db;
beforeAll(async () => {
  db = installDb(await createSeededDb());
});

/** Calls better-auth's endpoint as a browser at `ip` would. */
function auth(path: string, body: unknown, ip: string, cookie?: string) {
  return authPost(
    new Request(`http://localhost/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost", "x-counterpoint-peer": ip, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}
const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

describe("sign-in and sessions", () => {
  it("signs in with email and password into an httpOnly, SameSite=Lax session cookie with the user's role", async () => {
    const res = await auth("/sign-in/email", { email: "editor@counterpoint.test", password: "demo-editor-pass" }, "10.0.0.1");
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Max-Age=604800/);
    const viewer = await getViewer(new Request("http://localhost/", { headers: { cookie: cookieOf(res), host: "localhost" } }));
    expect(viewer).toMatchObject({ kind: "user", role: "editor", name: "Eduardo Editor" });
    // With the cookie, a same-origin write goes through.
    const story = await call(createStory, "/api/stories", { method: "POST", headers: { cookie: cookieOf(res), origin: "http://localhost" }, json: { title: "From a session" } });
    expect(story.status).toBe(201);
  });

  it("refuses a wrong password, and limits sign-in attempts per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await auth("/sign-in/email", { email: "admin@counterpoint.test", password: `wrong-${i}-password` }, "10.0.0.2")).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    // The right password from the limited address is refused too, until the window passes…
    expect((await auth("/sign-in/email", { email: "admin@counterpoint.test", password: "demo-admin-pass" }, "10.0.0.2")).status).toBe(429);
    // …while another address signs in normally.
    expect((await auth("/sign-in/email", { email: "admin@counterpoint.test", password: "demo-admin-pass" }, "10.0.0.3")).status).toBe(200);
  });

  it("has no self-service sign-up", async () => {
    const res = await auth("/sign-up/email", { email: "new@example.org", password: "a-long-password", name: "New" }, "10.0.0.4");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await num(db, "SELECT count(*) FROM users WHERE email = 'new@example.org'")).toBe(0);
  });

  it("ends the session on sign-out and for a deactivated user", async () => {
    const signIn = await auth("/sign-in/email", { email: "factchecker@counterpoint.test", password: "demo-factchecker" }, "10.0.0.5");
    const cookie = cookieOf(signIn);
    const asViewer = () => getViewer(new Request("http://localhost/", { headers: { cookie, host: "localhost" } }));
    expect((await asViewer()).kind).toBe("user");
    expect((await auth("/sign-out", {}, "10.0.0.5", cookie)).status).toBe(200);
    expect((await asViewer()).kind).toBe("anonymous");

    const again = cookieOf(await auth("/sign-in/email", { email: "factchecker@counterpoint.test", password: "demo-factchecker" }, "10.0.0.6"));
    const user = (await get<{ id: string }>(db, "SELECT id FROM users WHERE role = 'factchecker'"))!;
    const admin = (await get<{ id: string }>(db, "SELECT id FROM users WHERE role = 'admin'"))!;
    await updateUser(db, admin.id, user.id, { active: false, version: (await getUser(db, user.id)).version });
    expect((await getViewer(new Request("http://localhost/", { headers: { cookie: again, host: "localhost" } }))).kind).toBe("anonymous");
    expect((await auth("/sign-in/email", { email: "factchecker@counterpoint.test", password: "demo-factchecker" }, "10.0.0.7")).status).not.toBe(200);
    await updateUser(db, admin.id, user.id, { active: true, version: (await getUser(db, user.id)).version });
  });

  it("answers get-session for the browser", async () => {
    const res = await authGet(new Request("http://localhost/api/auth/get-session", { headers: { host: "localhost" } }));
    expect(res.status).toBe(200);
  });
});
