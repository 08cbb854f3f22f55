import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { demoContent } from "@/db/seed/content";
import { seedDemo } from "@/db/seed/demo";
import { codePointSlice } from "@/lib/codepoints";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { getClaimDetail, listClaims } from "@/server/claims";
import { listContestedPairs } from "@/server/contested";
import { getSource, listSourceClaims, listSources } from "@/server/sources";
import { getSpeaker, listSpeakers } from "@/server/speakers";
import { listStories } from "@/server/stories";
import { getStoryTimeline } from "@/server/timelines";
import { createSeededDb, idOf, num, snapshot, viewerFor } from "../support/db";

const EDITOR: Viewer = { kind: "user", id: "u1", name: "Ed", role: "editor" };
let db: Db;
const claimId = (text: string) => idOf(db, "claims", "text", text);
const byKey = (key: string) => demoContent.claims.find((c) => c.key === key)!;

beforeAll(async () => {
  db = await createSeededDb();
});

describe("demo seed", () => {
  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const before = await snapshot(db);
    const result = await seedDemo(db);
    expect(result.created).toEqual({ users: 0, speakers: 0, stories: 0, sources: 0, claims: 0, links: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it("with ifEmpty, leaves a database that holds data alone", async () => {
    expect((await seedDemo(db, { ifEmpty: true })).skipped).toBe(true);
  });

  it("records an audit event for every row it creates", async () => {
    const claims = await num(db, "SELECT count(*) FROM claims");
    expect(await num(db, "SELECT count(*) FROM events WHERE entity_type = 'claim' AND action = 'create'")).toBe(claims);
  });

  it("anchors every quoted demo claim on exactly its quote, in code points", async () => {
    for (const c of demoContent.claims.filter((c) => c.quote && c.sourceKey)) {
      const detail = await getClaimDetail(db, EDITOR, await claimId(c.text));
      const source = await getSource(db, EDITOR, detail.source!.id);
      expect(detail.anchor?.state).toBe("anchored");
      expect(codePointSlice(source.text, detail.anchor!.start, detail.anchor!.end)).toBe(c.quote);
      expect(detail.anchor!.exact).toBe(c.quote);
    }
  });
});

describe("claims", () => {
  it("shows anonymous readers only published claims", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listClaims(db, ANONYMOUS, { limit: 7, cursor });
      page.items.forEach((c) => seen.add(c.status));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect([...seen]).toEqual(["published"]);
    await expect(getClaimDetail(db, ANONYMOUS, await claimId(byKey("amnesty-nine-children").text))).rejects.toThrow(/No claim/);
    expect((await getClaimDetail(db, EDITOR, await claimId(byKey("amnesty-nine-children").text))).status).toBe("draft");
  });

  it("paginates by cursor without gaps or repeats", async () => {
    const all = (await listClaims(db, EDITOR, { limit: 100 })).items.map((c) => c.id);
    const paged: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listClaims(db, EDITOR, { limit: 4, cursor });
      paged.push(...page.items.map((c) => c.id));
      expect(page.hasMore).toBe(page.nextCursor !== null);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(new Set(paged).size).toBe(demoContent.claims.length);
  });

  it("filters by speaker, story, source, status, contested and text", async () => {
    const bona = await idOf(db, "speakers", "name", "Pen Bona");
    const bonaClaims = (await listClaims(db, ANONYMOUS, { speaker: bona, limit: 100 })).items;
    expect(bonaClaims.length).toBeGreaterThan(0);
    expect(bonaClaims.every((c) => c.speaker.id === bona && c.speaker.affiliation?.name === "Government of Cambodia")).toBe(true);

    const story = await idOf(db, "stories", "title", "Cambodia scam compounds");
    expect((await listClaims(db, ANONYMOUS, { story, limit: 100 })).items.every((c) => c.story?.id === story)).toBe(true);

    const contested = (await listClaims(db, ANONYMOUS, { contested: true, limit: 100 })).items;
    const uncontested = (await listClaims(db, ANONYMOUS, { contested: false, limit: 100 })).items;
    expect(contested.length).toBeGreaterThanOrEqual(6);
    expect(contested.every((c) => c.contested)).toBe(true);
    expect(uncontested.every((c) => !c.contested)).toBe(true);

    expect((await listClaims(db, EDITOR, { status: "draft", limit: 100 })).items.map((c) => c.status)).toEqual(["draft", "draft"]);
    const found = (await listClaims(db, ANONYMOUS, { q: "53 scam centers", limit: 10 })).items;
    expect(found.map((c) => c.text)).toContain(byKey("amnesty-53-centers").text);
    // LIKE wildcards in the query are literal.
    expect((await listClaims(db, ANONYMOUS, { q: "%", limit: 10 })).items).toEqual([]);
  });

  it("gives a claim its links from both directions, with the quote in context", async () => {
    const detail = await getClaimDetail(db, ANONYMOUS, await claimId(byKey("amnesty-deliberately-ignoring").text));
    const disputes = detail.links.filter((l) => l.kind === "disputes");
    expect(disputes.map((l) => [l.direction, l.claim.speaker.name])).toEqual([["incoming", "Pen Bona"]]);
    expect(detail.contested).toBe(true);
    expect(detail.context!.quote).toBe(detail.quote);
    expect(detail.context!.before.length + detail.context!.after.length).toBeGreaterThan(20);
  });

  it("hides links to claims the reader may not see", async () => {
    // A published claim disputed only by a claim in review is not contested for readers.
    const twoThirds = await claimId(byKey("amnesty-two-thirds").text);
    const taskForce = await claimId(byKey("pen-bona-task-force").text);
    expect((await getClaimDetail(db, EDITOR, taskForce)).links.some((l) => l.claim.id === twoThirds)).toBe(true);
    const forReader = await getClaimDetail(db, ANONYMOUS, taskForce);
    expect(forReader.links.some((l) => l.claim.id === twoThirds)).toBe(false);
    expect(forReader.contested).toBe(false);
  });
});

describe("contested pairs", () => {
  it("pairs each disputed claim with its counter-claim, filterable by speaker and story", async () => {
    const pairs = (await listContestedPairs(db, ANONYMOUS, { limit: 50 })).items;
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    const names = pairs.map((p) => `${p.claim.speaker.name} / ${p.counter.speaker.name}`);
    expect(names).toContain("Amnesty International / Pen Bona");
    const bona = await idOf(db, "speakers", "name", "Pen Bona");
    const bonaPairs = (await listContestedPairs(db, ANONYMOUS, { speaker: bona, limit: 50 })).items;
    expect(bonaPairs.length).toBeGreaterThan(0);
    expect(bonaPairs.every((p) => p.claim.speaker.id === bona || p.counter.speaker.id === bona)).toBe(true);
    const rubin = await idOf(db, "stories", "title", "Vera Rubin Observatory’s first images");
    expect((await listContestedPairs(db, ANONYMOUS, { story: rubin, limit: 50 })).items).toEqual([]);
  });
});

describe("sources, speakers and stories", () => {
  it("counts each source's and story's own visible claims", async () => {
    const count = (column: string, id: number, statuses: string) => num(db, `SELECT count(*) FROM claims WHERE ${column} = ? AND status IN (${statuses})`, id);
    const sources = (await listSources(db, ANONYMOUS, { limit: 100 })).items;
    expect(new Set(sources.map((s) => s.claimCount)).size).toBeGreaterThan(1);
    for (const s of sources) expect(s.claimCount, s.title).toBe(await count("source_id", s.id, "'published'"));
    for (const s of (await listSources(db, EDITOR, { limit: 100 })).items) expect(s.claimCount, s.title).toBe(await count("source_id", s.id, "'draft','in_review','returned','published','archived'"));
    for (const s of (await listStories(db, ANONYMOUS, { limit: 100 })).items) expect(s.claimCount, s.title).toBe(await count("story_id", s.id, "'published'"));
    const speaker = await getSpeaker(db, ANONYMOUS, await idOf(db, "speakers", "name", "Pen Bona"));
    expect(speaker.claimCount).toBe(await count("speaker_id", speaker.id, "'published'"));
    expect(speaker.contestedCount).toBe((await listClaims(db, ANONYMOUS, { speaker: speaker.id, contested: true, limit: 100 })).items.length);
  });

  it("returns a source's text with its length in code points and its claims in text order", async () => {
    const id = await idOf(db, "sources", "title", demoContent.sources.find((s) => s.key === "amnesty-cambodia-scams-article")!.title);
    const source = await getSource(db, ANONYMOUS, id);
    expect(source.length).toBe([...source.text].length);
    const starts = (await listSourceClaims(db, ANONYMOUS, id)).map((c) => c.anchor!.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(starts.length).toBeGreaterThanOrEqual(10);
  });

  it("finds speakers by alias and reports affiliation, affiliates and counts", async () => {
    // USIP has no published claim: staff find it by alias, readers do not see it at all.
    const staff = await viewerFor(db, "factchecker");
    expect((await listSpeakers(db, staff, { q: "USIP", limit: 10 })).items.map((s) => s.name)).toEqual(["US Institute for Peace"]);
    expect((await listSpeakers(db, ANONYMOUS, { q: "USIP", limit: 10 })).items).toEqual([]);
    const amnesty = await getSpeaker(db, ANONYMOUS, await idOf(db, "speakers", "name", "Amnesty International"));
    expect(amnesty.affiliates.map((s) => s.name)).toContain("Agnes Callamard");
    expect(amnesty.claimCount).toBeGreaterThan(5);
    expect(amnesty.contestedCount).toBeGreaterThan(0);
    const callamard = await getSpeaker(db, ANONYMOUS, await idOf(db, "speakers", "name", "Agnes Callamard"));
    expect(callamard.affiliation?.name).toBe("Amnesty International");
  });

  it("orders a story timeline by stated date, undated claims last, with links among them", async () => {
    const story = await idOf(db, "stories", "title", "Cambodia scam compounds");
    const timeline = await getStoryTimeline(db, ANONYMOUS, story);
    const dates = timeline.claims.map((c) => c.statedOn);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates.indexOf(null)).toBeGreaterThanOrEqual(dated.length);
    expect(timeline.links.some((l) => l.kind === "disputes")).toBe(true);
    const ids = new Set(timeline.claims.map((c) => c.id));
    expect(timeline.links.every((l) => ids.has(l.fromClaimId) && ids.has(l.toClaimId))).toBe(true);
    expect((await listStories(db, ANONYMOUS, { limit: 10 })).items.find((s) => s.id === story)?.claimCount).toBe(timeline.claims.length);
  });
});
