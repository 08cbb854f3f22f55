import { beforeAll, describe, expect, it } from "vitest";
import { GET as speakerTimeline } from "@/app/api/speakers/[id]/timeline/route";
import { GET as storyTimeline } from "@/app/api/stories/[id]/timeline/route";
import type { Db } from "@/db/client";
import type { SpeakerTimelineDTO, StoryTimelineDTO } from "@/lib/dto";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { layoutTimeline } from "@/lib/timeline-layout";
import { getSpeakerTimeline, getStoryTimeline, TIMELINE_PAGE_SIZE } from "@/server/timelines";
import { createSeededDb, get, insertId, installDb, run, tokenFor } from "../support/db";
import { call } from "../support/http";
import { writer } from "./support";

/**
 * A small story written through the route handlers, in this order (creation = recorded order):
 *   c1 Quay Authority   2025-03-02  published, True
 *   c2 Mayor Ruiz       2025-03-01  published, no verdict
 *   c3 Neighbours       2025-03-01  published, False      — disputes c2
 *   u1 Mayor Ruiz       (no date)   published, Half true  — disputes c3
 *   c4 Quay Authority   2025-03-01  published, no verdict — responds to c3
 *   d1 Neighbours       2025-03-01  draft                 — disputes c1
 *   c5 Mayor Ruiz       2025-03-01  published, no verdict
 */
let db: Db;
let editorToken: string;
const EDITOR: Viewer = { kind: "user", id: "timeline-test-editor", name: "Ed", role: "editor" };
let story: number;
let quay: number;
let mayor: number;
let neighbours: number;
const ids: Record<"c1" | "c2" | "c3" | "u1" | "c4" | "d1" | "c5", number> = { c1: 0, c2: 0, c3: 0, u1: 0, c4: 0, d1: 0, c5: 0 };

beforeAll(async () => {
  db = installDb(await createSeededDb());
  editorToken = await tokenFor(db, "editor");
  const w = await writer(db);
  story = await w.story("Harbour dredging");
  quay = await w.speaker("Quay Authority");
  mayor = await w.speaker("Mayor Alda Ruiz");
  neighbours = await w.speaker("Neighbours’ Association");
  ids.c1 = await w.claim("Dredging will start in April", quay, story, "2025-03-02");
  ids.c2 = await w.claim("The city was never consulted", mayor, story, "2025-03-01");
  ids.c3 = await w.claim("The city took part in every consultation", neighbours, story, "2025-03-01");
  ids.u1 = await w.claim("The consultations were a formality", mayor, story, null);
  ids.c4 = await w.claim("The minutes of the consultations are public", quay, story, "2025-03-01");
  ids.d1 = await w.claim("Dredging cannot start before the autumn", neighbours, story, "2025-03-01");
  ids.c5 = await w.claim("The harbour plan was changed twice", mayor, story, "2025-03-01");
  await w.publish(ids.c1, "true");
  await w.publish(ids.c2);
  await w.publish(ids.c3, "false");
  await w.publish(ids.u1, "half-true");
  await w.publish(ids.c4);
  await w.publish(ids.c5);
  await w.link(ids.c3, ids.c2, "disputes");
  await w.link(ids.u1, ids.c3, "disputes");
  await w.link(ids.c4, ids.c3, "responds-to");
  await w.link(ids.d1, ids.c1, "disputes");
});

const storyUrl = (query = "") => `/api/stories/${story}/timeline${query}`;
const readStory = (query = "", token?: string) => call(storyTimeline, storyUrl(query), { params: { id: String(story) }, token });
const claimIds = (view: { claims: { id: number }[] }) => view.claims.map((c) => c.id);

describe("story timeline", () => {
  it("orders claims by stated date, same-day claims in recorded order, undated claims last", async () => {
    const res = await readStory();
    expect(res.status).toBe(200);
    const view = res.body as StoryTimelineDTO;
    expect(claimIds(view)).toEqual([ids.c2, ids.c3, ids.c4, ids.c5, ids.c1, ids.u1]);
    expect(view.claims[view.claims.length - 1]!.statedOn).toBeNull();
    expect(view.story.title).toBe("Harbour dredging");
    expect(view.context).toEqual([]);
    expect(view.total).toBe(6);
    expect(view.filters).toEqual({ by: "speaker", speaker: null, verdict: null, from: null, to: null });
  });

  it("lays the undated claim out in a labelled band at the end, and stacks a speaker's same-day claims in recorded order", async () => {
    const view = (await readStory()).body as StoryTimelineDTO;
    const layout = layoutTimeline(view);
    expect(layout.items.map((i) => i.claimId)).toEqual(claimIds(view));
    const last = layout.bands[layout.bands.length - 1]!;
    expect([last.date, last.label]).toEqual([null, "Date not known"]);
    expect(layout.items.find((i) => i.claimId === ids.u1)!.cy).toBeGreaterThan(last.y);
    const at = (id: number) => layout.items.find((i) => i.claimId === id)!;
    expect(at(ids.c2).lane).toBe(at(ids.c5).lane);
    expect(at(ids.c5).cy).toBeGreaterThan(at(ids.c2).cy);
    expect(layout.paths.map((p) => [p.fromClaimId, p.toClaimId])).toEqual([
      [ids.c3, ids.c2],
      [ids.u1, ids.c3],
      [ids.c4, ids.c3],
    ]);
  });

  it("never shows a draft to a reader, nor a link to one, nor counts it", async () => {
    const anonymous = (await readStory()).body as StoryTimelineDTO;
    expect(claimIds(anonymous)).not.toContain(ids.d1);
    expect(anonymous.links.some((l) => l.fromClaimId === ids.d1 || l.toClaimId === ids.d1)).toBe(false);
    expect(anonymous.claims.find((c) => c.id === ids.c1)!.contested).toBe(false);
    expect(anonymous.total).toBe(anonymous.story.claimCount);
    expect(anonymous.story.claimCount).toBe(6);
    // …even as the other end of a filtered claim's dispute.
    const quayOnly = (await readStory(`?speaker=${quay}`)).body as StoryTimelineDTO;
    expect([...claimIds(quayOnly), ...quayOnly.context.map((c) => c.id)]).not.toContain(ids.d1);

    const staff = (await readStory("", editorToken)).body as StoryTimelineDTO;
    expect(claimIds(staff)).toEqual([ids.c2, ids.c3, ids.c4, ids.d1, ids.c5, ids.c1, ids.u1]);
    expect(staff.total).toBe(7);
    expect(staff.links.some((l) => l.fromClaimId === ids.d1 && l.toClaimId === ids.c1)).toBe(true);
    const staffQuay = await getStoryTimeline(db, EDITOR, story, { speaker: quay });
    expect(staffQuay.context.map((c) => c.id)).toEqual([ids.c3, ids.d1]);
  });

  it("filters by speaker, keeping the other side of their disputes and responses as context", async () => {
    const view = (await readStory(`?speaker=${mayor}`)).body as StoryTimelineDTO;
    expect(claimIds(view)).toEqual([ids.c2, ids.c5, ids.u1]);
    expect(view.context.map((c) => c.id)).toEqual([ids.c3]);
    expect(view.links.map((l) => [l.fromClaimId, l.toClaimId])).toEqual([
      [ids.c3, ids.c2],
      [ids.u1, ids.c3],
    ]);
    expect(view.total).toBe(6);
    expect(view.facets.speakers.options.map((s) => s.label)).toEqual(["Mayor Alda Ruiz", "Neighbours’ Association", "Quay Authority"]);
    expect(view.facets.speakers.more).toBe(false);
    const layout = layoutTimeline(view);
    expect(layout.items.find((i) => i.claimId === ids.c3)).toMatchObject({ context: true, number: null });
  });

  it("filters by verdict, including claims with no verdict", async () => {
    expect(claimIds((await readStory("?verdict=false")).body)).toEqual([ids.c3]);
    expect(claimIds((await readStory("?verdict=none")).body)).toEqual([ids.c2, ids.c4, ids.c5]);
    expect(claimIds((await readStory("?verdict=none", editorToken)).body)).toEqual([ids.c2, ids.c4, ids.d1, ids.c5]);
    expect(claimIds((await readStory("?verdict=mostly-true")).body)).toEqual([]);
    const ratings = ((await readStory()).body as StoryTimelineDTO).facets.ratings.map((r) => r.key);
    expect(ratings).toEqual(["true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven"]);
  });

  it("filters by a date range, which leaves undated claims out", async () => {
    expect(claimIds((await readStory("?from=2025-03-02")).body)).toEqual([ids.c1]);
    expect(claimIds((await readStory("?to=2025-03-01")).body)).toEqual([ids.c2, ids.c3, ids.c4, ids.c5]);
    expect(claimIds((await readStory("?from=2025-03-01&to=2025-03-01&speaker=" + quay)).body)).toEqual([ids.c4]);
    // Blank values (an untouched GET form) are no filter.
    expect(claimIds((await readStory("?by=&speaker=&verdict=&from=&to=")).body)).toHaveLength(6);
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["?from=2025-03-02&to=2025-03-01", "to"],
      ["?verdict=pants-on-fire", "verdict"],
      ["?verdict=DROP TABLE", "verdict"],
      ["?from=2025-02-30", "from"],
      ["?speaker=abc", "speaker"],
      ["?by=colour", "by"],
    ];
    for (const [query, field] of cases) {
      const res = await readStory(query);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields), query).toContain(field);
    }
    expect((await call(storyTimeline, "/api/stories/999999/timeline", { params: { id: "999999" } })).status).toBe(404);
  });

  it("echoes the lanes choice, and splits the story into sides", async () => {
    const view = (await readStory("?by=side")).body as StoryTimelineDTO;
    expect(view.filters.by).toBe("side");
    const layout = layoutTimeline(view, { lanes: view.filters.by });
    const laneOf = (id: number) => layout.items.find((i) => i.claimId === id)!.lane;
    // c3 disputes c2, u1 disputes c3: the mayor on one side, the neighbours on the other.
    expect(laneOf(ids.c2)).toBe(laneOf(ids.u1));
    expect(laneOf(ids.c3)).not.toBe(laneOf(ids.c2));
    expect([laneOf(ids.c1), laneOf(ids.c4), laneOf(ids.c5)]).toEqual(["others", "others", "others"]);
    expect(layout.conflicts).toEqual([]);
  });
});

describe("speaker timeline", () => {
  const readSpeaker = (id: number, query = "", token?: string) => call(speakerTimeline, `/api/speakers/${id}/timeline${query}`, { params: { id: String(id) }, token });

  it("lists the speaker's claims in stated order with the claims they answer or that dispute them as context", async () => {
    const res = await readSpeaker(quay);
    expect(res.status).toBe(200);
    const view = res.body as SpeakerTimelineDTO;
    expect(view.speaker.name).toBe("Quay Authority");
    expect(claimIds(view)).toEqual([ids.c4, ids.c1]);
    expect(view.context.map((c) => c.id)).toEqual([ids.c3]);
    expect(view.links.map((l) => [l.kind, l.fromClaimId, l.toClaimId])).toEqual([["responds-to", ids.c4, ids.c3]]);
    expect(view.total).toBe(2);
    const layout = layoutTimeline(view, { leadSpeakerId: quay });
    expect(layout.lanes[0]!.label).toBe("Quay Authority");
    expect(layout.lanes.map((l) => l.label)).toEqual(["Quay Authority", "Neighbours’ Association"]);
  });

  it("shows staff the draft that disputes the speaker, and readers nothing of it", async () => {
    const staff = (await readSpeaker(quay, "", editorToken)).body as SpeakerTimelineDTO;
    expect(staff.context.map((c) => c.id)).toEqual([ids.c3, ids.d1]);
    const neighboursForReaders = (await readSpeaker(neighbours)).body as SpeakerTimelineDTO;
    expect(claimIds(neighboursForReaders)).toEqual([ids.c3]);
    expect(neighboursForReaders.total).toBe(1);
    expect(neighboursForReaders.context.map((c) => c.id)).toEqual([ids.c2, ids.c4, ids.u1]);
    expect((await getSpeakerTimeline(db, EDITOR, neighbours)).total).toBe(2);
    expect((await getSpeakerTimeline(db, ANONYMOUS, neighbours)).speaker.claimCount).toBe(1);
  });

  it("filters by verdict and date range, and refuses bad filters", async () => {
    expect(claimIds((await readSpeaker(mayor, "?verdict=half-true")).body)).toEqual([ids.u1]);
    expect(claimIds((await readSpeaker(mayor, "?verdict=none&to=2025-12-31")).body)).toEqual([ids.c2, ids.c5]);
    expect((await readSpeaker(mayor, "?from=2026-01-01&to=2025-01-01")).status).toBe(400);
    expect((await readSpeaker(999999)).status).toBe(404);
  });
});

describe("a long timeline", () => {
  it("comes in pages of TIMELINE_PAGE_SIZE claims, in order, none lost", async () => {
    const db = await createSeededDb();
    const story = await insertId(db, "INSERT INTO stories (title) VALUES ('A long story')");
    const speaker = ((await get(db, "SELECT id FROM speakers LIMIT 1")) as { id: number }).id;
    const total = TIMELINE_PAGE_SIZE + 7;
    for (let i = 0; i < total; i++) {
      await run(db, "INSERT INTO claims (text, speaker_id, story_id, stated_on, status) VALUES (?, ?, ?, ?, 'published')", `Claim number ${i}`, speaker, story, `2024-01-${String(1 + (i % 28)).padStart(2, "0")}`);
    }
    // A few undated claims, last in the order.
    for (let i = 0; i < 3; i++) await run(db, "INSERT INTO claims (text, speaker_id, story_id, status) VALUES (?, ?, ?, 'published')", `Undated ${i}`, speaker, story);
    const first = await getStoryTimeline(db, ANONYMOUS, story);
    expect(first.page).toMatchObject({ first: 1, size: TIMELINE_PAGE_SIZE, matched: total + 3, previous: null });
    expect(first.claims).toHaveLength(TIMELINE_PAGE_SIZE);
    const second = await getStoryTimeline(db, ANONYMOUS, story, { after: first.page.next! });
    expect(second.claims).toHaveLength(10);
    expect(second.page).toMatchObject({ first: TIMELINE_PAGE_SIZE + 1, next: null });
    const shown = [...first.claims, ...second.claims];
    const dates = shown.map((c) => c.statedOn ?? "undated");
    expect(dates).toEqual([...dates].sort((a, b) => (a === "undated" ? 1 : b === "undated" ? -1 : a.localeCompare(b))));
    expect(dates.slice(-3)).toEqual(["undated", "undated", "undated"]);
    expect(new Set(shown.map((c) => c.id)).size).toBe(total + 3);
    // Back from the second page is the first page again.
    const back = await getStoryTimeline(db, ANONYMOUS, story, { before: second.page.previous! });
    expect(back.claims.map((c) => c.id)).toEqual(first.claims.map((c) => c.id));
    expect(back.page).toMatchObject({ first: 1, previous: null, next: first.page.next });
    // Filters count and page the same way: a date range leaves the undated claims out.
    const january = await getStoryTimeline(db, ANONYMOUS, story, { from: "2024-01-01", to: "2024-01-31" });
    expect(january.page.matched).toBe(total);
    // A cursor this API did not issue is a 400, not a 500.
    await expect(getStoryTimeline(db, ANONYMOUS, story, { after: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/cursor/);
  });
});
