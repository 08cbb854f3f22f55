import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRating, PATCH as patchRating } from "@/app/api/ratings/[id]/route";
import { GET as listRatings, POST as createRating } from "@/app/api/ratings/route";
import type { Db } from "@/db/client";
import { get, idOf, parseJson, run, seededApi } from "../support/db";
import { call } from "../support/http";
import { eventsFor, refused, userIdOf } from "./support";

let db: Db;
let admin: string;
let editor: string;
let fc: string;

beforeAll(async () => {
  ({ db, admin, editor, factchecker: fc } = await seededApi("admin", "editor", "factchecker"));
});

const rating = (id: number) => get(db, "SELECT * FROM ratings WHERE id = ?", id);
const verdict = (over: Record<string, unknown> = {}) => ({ key: "needs-context", label: "Needs context", description: "True as far as it goes.", colour: "#1d4ed8", value: 3, ...over });

describe("GET /api/ratings", () => {
  it("gives anyone the default scale in position order, without usage counts", async () => {
    const res = await call(listRatings, "/api/ratings");
    expect(res.status).toBe(200);
    expect(res.body.scale).toEqual({ id: expect.any(Number), name: "Counterpoint default" });
    expect(res.body.items.map((r: { key: string }) => r.key)).toEqual(["true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven"]);
    expect(res.body.items[0]).toEqual({ id: expect.any(Number), key: "true", label: "True", description: expect.any(String), colour: "#1a7f37", value: 5, position: 1, version: 1 });
    expect(res.body.items.at(-1).value).toBeNull();
  });

  it("adds how often each verdict is used for an admin, not for other staff", async () => {
    const asAdmin = await call(listRatings, "/api/ratings", { token: admin });
    const used = asAdmin.body.items.filter((r: { usage: { claims: number } }) => r.usage.claims > 0);
    expect(used.length).toBeGreaterThan(0);
    const asEditor = await call(listRatings, "/api/ratings", { token: editor });
    expect(asEditor.body.items[0]).not.toHaveProperty("usage");
  });
});

describe("POST /api/ratings", () => {
  it("adds a verdict at the end of the scale, audited", async () => {
    const res = await call(createRating, "/api/ratings", { method: "POST", token: admin, json: verdict({ colour: "#1D4ED8" }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ key: "needs-context", label: "Needs context", colour: "#1d4ed8", value: 3, position: 8, version: 1, usage: { claims: 0, reviews: 0 } });
    expect(await rating(res.body.id)).toMatchObject({ key: "needs-context", colour: "#1d4ed8" });
    const events = await eventsFor(db, "rating", res.body.id);
    expect(events).toMatchObject([{ action: "create", actor: await userIdOf(db, "admin") }]);
    const list = await call(listRatings, "/api/ratings");
    expect(list.body.items.at(-1).key).toBe("needs-context");
  });

  it("takes a null value and an explicit position", async () => {
    const res = await call(createRating, "/api/ratings", { method: "POST", token: admin, json: verdict({ key: "satire", label: "Satire", value: null, position: 0, colour: "#000000" }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ value: null, position: 0 });
    expect((await call(listRatings, "/api/ratings")).body.items[0].key).toBe("satire");
  });

  it("is refused to anonymous callers (401), fact-checkers and editors (403)", async () => {
    await refused(db, createRating, "/api/ratings", { method: "POST", json: verdict({ key: "anon" }) }, 401);
    await refused(db, createRating, "/api/ratings", { method: "POST", token: fc, json: verdict({ key: "fc" }) }, 403);
    await refused(db, createRating, "/api/ratings", { method: "POST", token: editor, json: verdict({ key: "ed" }) }, 403);
  });

  it("refuses bad input naming each field, and changes nothing", async () => {
    const post = (json: unknown, fields: string[] = [], status = 400) => refused(db, createRating, "/api/ratings", { method: "POST", token: admin, json }, status, fields);
    await post({}, ["key", "label", "colour"]);
    await post(verdict({ key: "Needs Context" }), ["key"]);
    await post(verdict({ key: "9lives" }), ["key"]);
    await post(verdict({ key: "needs_context" }), ["key"]);
    await post(verdict({ key: "needs-context" }), ["key"]); // taken by the test above
    await post(verdict({ key: "true" }), ["key"]);
    await post(verdict({ key: "red-one", colour: "red" }), ["colour"]);
    await post(verdict({ key: "red-one", colour: "#fff" }), ["colour"]);
    await post(verdict({ key: "red-one", colour: "#12345g" }), ["colour"]);
    await post(verdict({ key: "red-one", label: "" }), ["label"]);
    await post(verdict({ key: "red-one", value: "high" }), ["value"]);
    await post(verdict({ key: "red-one", position: 1.5 }), ["position"]);
    await post(verdict({ key: "red-one", version: 1 }));
    await post("{ not json");
  });

  it("refuses colours too light for white text, saying so on `colour`", async () => {
    for (const colour of ["#ffff00", "#fde68a", "#ff0000", "#777777", "#ffffff"]) {
      const res = await refused(db, createRating, "/api/ratings", { method: "POST", token: admin, json: verdict({ key: "too-light", colour }) }, 400, ["colour"]);
      expect(res.body.error.fields.colour).toMatch(/too light for white text.*4\.5:1/);
    }
  });
});

describe("PATCH /api/ratings/{id}", () => {
  it("edits label, description, colour, value and position, bumping the version, audited", async () => {
    const id = await idOf(db, "ratings", "key", "half-true");
    const res = await call(patchRating, `/api/ratings/${id}`, {
      method: "PATCH",
      params: { id: String(id) },
      token: admin,
      json: { label: "Half right", description: "Some of it.", colour: "#6B4C00", value: 2.5, position: 3, version: 1 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ key: "half-true", label: "Half right", description: "Some of it.", colour: "#6b4c00", value: 2.5, version: 2 });
    expect(await rating(id)).toMatchObject({ label: "Half right", colour: "#6b4c00", value: 2.5, version: 2 });
    const update = (await eventsFor(db, "rating", id)).at(-1)!;
    expect(update.action).toBe("update");
    expect(parseJson(update.before!)).toMatchObject({ label: "Half true", version: 1 });
    expect(parseJson(update.after!)).toMatchObject({ label: "Half right", version: 2 });
  });

  it("takes the version from If-Match, and an unchanged save is not a new version", async () => {
    const id = await idOf(db, "ratings", "key", "unproven");
    const res = await call(patchRating, `/api/ratings/${id}`, { method: "PATCH", params: { id: String(id) }, token: admin, headers: { "if-match": '"1"' }, json: { label: "Unproven" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(1);
    expect(await eventsFor(db, "rating", id)).toHaveLength(0);
  });

  it("refuses a stale version with 409 and the current verdict", async () => {
    const id = await idOf(db, "ratings", "key", "half-true");
    const res = await refused(db, patchRating, `/api/ratings/${id}`, { method: "PATCH", params: { id: String(id) }, token: admin, json: { label: "Stale", version: 1 } }, 409);
    expect(res.body.error.current).toMatchObject({ id, label: "Half right", version: 2 });
  });

  it("refuses to change the key, and bad input, naming fields", async () => {
    const id = await idOf(db, "ratings", "key", "false");
    const patch = (json: unknown, fields: string[] = [], status = 400) => refused(db, patchRating, `/api/ratings/${id}`, { method: "PATCH", params: { id: String(id) }, token: admin, json }, status, fields);
    const res = await patch({ key: "wrong", version: 1 }, ["key"]);
    expect(res.body.error.fields.key).toMatch(/cannot be changed/);
    await patch({ label: "No version" }, ["version"]);
    await patch({ colour: "#fde68a", version: 1 }, ["colour"]);
    await patch({ colour: "#b3261e80", version: 1 }, ["colour"]);
    await patch({ label: " ", version: 1 }, ["label"]);
    await patch({ value: "3", version: 1 }, ["value"]);
    await patch({ value: 1e6, version: 1 }, ["value"]);
    await patch({ position: -1, version: 1 }, ["position"]);
    await patch({ scaleId: 2, version: 1 });
    await refused(db, patchRating, "/api/ratings/999999", { method: "PATCH", params: { id: "999999" }, token: admin, json: { label: "x", version: 1 } }, 404);
    await refused(db, patchRating, "/api/ratings/abc", { method: "PATCH", params: { id: "abc" }, token: admin, json: { label: "x", version: 1 } }, 400, ["id"]);
  });

  it("is refused to anonymous callers and non-admins", async () => {
    const id = String(await idOf(db, "ratings", "key", "false"));
    await refused(db, patchRating, `/api/ratings/${id}`, { method: "PATCH", params: { id }, json: { label: "x", version: 1 } }, 401);
    await refused(db, patchRating, `/api/ratings/${id}`, { method: "PATCH", params: { id }, token: fc, json: { label: "x", version: 1 } }, 403);
    await refused(db, patchRating, `/api/ratings/${id}`, { method: "PATCH", params: { id }, token: editor, json: { label: "x", version: 1 } }, 403);
  });
});

describe("DELETE /api/ratings/{id}", () => {
  it("refuses a verdict a claim uses (409), and one a review uses", async () => {
    const usedByClaim = (await get<{ id: number }>(db, "SELECT rating_id AS id FROM claims WHERE rating_id IS NOT NULL LIMIT 1"))!.id;
    const res = await refused(db, deleteRating, `/api/ratings/${usedByClaim}`, { method: "DELETE", params: { id: String(usedByClaim) }, token: admin }, 409);
    expect(res.body.error.message).toMatch(/in use/);
    expect(res.body.error.current.usage.claims).toBeGreaterThan(0);

    const created = await call(createRating, "/api/ratings", { method: "POST", token: admin, json: verdict({ key: "reviewed-only" }) });
    const claimId = (await get<{ id: number }>(db, "SELECT id FROM claims LIMIT 1"))!.id;
    await run(db, "INSERT INTO reviews (claim_id, rating_id, rationale, author_id) VALUES (?, ?, 'Proposed', ?)", claimId, created.body.id, await userIdOf(db, "factchecker"));
    const byReview = await refused(db, deleteRating, `/api/ratings/${created.body.id}`, { method: "DELETE", params: { id: String(created.body.id) }, token: admin }, 409);
    expect(byReview.body.error.current.usage).toEqual({ claims: 0, reviews: 1 });
  });

  it("removes an unused verdict, audited", async () => {
    const created = await call(createRating, "/api/ratings", { method: "POST", token: admin, json: verdict({ key: "short-lived" }) });
    const id = String(created.body.id);
    await refused(db, deleteRating, `/api/ratings/${id}`, { method: "DELETE", params: { id } }, 401);
    await refused(db, deleteRating, `/api/ratings/${id}`, { method: "DELETE", params: { id }, token: editor }, 403);
    const res = await call(deleteRating, `/api/ratings/${id}`, { method: "DELETE", params: { id }, token: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await rating(created.body.id)).toBeUndefined();
    expect((await eventsFor(db, "rating", id)).map((e) => e.action)).toEqual(["create", "delete"]);
    await refused(db, deleteRating, `/api/ratings/${id}`, { method: "DELETE", params: { id }, token: admin }, 404);
  });
});
