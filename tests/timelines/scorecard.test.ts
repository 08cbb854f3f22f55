import { beforeAll, describe, expect, it } from "vitest";
import { POST as archive } from "@/app/api/claims/[id]/archive/route";
import type { Db } from "@/db/client";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { getScorecard } from "@/server/scorecard";
import { all, createSeededDb, idOf, installDb, num } from "../support/db";
import { call } from "../support/http";
import { writer } from "./support";

const EDITOR: Viewer = { kind: "user", id: "scorecard-test-editor", name: "Ed", role: "editor" };
let db: Db;

beforeAll(async () => {
  db = installDb(await createSeededDb());
});

/** The same figures, counted straight from the tables. */
async function bySql(speakerId: number) {
  const one = (query: string) => num(db, query, speakerId);
  const perRating = await all<{ key: string; label: string; colour: string; n: number | string }>(
    db,
    `SELECT r.key, r.label, r.colour, count(c.id) AS n FROM ratings r JOIN rating_scales s ON s.id = r.scale_id AND s.is_default
       LEFT JOIN claims c ON c.rating_id = r.id AND c.speaker_id = ? AND c.status = 'published'
       GROUP BY r.id ORDER BY r.position`,
    speakerId,
  );
  return {
    claims: await one("SELECT count(*) FROM claims WHERE speaker_id = ? AND status = 'published'"),
    unrated: await one("SELECT count(*) FROM claims WHERE speaker_id = ? AND status = 'published' AND rating_id IS NULL"),
    contested: await one(
      `SELECT count(*) FROM claims c WHERE c.speaker_id = ? AND c.status = 'published' AND EXISTS (
         SELECT 1 FROM claim_links l JOIN claims o ON o.id = CASE WHEN l.from_claim_id = c.id THEN l.to_claim_id ELSE l.from_claim_id END
         WHERE l.kind = 'disputes' AND (l.from_claim_id = c.id OR l.to_claim_id = c.id) AND o.status = 'published')`,
    ),
    unpublished: await one("SELECT count(*) FROM claims WHERE speaker_id = ? AND status <> 'published'"),
    ratings: perRating.map((r) => ({ key: r.key, label: r.label, colour: r.colour, count: Number(r.n) })),
  };
}

async function expectMatchesSql(speakerId: number) {
  const expected = await bySql(speakerId);
  for (const viewer of [ANONYMOUS, EDITOR]) {
    const card = await getScorecard(db, viewer, speakerId);
    expect(card.claims).toBe(expected.claims);
    expect(card.unrated).toBe(expected.unrated);
    expect(card.contested).toBe(expected.contested);
    expect(card.ratings.map((r) => ({ key: r.rating.key, label: r.rating.label, colour: r.rating.colour, count: r.count }))).toEqual(expected.ratings);
    expect(card.ratings.reduce((sum, r) => sum + r.count, 0) + card.unrated).toBe(card.claims);
    expect(card.unpublished).toBe(viewer.kind === "user" ? expected.unpublished : null);
  }
}

describe("speaker scorecard", () => {
  it("matches direct SQL for every speaker of the demo data, for readers and staff alike", async () => {
    const speakers = await all<{ id: number }>(db, "SELECT id FROM speakers");
    expect(speakers.length).toBeGreaterThan(5);
    for (const { id } of speakers) await expectMatchesSql(id);
    const bona = await getScorecard(db, ANONYMOUS, await idOf(db, "speakers", "name", "Pen Bona"));
    expect(bona.claims).toBeGreaterThanOrEqual(3);
    expect(bona.ratings.filter((r) => r.count > 0).map((r) => r.rating.key)).toEqual(["half-true", "unproven"]);
    expect(bona.contested).toBeGreaterThan(0);
  });

  it("keeps the default scale's order and colours, with zero bars", async () => {
    const card = await getScorecard(db, ANONYMOUS, await idOf(db, "speakers", "name", "United Nations"));
    expect(card.ratings.map((r) => r.rating.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(card.ratings[0]!.rating).toMatchObject({ key: "true", colour: "#1a7f37" });
    expect(card.ratings.every((r) => r.count === 0)).toBe(true);
  });

  it("counts a verdict only while its claim is published: never a draft, nor an archived claim", async () => {
    const w = await writer(db);
    const speaker = await w.speaker("Harbour Master");
    const draft = await w.claim("The channel is 12 metres deep", speaker, null, "2025-05-01");
    expect(await getScorecard(db, ANONYMOUS, speaker)).toMatchObject({ claims: 0, unrated: 0, unpublished: null });
    expect(await getScorecard(db, EDITOR, speaker)).toMatchObject({ claims: 0, unpublished: 1 });

    const published = await w.claim("The channel was last dredged in 2019", speaker, null, "2025-05-02");
    await w.publish(published, "mostly-false");
    const card = await getScorecard(db, ANONYMOUS, speaker);
    expect(card.claims).toBe(1);
    expect(card.ratings.find((r) => r.rating.key === "mostly-false")!.count).toBe(1);
    await expectMatchesSql(speaker);

    const version = await num(db, "SELECT version FROM claims WHERE id = ?", published);
    const res = await call(archive, "/x", { method: "POST", token: w.editor, params: { id: String(published) }, json: { version } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await getScorecard(db, ANONYMOUS, speaker)).toMatchObject({ claims: 0, unrated: 0 });
    expect((await getScorecard(db, ANONYMOUS, speaker)).ratings.every((r) => r.count === 0)).toBe(true);
    expect((await getScorecard(db, EDITOR, speaker)).unpublished).toBe(2);
    await expectMatchesSql(speaker);
    expect(draft).toBeGreaterThan(0);
  });

  it("is a 404 for an unknown speaker", async () => {
    await expect(getScorecard(db, ANONYMOUS, 999999)).rejects.toThrow(/No speaker/);
  });
});
