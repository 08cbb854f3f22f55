import { beforeAll, describe, expect, it } from "vitest";
import { GET as similarRoute } from "@/app/api/claims/similar/route";
import { POST as createClaim } from "@/app/api/claims/route";
import type { Db } from "@/db/client";
import type { SimilarClaimDTO } from "@/lib/search-query";
import { captureQueries } from "@/db/query-log";
import { similarClaims } from "@/server/similar";
import { createSeededDb, get, idOf, installDb, run, snapshot, tokenFor, viewerFor } from "../support/db";
import { call } from "../support/http";

let db: Db;
let fc: string;
let speakerId: number;

beforeAll(async () => {
  db = installDb(await createSeededDb());
  fc = await tokenFor(db, "factchecker");
  speakerId = await idOf(db, "speakers", "name", "Pen Bona");
});

async function newClaim(text: string, extra: Record<string, unknown> = {}) {
  const res = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text, speakerId, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

const similar = (text: string, extra = "") => call(similarRoute, `/api/claims/similar?text=${encodeURIComponent(text)}${extra}`, { token: fc });

describe("similar claims", () => {
  it("ranks a reworded claim stating the same figure above one without it", async () => {
    const withFigure = await newClaim("Flood wardens counted 53 homes under water in the Tonle valley");
    const without = await newClaim("Flood wardens counted many homes under water in the Tonle valley last spring");
    const res = await similar("Fifty-three homes in the Tonle valley were under water, flood wardens said");
    expect(res.status).toBe(200);
    const ids = res.body.items.map((s: SimilarClaimDTO) => s.claim.id);
    expect(ids.indexOf(withFigure)).toBe(0);
    expect(ids).toContain(without);
    expect(res.body.items[0].sharedNumbers).toEqual([53]);
    expect(res.body.items[0].score).toBeGreaterThan(res.body.items[1].score);
  });

  it("matches money written two ways, and leaves out the claim being edited", async () => {
    const id = await newClaim("Scam revenue in the province reached US$12.5 billion a year");
    const res = await similar("Provincial scam revenue: 12,500,000,000 dollars yearly", `&exclude=${id + 1000}`);
    expect(res.body.items[0]).toMatchObject({ claim: { id }, sharedNumbers: [12_500_000_000] });
    const excluded = await similar("Scam revenue in the province reached US$12.5 billion a year", `&exclude=${id}`);
    expect(excluded.body.items.map((s: SimilarClaimDTO) => s.claim.id)).not.toContain(id);
  });

  it("is for staff only, and takes any text", async () => {
    expect((await call(similarRoute, "/api/claims/similar?text=scam")).status).toBe(401);
    for (const text of ['"', "NEAR(", "😀", "x".repeat(5000), ""]) expect((await similar(text)).status).toBe(200);
    expect((await similar("scam", "&exclude=abc")).body.error.fields).toHaveProperty("exclude");
  });
});

describe("saving a claim as a repetition (sameAsClaimId)", () => {
  it("creates the claim and a same-as link to the existing one, with the link's event", async () => {
    const target = await idOf(db, "claims", "text", "Amnesty International identified 53 scam centers in Cambodia, plus dozens more suspected sites");
    const id = await newClaim("Amnesty says it found fifty-three scam centres in Cambodia", { sameAsClaimId: target });
    const link = (await get<{ id: number; f: number; t: number; kind: string }>(db, "SELECT id, from_claim_id AS f, to_claim_id AS t, kind FROM claim_links WHERE from_claim_id = ?", id))!;
    expect(link).toMatchObject({ f: id, t: target, kind: "same-as" });
    expect(await get(db, "SELECT action FROM events WHERE entity_type = 'link' AND entity_id = ?", String(link.id))).toEqual({ action: "create" });
  });

  it("refuses an unknown claim with a 400 naming sameAsClaimId, and changes nothing", async () => {
    const before = await snapshot(db, ["api_tokens"]);
    const res = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "A repetition of nothing", speakerId, sameAsClaimId: 999_999 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("sameAsClaimId");
    const bad = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "A repetition of nothing", speakerId, sameAsClaimId: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("sameAsClaimId");
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });
});

describe("counting how rare a word is", () => {
  it("takes a word in a thousand claims or more for common from the spelling index, counting only the others through the full-text index", async () => {
    await run(
      db,
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO claims (text, speaker_id) SELECT 'Gravel lorries crossed the old bridge, count ' || i, ? FROM n",
      speakerId,
    );
    const quarry = await newClaim("The gravel quarry at Kampot shipped its stone to the Mekong dredgers");
    const editor = await viewerFor(db, "editor");
    const { result, queries } = await captureQueries(() => similarClaims(db, editor, "Kampot quarry gravel went to Mekong dredgers", { limit: 5 }));
    expect(result[0]!.claim.id).toBe(quarry);
    const counts = queries.filter((q) => /count\(\*\)/i.test(q.sql));
    const countedWords = counts.flatMap((q) => q.params.filter((p): p is string => typeof p === "string")).join(" ");
    expect(countedWords).toMatch(/kampot/);
    expect(countedWords).toMatch(/dredgers/);
    expect(countedWords).not.toMatch(/gravel/);
  });
});
