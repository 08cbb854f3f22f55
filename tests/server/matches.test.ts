import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as matchesGet, POST as matchesPost } from "@/app/api/matches/route";
import { POST as createClaim } from "@/app/api/claims/route";
import type { Db } from "@/db/client";
import { tidyAfterImport } from "@/db/sql";
import type { MatchDTO } from "@/lib/dto";
import { importFactChecks, parseFactChecksJsonl } from "@/server/importers/fact-checks";
import { closeTestDbs, createSeededDb, idOf, installDb, num, tokenFor } from "../support/db";
import { call } from "../support/http";

// "Checked before?" through the product: fact-checks imported by the app's importer, matched by
// findMatches behind /api/matches, on a real database with the real migrations (both engines).
let db: Db;
let fc: string;
let ids: Map<string, number>;

const ARCHIVE = [
  { vclaim_id: "fc-dams", vclaim: "Laos has built 53 hydropower dams on the Nam Ou river.", title: "Has Laos Built 53 Dams on the Nam Ou?", subtitle: "A river group report counted the sites.", author: "A. Checker", date: "26 June 2025" },
  { vclaim_id: "fc-ferry", vclaim: "A ferry capsized off Pemba island with 212 passengers aboard.", title: "Did a Zanzibar Ferry Capsize Near Pemba?", subtitle: "Old footage resurfaced.", author: "B. Checker", date: "3 March 2024" },
  { vclaim_id: "fc-oak", vclaim: "Oak trees from Versailles were cut down to rebuild the roof of Notre Dame.", title: "Were Versailles Oaks Used for Notre-Dame?", subtitle: "", author: "C. Checker", date: "12 May 2021" },
  { vclaim_id: "fc-fries", vclaim: "McDonald's restaurants are offering $1 any size fries between May 18 and 31.", title: "$1 McDonald's Any Size Fries", subtitle: "Rumor: a fries promotion.", author: "D. Checker", date: "26 May 2015" },
];

beforeAll(async () => {
  db = installDb(await createSeededDb());
  fc = await tokenFor(db, "factchecker");
  const rows = parseFactChecksJsonl(ARCHIVE.map((a) => JSON.stringify(a)).join("\n"));
  const result = await importFactChecks(db, "system:import", rows);
  ids = new Map(rows.map((r, i) => [r.externalId, result.ids[i]!]));
});
afterAll(closeTestDbs);

const match = async (text: string, token?: string): Promise<MatchDTO[]> => {
  const res = await call(matchesGet, `/api/matches?text=${encodeURIComponent(text)}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};

describe("importing fact-checks", () => {
  it("stores each as a published claim with its date, title as rationale, and an audit event; twice adds nothing", async () => {
    const id = ids.get("fc-ferry")!;
    const before = await num(db, "SELECT count(*) FROM claims");
    const again = await importFactChecks(db, "system:import", parseFactChecksJsonl(JSON.stringify(ARCHIVE[1])));
    expect(again).toMatchObject({ created: 0, skipped: 1, ids: [id] });
    expect(await num(db, "SELECT count(*) FROM claims")).toBe(before);
    expect(await num(db, "SELECT count(*) FROM claims WHERE id = ? AND status = 'published' AND published_at LIKE '2024-03-03%' AND rationale LIKE 'Did a Zanzibar Ferry%'", id)).toBe(1);
    expect(await num(db, "SELECT count(*) FROM events WHERE entity_type = 'claim' AND entity_id = ? AND action = 'create'", String(id))).toBe(1);
  });

  it("finds the same after a large import's tidy-up (indexes merged, planner statistics refreshed)", async () => {
    const before = await match("Has Laos built 53 dams on the Nam Ou");
    await tidyAfterImport(db);
    expect(await match("Has Laos built 53 dams on the Nam Ou")).toEqual(before);
    expect(before[0]!.claim.id).toBe(ids.get("fc-dams"));
  });

  it("refuses a line that is not JSON, or has no claim, naming the line", () => {
    expect(() => parseFactChecksJsonl('{"vclaim_id": "x"}')).toThrow(/Line 1/);
    expect(() => parseFactChecksJsonl("not json")).toThrow(/Line 1/);
  });
});

describe("matching a post", () => {
  it("finds the fact-check a tweet repeats, ignoring its handles, links and signature, and says why", async () => {
    const items = await match("@MekongWatch 53 hydropower dams now block the Nam Ou in Laos!! https://t.co/abc pic.twitter.com/xyz — Some One (@someone) July 1, 2025");
    expect(items[0]!.claim.id).toBe(ids.get("fc-dams"));
    expect(items[0]!.why.sharedFigures).toContain("53");
    expect(items[0]!.why.sharedNames).toContain("Laos");
    expect(items[0]!.why.disagreeingFigures).toEqual([]);
    expect(items[0]!.claim.publishedAt?.slice(0, 10)).toBe("2025-06-26");
    // A handle alone, or a link alone, matches nothing: they are not the claim.
    expect(await match("@MekongWatch https://t.co/abc pic.twitter.com/xyz")).toEqual([]);
  });

  it("finds a claim whose words are new to the archive right after it is added", async () => {
    const post = "Zebrafish regrow cardiomyocytes?";
    expect((await match(post)).map((m) => m.claim.text)).not.toContain("Zebrafish regrow cardiomyocytes.");
    const [added] = (await importFactChecks(db, "system:import", parseFactChecksJsonl(JSON.stringify({ vclaim_id: "fc-zebrafish", vclaim: "Zebrafish regrow cardiomyocytes.", title: "Can Zebrafish Regrow Cardiomyocytes?", date: "2 May 2023" })))).ids;
    expect((await match(post))[0]!.claim.id).toBe(added);
  });

  it("never calls a match strong when a figure disagrees (53 dams vs 35 dams)", async () => {
    const same = await match("Laos has built 53 hydropower dams on the Nam Ou river");
    expect(same[0]).toMatchObject({ claim: { id: ids.get("fc-dams") }, strength: "strong" });
    const other = await match("Laos has built 35 hydropower dams on the Nam Ou river");
    const top = other.find((m) => m.claim.id === ids.get("fc-dams"))!;
    expect(top.why.disagreeingFigures).toEqual([{ post: "35", candidate: "53" }]);
    expect(top.strength).not.toBe("strong");
    expect(top.probability).toBeLessThan(same[0]!.probability);
  });

  it("never shows a draft to a reader; staff see it", async () => {
    const speakerId = await idOf(db, "speakers", "name", "Pen Bona");
    const created = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "Quokka sanctuary on Rottnest counted 4,210 quokkas this winter", speakerId } });
    expect(created.status).toBe(201);
    const draft = created.body.id as number;
    const text = "Rottnest quokka sanctuary counted 4,210 quokkas";
    expect((await match(text)).map((m) => m.claim.id)).not.toContain(draft);
    const staff = await match(text, fc);
    expect(staff[0]).toMatchObject({ claim: { id: draft, status: "draft" } });
    // POST, the long-text form, filters the same way.
    const posted = await call(matchesPost, "/api/matches", { method: "POST", json: { text } });
    expect(posted.body.items.map((m: MatchDTO) => m.claim.id)).not.toContain(draft);
  });
});

describe("/api/matches input", () => {
  it("names the bad field in a 400", async () => {
    for (const [url, field] of [
      ["/api/matches", "text"],
      ["/api/matches?text=%20%20", "text"],
      ["/api/matches?text=scam&limit=50", "limit"],
      ["/api/matches?text=scam&limit=two", "limit"],
      ["/api/matches?text=scam&exclude=-3", "exclude"],
    ] as const) {
      const res = await call(matchesGet, url);
      expect(res.status, url).toBe(400);
      expect(Object.keys(res.body.error.fields), url).toEqual([field]);
    }
    const long = await call(matchesPost, "/api/matches", { method: "POST", json: { text: "x ".repeat(3000) } });
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toHaveProperty("text");
    const wrongType = await call(matchesPost, "/api/matches", { method: "POST", json: { text: 42 } });
    expect(wrongType.body.error.fields).toHaveProperty("text");
  });

  it("takes any text: operators, quotes, emoji and unknown words match nothing or something, never fail", async () => {
    for (const text of ['"', "NEAR(scam, 2)", "scam AND OR NOT", "text:ferry rationale:pemba", "😀😀", "zzqxv wwpq"]) {
      const res = await call(matchesGet, `/api/matches?text=${encodeURIComponent(text)}`);
      expect(res.status, text).toBe(200);
    }
  });
});
