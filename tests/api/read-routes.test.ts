import { beforeAll, describe, expect, it } from "vitest";
import { GET as catchAll } from "@/app/api/[...path]/route";
import { GET as getClaim } from "@/app/api/claims/[id]/route";
import { GET as listClaims } from "@/app/api/claims/route";
import { GET as listContested } from "@/app/api/contested/route";
import { GET as sourceClaims } from "@/app/api/sources/[id]/claims/route";
import { GET as getSource } from "@/app/api/sources/[id]/route";
import { GET as listSources } from "@/app/api/sources/route";
import { GET as getSpeaker } from "@/app/api/speakers/[id]/route";
import { GET as listSpeakers } from "@/app/api/speakers/route";
import { GET as timeline } from "@/app/api/stories/[id]/timeline/route";
import { GET as listStories } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { createSeededDb, get, idOf, installDb } from "../support/db";
import { call } from "../support/http";

let db: Db;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

beforeAll(async () => {
  db = installDb(await createSeededDb());
});

function expectError(res: { status: number; body: { error: { code: string; message: string } } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toEqual(expect.any(String));
}

describe("read API", () => {
  it("lists claims as DTOs with ISO timestamps and a cursor", async () => {
    const first = await call(listClaims, "/api/claims?limit=5");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(5);
    expect(first.body.hasMore).toBe(true);
    const claim = first.body.items[0];
    expect(claim.createdAt).toMatch(ISO);
    expect(claim).toMatchObject({ id: expect.any(Number), text: expect.any(String), status: "published", speaker: { name: expect.any(String) } });
    const second = await call(listClaims, `/api/claims?limit=5&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((c: { id: number }) => c.id);
    expect(new Set(ids).size).toBe(10);
  });

  it("filters claims through the query string", async () => {
    const bona = await idOf(db, "speakers", "name", "Pen Bona");
    const res = await call(listClaims, `/api/claims?speaker=${bona}&contested=true`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const c of res.body.items) {
      expect(c.speaker.id).toBe(bona);
      expect(c.contested).toBe(true);
    }
  });

  it("answers malformed parameters with 400 naming each field", async () => {
    const res = await call(listClaims, "/api/claims?limit=0&speaker=abc&contested=maybe&status=deleted");
    expectError(res, 400, "invalid");
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["contested", "limit", "speaker", "status"]);
    expectError(await call(listClaims, "/api/claims?cursor=not-a-cursor"), 400, "invalid");
    const bad = await call(getClaim, "/api/claims/abc", { params: { id: "abc" } });
    expectError(bad, 400, "invalid");
    expect(bad.body.error.fields).toHaveProperty("id");
    expectError(await call(getClaim, "/api/claims/-3", { params: { id: "-3" } }), 400, "invalid");
  });

  it("answers unknown ids with 404", async () => {
    expectError(await call(getClaim, "/api/claims/999999", { params: { id: "999999" } }), 404, "not_found");
    expectError(await call(getSource, "/api/sources/999999", { params: { id: "999999" } }), 404, "not_found");
    expectError(await call(sourceClaims, "/api/sources/999999/claims", { params: { id: "999999" } }), 404, "not_found");
    expectError(await call(getSpeaker, "/api/speakers/999999", { params: { id: "999999" } }), 404, "not_found");
    expectError(await call(timeline, "/api/stories/999999/timeline", { params: { id: "999999" } }), 404, "not_found");
    expectError(await call(catchAll, "/api/no-such-thing", { params: { path: ["no-such-thing"] } }), 404, "not_found");
  });

  it("treats a draft as not found for anonymous readers", async () => {
    const draft = (await get<{ id: number }>(db, "SELECT id FROM claims WHERE status = 'draft' LIMIT 1"))!;
    expectError(await call(getClaim, `/api/claims/${draft.id}`, { params: { id: String(draft.id) } }), 404, "not_found");
  });

  it("returns a claim with its counter-claims", async () => {
    const id = await idOf(db, "claims", "quote", "spokesman Pen Bona rejected allegations of inaction");
    const res = await call(getClaim, `/api/claims/${id}`, { params: { id: String(id) } });
    expect(res.status).toBe(200);
    expect(res.body.links.find((l: { kind: string }) => l.kind === "disputes").claim.speaker.name).toBe("Amnesty International");
    expect(res.body.anchor).toMatchObject({ exact: res.body.quote, state: "anchored" });
  });

  it("serves sources, a source's claims, speakers, stories, timelines and contested pairs", async () => {
    const sources = await call(listSources, "/api/sources");
    expect(sources.status).toBe(200);
    expect(sources.body.items[0]).not.toHaveProperty("text");
    const id = sources.body.items[0].id;
    const source = await call(getSource, `/api/sources/${id}`, { params: { id: String(id) } });
    expect(source.body.text.length).toBeGreaterThan(100);
    const claims = await call(sourceClaims, `/api/sources/${id}/claims`, { params: { id: String(id) } });
    expect(claims.body.items.every((c: { source: { id: number } }) => c.source.id === id)).toBe(true);

    const speakers = await call(listSpeakers, "/api/speakers?q=bona");
    expect(speakers.body.items.map((s: { name: string }) => s.name)).toEqual(["Pen Bona"]);
    const speaker = await call(getSpeaker, `/api/speakers/${speakers.body.items[0].id}`, { params: { id: String(speakers.body.items[0].id) } });
    expect(speaker.body.affiliation.name).toBe("Government of Cambodia");

    const stories = await call(listStories, "/api/stories");
    const cambodia = stories.body.items.find((s: { title: string }) => s.title === "Cambodia scam compounds");
    const tl = await call(timeline, `/api/stories/${cambodia.id}/timeline`, { params: { id: String(cambodia.id) } });
    expect(tl.body.claims.length).toBe(cambodia.claimCount);

    const contested = await call(listContested, "/api/contested?limit=2");
    expect(contested.body.items).toHaveLength(2);
    expect(contested.body.items[0]).toMatchObject({ claim: { contested: true }, counter: { contested: true } });
    expectError(await call(listContested, "/api/contested?story=x"), 400, "invalid");
  });
});
