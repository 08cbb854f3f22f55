import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { GET as listUsers, POST as createUser } from "@/app/api/users/route";
import { POST as createStory } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { withTx } from "@/db/tx";
import { get, num, parseJson, seededApi } from "../support/db";
import { call } from "../support/http";
import { getUser } from "@/server/users";
import { eventsFor, refused, userIdOf } from "./support";

let db: Db;
let admin: string;
let editor: string;
let fc: string;

beforeAll(async () => {
  ({ db, admin, editor, factchecker: fc } = await seededApi("admin", "editor", "factchecker"));
});

const versionOf = async (id: string) => (await getUser(db, id)).version;

const newUser = (over: Record<string, unknown> = {}) => ({ email: `new.${Math.random().toString(36).slice(2)}@example.org`, name: "New Person", role: "factchecker", password: "a-long-password", ...over });

describe("GET /api/users", () => {
  it("lists every account, with role and active flag, for an admin", async () => {
    const res = await call(listUsers, "/api/users", { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(["admin@counterpoint.test", "editor@counterpoint.test", "factchecker@counterpoint.test"]));
    expect(res.body.items[0]).toEqual({ id: expect.any(String), name: expect.any(String), email: expect.any(String), role: expect.any(String), active: true, createdAt: expect.any(String), version: expect.any(Number) });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
  });

  it("is refused to anonymous callers (401) and to other roles (403)", async () => {
    expect((await call(listUsers, "/api/users")).status).toBe(401);
    expect((await call(listUsers, "/api/users", { token: editor })).status).toBe(403);
    expect((await call(listUsers, "/api/users", { token: fc })).status).toBe(403);
  });
});

describe("POST /api/users", () => {
  it("creates an account with a credential and an audit event", async () => {
    const input = newUser({ email: "  Casey.Reporter@Example.org ", role: "editor" });
    const res = await call(createUser, "/api/users", { method: "POST", token: admin, json: input });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ email: "casey.reporter@example.org", name: "New Person", role: "editor", active: true });
    const credential = (await get<{ password: string }>(db, "SELECT password FROM accounts WHERE user_id = ? AND provider_id = 'credential'", res.body.id))!;
    expect(credential.password).toBeTruthy();
    expect(credential.password).not.toContain("a-long-password");
    const events = await eventsFor(db, "user", res.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: await userIdOf(db, "admin"), action: "create" });
  });

  it("refuses non-admins, before reading the body", async () => {
    await refused(db, createUser, "/api/users", { method: "POST", json: newUser() }, 401);
    await refused(db, createUser, "/api/users", { method: "POST", token: editor, json: newUser() }, 403);
    await refused(db, createUser, "/api/users", { method: "POST", token: fc, json: newUser({ role: "admin" }) }, 403);
    await refused(db, createUser, "/api/users", { method: "POST", token: fc, json: "{ not json" }, 403);
  });

  it("refuses bad input naming each field, and changes nothing", async () => {
    const post = (json: unknown, status: number, fields: string[] = []) => refused(db, createUser, "/api/users", { method: "POST", token: admin, json }, status, fields);
    await post({}, 400, ["email", "name", "role", "password"]);
    await post(newUser({ email: "not-an-email" }), 400, ["email"]);
    await post(newUser({ email: "two@@example.org" }), 400, ["email"]);
    await post(newUser({ password: "short" }), 400, ["password"]);
    await post(newUser({ password: "123456789" }), 400, ["password"]);
    // Long enough but guessed at once (issue 12, item 13): blanks, one character, a run, a common one.
    for (const password of ["          ", "aaaaaaaaaa", "1234567890", "0123456789", "abababababab", "Password123", "qwertyuiop"]) await post(newUser({ password }), 400, ["password"]);
    await post(newUser({ role: "owner" }), 400, ["role"]);
    await post(newUser({ name: "   " }), 400, ["name"]);
    await post(newUser({ active: false }), 400);
    await post("{ not json", 400);
  });

  it("refuses a duplicate email (409), whatever its case", async () => {
    const res = await refused(db, createUser, "/api/users", { method: "POST", token: admin, json: newUser({ email: "EDITOR@counterpoint.test" }) }, 409);
    expect(res.body.error.message).toMatch(/exists/);
  });

  it("a new account's password is long enough to sign in with (the minimum is 10)", async () => {
    const res = await call(createUser, "/api/users", { method: "POST", token: admin, json: newUser({ password: "tulip-7-xq" }) });
    expect(res.status).toBe(201);
  });
});

describe("PATCH /api/users/{id}", () => {
  it("changes role and name, with before and after in the audit log", async () => {
    const created = await call(createUser, "/api/users", { method: "POST", token: admin, json: newUser() });
    const id = created.body.id as string;
    const res = await call(patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { role: "editor", name: "Renamed Person", version: await versionOf(id) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, role: "editor", name: "Renamed Person", active: true });
    expect(await get(db, "SELECT role, name FROM users WHERE id = ?", id)).toEqual({ role: "editor", name: "Renamed Person" });
    const update = (await eventsFor(db, "user", id)).at(-1)!;
    expect(update.action).toBe("update");
    expect(parseJson(update.before!)).toMatchObject({ role: "factchecker" });
    expect(parseJson(update.after!)).toMatchObject({ role: "editor" });
  });

  it("deactivating a user ends their sessions and makes their tokens useless", async () => {
    const created = await call(createUser, "/api/users", { method: "POST", token: admin, json: newUser() });
    const id = created.body.id as string;
    const viewer = { kind: "user" as const, id, name: "New Person", role: "factchecker" as const };
    const { createApiToken } = await import("@/server/tokens");
    const token = (await createApiToken(db, viewer, { name: "importer" })).token;
    expect((await call(createStory, "/api/stories", { method: "POST", token, json: { title: "Made while active" } })).status).toBe(201);
    await withTx(db, async (tx) => {
      await tx.insert(sessions).values({ id: "s-deact", token: "tok-deact", userId: id, expiresAt: new Date(Date.now() + 86_400_000), createdAt: new Date(), updatedAt: new Date() });
    });

    const res = await call(patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { active: false, version: await versionOf(id) } });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await num(db, "SELECT count(*) FROM sessions WHERE user_id = ?", id)).toBe(0);
    await refused(db, createStory, "/api/stories", { method: "POST", token, json: { title: "Made while deactivated" } }, 401);

    // Reactivated, the same token works again: deactivation is not revocation.
    expect((await call(patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { active: true, version: await versionOf(id) } })).body.active).toBe(true);
    expect((await call(createStory, "/api/stories", { method: "POST", token, json: { title: "Made after reactivation" } })).status).toBe(201);
  });

  it("an admin cannot demote or deactivate themself", async () => {
    const id = await userIdOf(db, "admin");
    await refused(db, patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { role: "editor", version: await versionOf(id) } }, 400, ["role"]);
    await refused(db, patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { active: false, version: await versionOf(id) } }, 400, ["active"]);
    const ok = await call(patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { name: "Ada Admin", version: await versionOf(id) } });
    expect(ok.status).toBe(200);
  });

  it("refuses other roles, bad input and unknown ids, and changes nothing", async () => {
    const id = await userIdOf(db, "factchecker");
    const patch = (init: Parameters<typeof refused>[3], status: number, fields: string[] = []) => refused(db, patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, ...init }, status, fields);
    await patch({ json: { role: "admin" } }, 401);
    await patch({ token: fc, json: { role: "admin" } }, 403);
    await patch({ token: editor, json: { role: "admin" } }, 403);
    await patch({ token: admin, json: { role: "boss" } }, 400, ["role"]);
    await patch({ token: admin, json: { active: "no" } }, 400, ["active"]);
    await patch({ token: admin, json: { name: "" } }, 400, ["name"]);
    await patch({ token: admin, json: { version: await versionOf(id) } }, 400, ["_"]);
    await patch({ token: admin, json: { email: "x@example.org" } }, 400);
    await refused(db, patchUser, "/api/users/nobody", { method: "PATCH", params: { id: "nobody" }, token: admin, json: { role: "editor", version: 1 } }, 404);
    await patch({ token: admin, json: { role: "editor" } }, 400, ["version"]);
  });

  it("two admins editing one account: the second, stale edit is a 409 with the current state (issue 12, item 7)", async () => {
    const created = await call(createUser, "/api/users", { method: "POST", token: admin, json: newUser() });
    const id = created.body.id as string;
    const loaded = created.body.version as number;
    const first = await call(patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { role: "editor", version: loaded } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBeGreaterThan(loaded);
    const second = await refused(db, patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, json: { name: "Overwriter", version: loaded } }, 409);
    expect(second.body.error.current).toMatchObject({ id, role: "editor", name: "New Person", version: first.body.version });
    // The same edit based on the current version goes through, also with If-Match.
    const retried = await call(patchUser, `/api/users/${id}`, { method: "PATCH", params: { id }, token: admin, headers: { "if-match": `"${first.body.version}"` }, json: { name: "Second Admin's Name" } });
    expect(retried.status).toBe(200);
    expect(await get(db, "SELECT role, name FROM users WHERE id = ?", id)).toEqual({ role: "editor", name: "Second Admin's Name" });
  });
});
