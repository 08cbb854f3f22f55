import { beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { hashSessionToken } from "@/db/auth-database";
import type { Db } from "@/db/client";
import { getAuth } from "@/server/auth";
import { PEER_HEADER } from "@/server/forwarding";
import { getViewer } from "@/server/viewer";
import { all, createSeededDb, installDb } from "../support/db";
import { call } from "../support/http";

/** Secrets at rest: what a copy of the database file gives away, and what an answer body carries. */
let db: Db;
beforeAll(async () => {
  db = installDb(await createSeededDb());
});

async function signIn(email: string, password: string) {
  return authPost(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost", [PEER_HEADER]: "10.50.0.1" },
      body: JSON.stringify({ email, password }),
    }),
  );
}
const sessionTokenOf = (res: Response) => decodeURIComponent(res.headers.getSetCookie().find((c) => c.includes("session_token="))!.split(";")[0]!.split("=")[1]!).split(".")[0]!;
const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const asViewer = (cookie: string) => getViewer(new Request("http://localhost/", { headers: { cookie, host: "localhost" } }));

describe("session and API tokens at rest", () => {
  it("keeps only a hash of each session token; the sign-in answer carries none; the session works", async () => {
    const res = await signIn("editor@counterpoint.test", "demo-editor-pass");
    expect(res.status).toBe(200);
    const text = await res.text();
    const token = sessionTokenOf(res);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).not.toHaveProperty("token");

    const stored = (await all<{ token: string }>(db, "SELECT token FROM sessions")).map((r) => r.token);
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashSessionToken(token));

    // The cookie still signs in, get-session answers without the token, sign-out ends it.
    const cookie = cookieOf(res);
    expect((await asViewer(cookie)).kind).toBe("user");
    const session = await authGet(new Request("http://localhost/api/auth/get-session", { headers: { cookie, host: "localhost" } }));
    const sessionText = await session.text();
    expect(JSON.parse(sessionText).user.email).toBe("editor@counterpoint.test");
    expect(sessionText).not.toContain(token);
    expect(sessionText).not.toContain(hashSessionToken(token));
    const out = await authPost(new Request("http://localhost/api/auth/sign-out", { method: "POST", headers: { cookie, host: "localhost", origin: "http://localhost", [PEER_HEADER]: "10.50.0.1" } }));
    expect(out.status).toBe(200);
    expect((await asViewer(cookie)).kind).toBe("anonymous");
    expect((await all<{ token: string }>(db, "SELECT token FROM sessions")).map((r) => r.token)).not.toContain(hashSessionToken(token));
  });

  it("a session token copied out of the database opens nothing", async () => {
    const res = await signIn("admin@counterpoint.test", "demo-admin-pass");
    const token = sessionTokenOf(res);
    const [row] = await all<{ token: string }>(db, "SELECT token FROM sessions WHERE token = ?", hashSessionToken(token));
    expect(row).toBeDefined();
    // The library's own session lookup (what a correctly signed cookie reaches): the stored value is no session.
    const context = await (await getAuth()).$context;
    expect(await context.internalAdapter.findSession(row!.token)).toBeNull();
    expect((await context.internalAdapter.findSession(token))?.user.email).toBe("admin@counterpoint.test");
    expect((await asViewer(cookieOf(res))).kind).toBe("user");
  });

  it("keeps only a hash of each API token", async () => {
    const signedIn = await signIn("factchecker@counterpoint.test", "demo-factchecker");
    const created = await call(createToken, "/api/tokens", { method: "POST", headers: { cookie: cookieOf(signedIn), origin: "http://localhost" }, json: { name: "at rest" } });
    expect(created.status).toBe(201);
    const secret = created.body.token as string;
    const dump = JSON.stringify(await all(db, "SELECT * FROM api_tokens"));
    expect(dump).not.toContain(secret);
    expect((await getViewer(new Request("http://localhost/api/queue", { headers: { authorization: `Bearer ${secret}` } }))).kind).toBe("user");
  });
});
