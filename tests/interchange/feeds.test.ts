import { beforeAll, describe, expect, it } from "vitest";
import { GET as siteFeed } from "@/app/feed.xml/route";
import { GET as speakerFeed } from "@/app/speakers/[id]/feed.xml/route";
import { GET as storyFeed } from "@/app/stories/[id]/feed.xml/route";
import type { Db } from "@/db/client";
import { atomDate, escapeXml, renderAtomFeed } from "@/lib/atom";
import { createSeededDb, get, insertId, installDb, run } from "@/tests/support/db";
import { callRaw, childNamed, childrenNamed, claimRows, parseXml, publishedWithVerdict, SITE, useTestSite, type XmlElement } from "./support";

const ATOM = "http://www.w3.org/2005/Atom";
let db: Db;

beforeAll(async () => {
  useTestSite();
  db = installDb(await createSeededDb());
});

/** A published claim with a verdict approved at `decidedAt` (the workflow's own record of it). */
async function publishVerdict(text: string, quote: string, decidedAt: string, options: { speakerId?: number; storyId?: number | null; rating?: string } = {}): Promise<number> {
  const rating = (await get(db, "SELECT id FROM ratings WHERE key = ?", options.rating ?? "false")) as { id: number };
  const speakerId = options.speakerId ?? ((await get(db, "SELECT id FROM speakers ORDER BY id LIMIT 1")) as { id: number }).id;
  const id = await insertId(db, "INSERT INTO claims (text, quote, speaker_id, story_id, status, rating_id, published_at) VALUES (?, ?, ?, ?, 'published', ?, ?)", text, quote, speakerId, options.storyId ?? null, rating.id, decidedAt);
  await run(db, "INSERT INTO reviews (claim_id, rating_id, rationale, state, author_id, decided_by, decided_at) VALUES (?, ?, 'test', 'approved', 'a', 'b', ?)", id, rating.id, decidedAt);
  return id;
}

function entries(feed: XmlElement): XmlElement[] {
  return childrenNamed(feed, "entry");
}

const text = (el: XmlElement, name: string) => childNamed(el, name).text;

/** The Atom 1.0 must-haves (RFC 4287 §4.1.1, §4.1.2): checked on every feed below. */
function expectValidAtom(xml: string): XmlElement {
  const feed = parseXml(xml);
  expect(feed.name).toBe("feed");
  expect(feed.uri).toBe(ATOM);
  for (const name of ["id", "title", "updated", "author"]) expect(childrenNamed(feed, name)).toHaveLength(1);
  const links = childrenNamed(feed, "link");
  expect(links.filter((l) => l.attributes.rel === "self")).toHaveLength(1);
  expect(links.filter((l) => l.attributes.rel === "alternate")).toHaveLength(1);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  expect(text(feed, "updated")).toMatch(rfc3339);
  for (const entry of entries(feed)) {
    for (const name of ["id", "title", "updated", "published", "summary", "category"]) expect(childrenNamed(entry, name)).toHaveLength(1);
    expect(text(entry, "updated")).toMatch(rfc3339);
    expect(childNamed(entry, "link").attributes.href).toBe(text(entry, "id"));
    expect(childNamed(entry, "category").attributes.term).toBeTruthy();
  }
  return feed;
}

describe("lib/atom", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(escapeXml("bell\u0007 and \uD800 lone")).toBe("bell and  lone");
    expect(atomDate("2025-06-26")).toBe("2025-06-26T00:00:00Z");
    expect(atomDate("2025-06-26T10:11:12.345Z")).toBe("2025-06-26T10:11:12Z");
  });

  it("is well-formed even when every value is hostile, and an empty feed still has `updated`", () => {
    const hostile = `]]> <![CDATA[ </feed> &amp; & "'\u0001`;
    const xml = renderAtomFeed({
      id: `${SITE.url}/feed.xml?a=1&b=2`,
      title: hostile,
      self: `${SITE.url}/feed.xml`,
      alternate: SITE.url,
      author: { name: hostile },
      entries: [{ id: `${SITE.url}/claims/1`, title: hostile, updated: "2025-01-01T00:00:00Z", published: "2025-01-01T00:00:00Z", link: `${SITE.url}/claims/1`, summary: hostile, category: { term: hostile, label: hostile } }],
    });
    const feed = expectValidAtom(xml);
    expect(text(feed, "title")).toBe(hostile.replace("\u0001", ""));
    expect(childNamed(entries(feed)[0]!, "category").attributes.label).toBe(hostile.replace("\u0001", ""));
    const empty = parseXml(renderAtomFeed({ id: "urn:x", title: "t", self: "https://x/f", alternate: "https://x/", author: { name: "n" }, entries: [] }));
    expect(text(empty, "updated")).toBe("1970-01-01T00:00:00Z");
  });
});

describe("GET /feed.xml", () => {
  it("is well-formed Atom with exactly one entry per published verdict, newest first, and none for drafts or unrated claims", async () => {
    const res = await callRaw(siteFeed, "/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const feed = expectValidAtom(res.text);
    const ids = entries(feed).map((e) => text(e, "id"));
    expect(ids.sort()).toEqual((await publishedWithVerdict(db)).map((c) => `${SITE.url}/claims/${c.id}`).sort());
    const hidden = (await claimRows(db)).filter((c) => c.status !== "published" || c.rating_id === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect(ids).not.toContain(`${SITE.url}/claims/${c.id}`);
    expect(childrenNamed(feed, "link").find((l) => l.attributes.rel === "self")!.attributes.href).toBe(`${SITE.url}/feed.xml`);
    expect(text(childNamed(feed, "author"), "name")).toBe(SITE.orgName);
  });

  it("files each entry under its verdict's label and escapes &, < and > in quotes", async () => {
    const quote = `Profits rose <50% & "costs" fell > 10% </summary></entry>`;
    const id = await publishVerdict(`Costs & profits <claim>`, quote, "2030-01-02T03:04:05.000Z", { rating: "mostly-false" });
    const res = await callRaw(siteFeed, "/feed.xml");
    expect(res.text).toContain("&lt;50% &amp; &quot;costs&quot; fell &gt; 10% &lt;/summary&gt;&lt;/entry&gt;");
    const feed = expectValidAtom(res.text);
    const first = entries(feed)[0]!;
    expect(text(first, "id")).toBe(`${SITE.url}/claims/${id}`);
    expect(text(first, "title")).toBe("Costs & profits <claim>");
    expect(text(first, "summary")).toContain(quote);
    expect(text(first, "summary")).toMatch(/^Mostly false\./);
    expect(childNamed(first, "category").attributes).toMatchObject({ term: "Mostly false", label: "Mostly false" });
    expect(text(first, "published")).toBe("2030-01-02T03:04:05Z");
    expect(text(feed, "updated")).toBe("2030-01-02T03:04:05Z");
  });

  it("orders by when the verdict was approved and keeps the 50 newest", async () => {
    const made: number[] = [];
    for (let i = 0; i < 55; i++) made.push(await publishVerdict(`Bulk claim ${i}`, `quote ${i}`, `2031-01-01T00:${String(i).padStart(2, "0")}:00.000Z`));
    const feed = expectValidAtom((await callRaw(siteFeed, "/feed.xml")).text);
    const ids = entries(feed).map((e) => text(e, "id"));
    expect(ids).toHaveLength(50);
    expect(ids).toEqual(made.slice(5).reverse().map((id) => `${SITE.url}/claims/${id}`));
  });
});

describe("story and speaker feeds", () => {
  it("hold only the verdicts of that story, or of that speaker", async () => {
    const rows = (await publishedWithVerdict(db)).filter((c) => c.story_id !== null);
    const storyId = rows[0]!.story_id!;
    const story = expectValidAtom((await callRaw(storyFeed, `/stories/${storyId}/feed.xml`, { params: { id: String(storyId) } })).text);
    const storyIds = (await claimRows(db)).filter((c) => c.story_id === storyId && c.status === "published" && c.rating_id !== null).map((c) => `${SITE.url}/claims/${c.id}`);
    expect(entries(story).map((e) => text(e, "id")).sort()).toEqual(storyIds.sort());
    expect(childrenNamed(story, "link").find((l) => l.attributes.rel === "alternate")!.attributes.href).toBe(`${SITE.url}/stories/${storyId}`);

    const speakerId = rows[0]!.speaker_id;
    const res = await callRaw(speakerFeed, `/speakers/${speakerId}/feed.xml`, { params: { id: String(speakerId) } });
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const speaker = expectValidAtom(res.text);
    const speakerIds = (await claimRows(db)).filter((c) => c.speaker_id === speakerId && c.status === "published" && c.rating_id !== null).map((c) => `${SITE.url}/claims/${c.id}`);
    expect(entries(speaker).map((e) => text(e, "id")).sort()).toEqual(speakerIds.sort());
  });

  it("are a 404 for an unknown story or speaker and a 400 for a malformed id", async () => {
    expect((await callRaw(storyFeed, "/stories/99999/feed.xml", { params: { id: "99999" } })).status).toBe(404);
    expect((await callRaw(speakerFeed, "/speakers/99999/feed.xml", { params: { id: "99999" } })).status).toBe(404);
    expect((await callRaw(storyFeed, "/stories/abc/feed.xml", { params: { id: "abc" } })).status).toBe(400);
  });
});
