import { beforeAll, describe, expect, it } from "vitest";
import { POST as createClaim } from "@/app/api/claims/route";
import { GET as matchSpeaker } from "@/app/api/speakers/match/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import type { Db } from "@/db/client";
import { createSeededDb, installDb, num, tokenFor } from "../support/db";
import { call } from "../support/http";

let db: Db;
let fc: string;

beforeAll(async () => {
  db = installDb(await createSeededDb());
  fc = await tokenFor(db, "factchecker");
});

async function speaker(name: string, aliases: string[] = []): Promise<number> {
  const res = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name, kind: "person", aliases } });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body.id as number;
}

const count = (name: string) => num(db, "SELECT count(*) AS n FROM speakers WHERE lower(name) = lower(?)", name);

describe("a create-speaker request naming an existing speaker uses it", () => {
  it("matches the name without case, accents or titles, and an alias", async () => {
    const lynch = await speaker("Stephen Lynchfield");
    expect(await speaker("Rep. Stephen Lynchfield")).toBe(lynch);
    expect(await speaker("STEPHEN LYNCHFIELD")).toBe(lynch);
    expect(await count("Stephen Lynchfield")).toBe(1);
    expect(await count("Rep. Stephen Lynchfield")).toBe(0);

    const lopez = await speaker("Ana Lópezmara", ["Ana L. Mara"]);
    expect(await speaker("Ana Lopezmara")).toBe(lopez);
    expect(await speaker("ana l. mara")).toBe(lopez);
    expect(await count("Ana Lopezmara")).toBe(0);
  });

  it("uses the existing speaker for a claim's inline speaker typed before the autocomplete answered", async () => {
    const id = await speaker("Tomasz Clarkewood");
    const res = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "A claim with an inline speaker", speaker: { name: "tomasz clarkewood", kind: "person" }, statedOn: "2025-01-02" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body.speaker as { id: number }).id).toBe(id);
    expect(await count("Tomasz Clarkewood")).toBe(1);
  });

  it("refuses a party/state tag as a name, naming the field", async () => {
    const res = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name: "R-Utah", kind: "person" } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("party/state tag");
    const inline = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "Tagged", speaker: { name: "(D-N.Y.)", kind: "person" } } });
    expect(inline.status).toBe(400);
    expect(JSON.stringify(inline.body)).toContain("speaker.name");
  });
});

describe("GET /api/speakers/match", () => {
  it("gives the speaker a titled name, a lone surname or a tagged surname means, and close names for a typo", async () => {
    const curtis = await speaker("Johann Curtisberg");
    const one = async (name: string) => (await call(matchSpeaker, `/api/speakers/match?name=${encodeURIComponent(name)}`, { token: fc })).body as { exact: { id: number } | null; close: { id: number }[] };
    expect((await one("Sen. Johann Curtisberg")).exact?.id).toBe(curtis);
    expect((await one("Curtisberg")).exact?.id).toBe(curtis);
    expect((await one("Curtisberg, R-Utah")).exact?.id).toBe(curtis);
    const typo = await one("Johann Curtisburg");
    expect(typo.exact).toBeNull();
    expect(typo.close.map((c) => c.id)).toContain(curtis);
  });

  it("is for staff, and names a missing name", async () => {
    expect((await call(matchSpeaker, "/api/speakers/match?name=Curtis", {})).status).toBe(401);
    const res = await call(matchSpeaker, "/api/speakers/match", { token: fc });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("name");
  });
});
