import { beforeAll, describe, expect, it } from "vitest";
import { POST as createStory } from "@/app/api/stories/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import type { Db } from "@/db/client";
import { hashToken } from "@/server/tokens";
import { all, get, run, seededApi } from "../support/db";
import { call } from "../support/http";
import { eventsFor, refused, userIdOf } from "./support";

let db: Db;
let admin: string;
let editor: string;
let fc: string;

beforeAll(async () => {
  ({ db, admin, editor, factchecker: fc } = await seededApi("admin", "editor", "factchecker"));
});

const tokenRow = async (id: number) => (await get(db, "SELECT * FROM api_tokens WHERE id = ?", id))!;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

describe("POST /api/tokens", () => {
  it("gives the secret once, stores only its hash, and audits without the secret", async () => {
    const res = await call(createToken, "/api/tokens", { method: "POST", token: fc, json: { name: "  Importer  " } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), name: "Importer", prefix: res.body.token.slice(0, 10), token: expect.stringMatching(/^cp_[\w-]{40,}$/), createdAt: expect.any(String), expiresAt: null, lastUsedAt: null, revokedAt: null });
    const row = await tokenRow(res.body.id);
    expect(row.token_hash).toBe(hashToken(res.body.token));
    expect(JSON.stringify(row)).not.toContain(res.body.token);
    const events = await eventsFor(db, "token", res.body.id);
    expect(events).toMatchObject([{ action: "create", actor: await userIdOf(db, "factchecker") }]);
    expect(JSON.stringify(events)).not.toContain(res.body.token);
    // The list never shows the secret again.
    const list = await call(listTokens, "/api/tokens", { token: fc });
    expect(list.body.items.find((t: { id: number }) => t.id === res.body.id)).not.toHaveProperty("token");
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    // And the new token works.
    expect((await call(createStory, "/api/stories", { method: "POST", token: res.body.token, json: { title: "Imported story" } })).status).toBe(201);
  });

  it("takes an expiry as a date (through that day) or a date-time", async () => {
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const byDate = await call(createToken, "/api/tokens", { method: "POST", token: editor, json: { name: "Monthly", expiresAt: day } });
    expect(byDate.status, JSON.stringify(byDate.body)).toBe(201);
    expect(byDate.body.expiresAt).toBe(`${day}T23:59:59.999Z`);
    const when = inAYear();
    const byTime = await call(createToken, "/api/tokens", { method: "POST", token: editor, json: { name: "Yearly", expiresAt: when } });
    expect(byTime.body.expiresAt).toBe(when);
    const never = await call(createToken, "/api/tokens", { method: "POST", token: editor, json: { name: "Forever", expiresAt: "" } });
    expect(never.body.expiresAt).toBeNull();
  });

  it("refuses anonymous callers and bad input, naming fields, and changes nothing", async () => {
    await refused(db, createToken, "/api/tokens", { method: "POST", json: { name: "x" } }, 401);
    const post = (json: unknown, fields: string[] = []) => refused(db, createToken, "/api/tokens", { method: "POST", token: fc, json }, 400, fields);
    await post({}, ["name"]);
    await post({ name: "   " }, ["name"]);
    await post({ name: "x".repeat(101) }, ["name"]);
    await post({ name: "x", expiresAt: "next week" }, ["expiresAt"]);
    await post({ name: "x", expiresAt: "2030-02-30" }, ["expiresAt"]);
    await post({ name: "x", expiresAt: "2001-01-01" }, ["expiresAt"]);
    await post({ name: "x", expiresAt: new Date(Date.now() - 60_000).toISOString() }, ["expiresAt"]);
    await post({ name: "x", userId: await userIdOf(db, "admin") });
    await post("{ not json");
  });

  it("an expired token is refused", async () => {
    const res = await call(createToken, "/api/tokens", { method: "POST", token: fc, json: { name: "Short-lived", expiresAt: new Date(Date.now() + 60_000).toISOString() } });
    await run(db, "UPDATE api_tokens SET expires_at = ? WHERE id = ?", new Date(Date.now() - 1000).toISOString(), res.body.id);
    await refused(db, createStory, "/api/stories", { method: "POST", token: res.body.token, json: { title: "Too late" } }, 401);
  });
});

describe("GET /api/tokens", () => {
  it("lists only your own tokens, newest first", async () => {
    const mine = await call(listTokens, "/api/tokens", { token: editor });
    expect(mine.status).toBe(200);
    const ids = (await all<{ id: number }>(db, "SELECT id FROM api_tokens WHERE user_id = ? ORDER BY id DESC", await userIdOf(db, "editor"))).map((r) => r.id);
    expect(mine.body.items.map((t: { id: number }) => t.id)).toEqual(ids);
    expect(mine.body.items.map((t: { name: string }) => t.name)).toContain("test editor");
    expect(mine.body.items.map((t: { name: string }) => t.name)).not.toContain("test factchecker");
  });

  it("lets an admin list another user's tokens, and no one else", async () => {
    const editorId = await userIdOf(db, "editor");
    const res = await call(listTokens, `/api/tokens?user=${editorId}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { name: string }) => t.name)).toContain("test editor");
    expect((await call(listTokens, `/api/tokens?user=${await userIdOf(db, "admin")}`, { token: fc })).status).toBe(403);
    expect((await call(listTokens, "/api/tokens?user=nobody", { token: admin })).status).toBe(404);
  });

  it("is refused to anonymous callers", async () => {
    expect((await call(listTokens, "/api/tokens")).status).toBe(401);
  });
});

describe("DELETE /api/tokens/{id}", () => {
  it("revokes your own token, audited; the token is then refused (401) on a write", async () => {
    const created = await call(createToken, "/api/tokens", { method: "POST", token: fc, json: { name: "To revoke" } });
    const { id, token } = created.body as { id: number; token: string };
    expect((await call(createStory, "/api/stories", { method: "POST", token, json: { title: "Before revocation" } })).status).toBe(201);

    const res = await call(revokeToken, `/api/tokens/${id}`, { method: "DELETE", params: { id: String(id) }, token: fc });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, revokedAt: expect.any(String) });
    expect((await tokenRow(id)).revoked_at).toBe(res.body.revokedAt);
    expect((await eventsFor(db, "token", id)).map((e) => e.action)).toEqual(["create", "revoke"]);

    await refused(db, createStory, "/api/stories", { method: "POST", token, json: { title: "After revocation" } }, 401);
    await refused(db, createToken, "/api/tokens", { method: "POST", token, json: { name: "Sneaky replacement" } }, 401);
    // The list still shows it, as revoked.
    const list = await call(listTokens, "/api/tokens", { token: fc });
    expect(list.body.items.find((t: { id: number }) => t.id === id).revokedAt).toBe(res.body.revokedAt);
  });

  it("a token can revoke itself, and revoking twice changes nothing", async () => {
    const created = await call(createToken, "/api/tokens", { method: "POST", token: editor, json: { name: "Self-revoking" } });
    const { id, token } = created.body as { id: number; token: string };
    expect((await call(revokeToken, `/api/tokens/${id}`, { method: "DELETE", params: { id: String(id) }, token })).status).toBe(200);
    const again = await call(revokeToken, `/api/tokens/${id}`, { method: "DELETE", params: { id: String(id) }, token: editor });
    expect(again.status).toBe(200);
    expect((await eventsFor(db, "token", id)).map((e) => e.action)).toEqual(["create", "revoke"]);
  });

  it("refuses someone else's token as unknown (404), but an admin may revoke any", async () => {
    const created = await call(createToken, "/api/tokens", { method: "POST", token: fc, json: { name: "Fatima's importer" } });
    const id = String(created.body.id);
    await refused(db, revokeToken, `/api/tokens/${id}`, { method: "DELETE", params: { id }, token: editor }, 404);
    await refused(db, revokeToken, `/api/tokens/${id}`, { method: "DELETE", params: { id } }, 401);
    const res = await call(revokeToken, `/api/tokens/${id}`, { method: "DELETE", params: { id }, token: admin });
    expect(res.status).toBe(200);
    expect((await eventsFor(db, "token", id)).at(-1)).toMatchObject({ action: "revoke", actor: await userIdOf(db, "admin") });
    await refused(db, createStory, "/api/stories", { method: "POST", token: created.body.token, json: { title: "Revoked by an admin" } }, 401);
  });

  it("refuses unknown and malformed ids", async () => {
    await refused(db, revokeToken, "/api/tokens/999999", { method: "DELETE", params: { id: "999999" }, token: fc }, 404);
    await refused(db, revokeToken, "/api/tokens/abc", { method: "DELETE", params: { id: "abc" }, token: fc }, 400, ["id"]);
  });
});
