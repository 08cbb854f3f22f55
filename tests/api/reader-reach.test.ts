import { beforeAll, describe, expect, it } from "vitest";
import { GET as claimAnnotation } from "@/app/api/claims/[id]/annotation/route";
import { POST as claimDecision } from "@/app/api/claims/[id]/decision/route";
import { POST as propose } from "@/app/api/claims/[id]/reviews/route";
import { GET as getClaim } from "@/app/api/claims/[id]/route";
import { GET as listClaims, POST as createClaim } from "@/app/api/claims/route";
import { GET as claimReviewFeed } from "@/app/api/claimreview/route";
import { GET as contested } from "@/app/api/contested/route";
import { GET as exportAnnotations } from "@/app/api/exports/annotations/route";
import { GET as exportCsv } from "@/app/api/exports/claims.csv/route";
import { GET as oembed } from "@/app/api/oembed/route";
import { GET as searchApi } from "@/app/api/search/route";
import { GET as sourceAnnotations } from "@/app/api/sources/[id]/annotations/route";
import { GET as sourceClaims } from "@/app/api/sources/[id]/claims/route";
import { GET as revision } from "@/app/api/sources/[id]/revisions/[revision]/route";
import { GET as revisions } from "@/app/api/sources/[id]/revisions/route";
import { GET as getSource, PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { GET as listSources, POST as createSource } from "@/app/api/sources/route";
import { GET as speakerTimeline } from "@/app/api/speakers/[id]/timeline/route";
import { GET as getSpeaker } from "@/app/api/speakers/[id]/route";
import { GET as listSpeakers } from "@/app/api/speakers/route";
import { GET as storyTimeline } from "@/app/api/stories/[id]/timeline/route";
import { GET as getStory } from "@/app/api/stories/[id]/route";
import { GET as listStories } from "@/app/api/stories/route";
import { GET as siteFeed } from "@/app/feed.xml/route";
import { GET as speakerFeed } from "@/app/speakers/[id]/feed.xml/route";
import { GET as storyFeed } from "@/app/stories/[id]/feed.xml/route";
import type { Db } from "@/db/client";
import { get, seededApi } from "../support/db";
import { call } from "../support/http";
import { refused } from "../support/refused";

/**
 * Nothing is shown before it is published. A speaker, a story and a source that only a draft
 * names are invisible to readers on every read route and feed: lists, pages' data, search,
 * timelines, feeds, oEmbed, exports. Once the claim is published they appear — the source only
 * through its published claims in context, its full text only after an editor marks it
 * publishable.
 */

let db: Db;
let fc: string;
let editor: string;
let speakerId: number;
let storyId: number;
let sourceId: number;
let claimId: number;

// Made-up words found nowhere else: any trace of them in a reader's answer is a leak.
const SPEAKER = "Ignatius Quorvath";
const STORY = "Operation Zyxwomble";
const QUOTE = "the Brindlemoor tunnel will reopen in April";
const TEXT = `A long preamble about the Fennimore harbour accounts, never quoted.\n\nOn Tuesday the minister said ${QUOTE}, to general surprise.\n\nA closing paragraph about Vellichor budgets.`;
const SECRETS = ["Quorvath", "Zyxwomble", "Brindlemoor", "Fennimore", "Vellichor"];

type Handler = Parameters<typeof call>[0];

/** Calls `handler` as an anonymous reader; the answer, whatever its status, holds no secret word. */
async function asReader(handler: Handler, url: string, params: Record<string, string> = {}) {
  const res = await call(handler, url, { params });
  const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
  for (const word of SECRETS) expect(text, `${url} shows “${word}”`).not.toContain(word);
  return res;
}

/** The XML and CSV routes answer text: read it raw. */
async function rawAsReader(handler: Handler, url: string, params: Record<string, string> = {}) {
  const response = await handler(new Request(new URL(url, "http://localhost")), { params: Promise.resolve(params) });
  const text = await response.text();
  for (const word of SECRETS) expect(text, `${url} shows “${word}”`).not.toContain(word);
  return { status: response.status, text };
}

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
  const source = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Zyxwomble Gazette", text: TEXT } });
  expect(source.status, JSON.stringify(source.body)).toBe(201);
  sourceId = source.body.id;
  const start = [...TEXT.slice(0, TEXT.indexOf(QUOTE))].length;
  const claim = await call(createClaim, "/api/claims", {
    method: "POST",
    token: fc,
    json: { text: "The Brindlemoor tunnel will reopen in April", sourceId, anchor: { start, end: start + [...QUOTE].length, exact: QUOTE }, speaker: { name: SPEAKER, kind: "person" }, story: { title: STORY } },
  });
  expect(claim.status, JSON.stringify(claim.body)).toBe(201);
  claimId = claim.body.id;
  speakerId = claim.body.speaker.id;
  storyId = claim.body.story.id;
});

/** Every reader route and feed, walked; `visible` says whether the speaker, story and source now have a published claim. */
async function walk(visible: boolean) {
  const s = String(speakerId);
  const t = String(storyId);
  const src = String(sourceId);
  const status = visible ? 200 : 404;
  const lists = [
    [listSpeakers, `/api/speakers?q=${encodeURIComponent("Quorvath")}`],
    [listStories, `/api/stories?q=Zyxwomble`],
    [listSources, `/api/sources?q=Zyxwomble`],
    [listClaims, `/api/claims?q=Brindlemoor`],
  ] as const;
  for (const [handler, url] of lists) {
    const res = visible ? await call(handler, url) : await asReader(handler, url);
    expect(res.status, url).toBe(200);
    expect(res.body.items.length, url).toBe(visible ? 1 : 0);
  }
  // The unfiltered first pages, as the list pages and the home page read them.
  if (!visible) {
    await asReader(listSpeakers, "/api/speakers?limit=100");
    await asReader(listStories, "/api/stories?limit=100");
    await asReader(listSources, "/api/sources?limit=100");
    await asReader(listClaims, "/api/claims?limit=100");
    await asReader(contested, "/api/contested?limit=100");
    for (const q of ["Quorvath", "Zyxwomble", "Brindlemoor", "Fennimore harbour"]) {
      const found = await asReader(searchApi, `/api/search?q=${encodeURIComponent(q)}`);
      expect(found.body.items, q).toEqual([]);
    }
    await rawAsReader(siteFeed, "/feed.xml");
    await rawAsReader(claimReviewFeed, "/api/claimreview");
    await rawAsReader(exportCsv, "/api/exports/claims.csv");
    await rawAsReader(exportAnnotations, "/api/exports/annotations");
    expect((await asReader(oembed, `/api/oembed?url=${encodeURIComponent(`http://localhost/claims/${claimId}`)}`)).status).toBe(404);
    expect((await asReader(getClaim, `/api/claims/${claimId}`, { id: String(claimId) })).status).toBe(404);
    expect((await asReader(claimAnnotation, `/api/claims/${claimId}/annotation`, { id: String(claimId) })).status).toBe(404);
  }
  const byId: [Handler, string, Record<string, string>][] = [
    [getSpeaker, `/api/speakers/${s}`, { id: s }],
    [speakerTimeline, `/api/speakers/${s}/timeline`, { id: s }],
    [getStory, `/api/stories/${t}`, { id: t }],
    [storyTimeline, `/api/stories/${t}/timeline`, { id: t }],
    [getSource, `/api/sources/${src}`, { id: src }],
    [sourceClaims, `/api/sources/${src}/claims`, { id: src }],
    [sourceAnnotations, `/api/sources/${src}/annotations`, { id: src }],
  ];
  for (const [handler, url, params] of byId) {
    const res = visible ? await call(handler, url, { params }) : await asReader(handler, url, params);
    expect(res.status, url).toBe(status);
  }
  for (const [handler, url, params] of [
    [speakerFeed, `/speakers/${s}/feed.xml`, { id: s }],
    [storyFeed, `/stories/${t}/feed.xml`, { id: t }],
  ] as const) {
    const res = visible ? { status: (await handler(new Request(new URL(url, "http://localhost")), { params: Promise.resolve(params) })).status } : await rawAsReader(handler, url, params);
    expect(res.status, url).toBe(status);
  }
}

describe("a reader and a draft-only speaker, story and source", () => {
  it("finds none of them on any read route or feed", async () => {
    await walk(false);
    // Staff see them all.
    expect((await call(getSpeaker, "/x", { token: fc, params: { id: String(speakerId) } })).status).toBe(200);
    expect((await call(getSource, "/x", { token: fc, params: { id: String(sourceId) } })).body.text).toBe(TEXT);
  });

  it("sees them once the claim is published, the source through its claim in context only", async () => {
    const params = { id: String(claimId) };
    const version = async () => (await get<{ version: number }>(db, "SELECT version FROM claims WHERE id = ?", claimId))!.version;
    const proposed = await call(propose, "/x", { method: "POST", token: fc, params, json: { rating: "false", rationale: "The tunnel is closed until 2027.", version: await version() } });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const approved = await call(claimDecision, "/x", { method: "POST", token: editor, params, json: { action: "approve", version: await version() } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(await get(db, "SELECT (SELECT published_claims FROM speakers WHERE id = ?) AS sp, (SELECT published_claims FROM stories WHERE id = ?) AS st, (SELECT published_claims FROM sources WHERE id = ?) AS so", speakerId, storyId, sourceId)).toEqual({ sp: 1, st: 1, so: 1 });
    await walk(true);

    // The source's text is withheld: the claim's context is shown, nothing else of the text.
    const source = await call(getSource, "/x", { params: { id: String(sourceId) } });
    expect(source.body).toMatchObject({ title: "Zyxwomble Gazette", text: "", length: 0, textWithheld: true, publishable: false });
    const claim = await call(getClaim, "/x", { params });
    expect(claim.body.context).toEqual({ before: "On Tuesday the minister said ", quote: QUOTE, after: ", to general surprise." });
    expect((await call(revisions, "/x", { params: { id: String(sourceId) } })).status).toBe(404);
    expect((await call(revision, "/x", { params: { id: String(sourceId), revision: "1" } })).status).toBe(404);
    expect((await call(searchApi, "/api/search?q=Fennimore")).body.items).toEqual([]);
    expect((await call(searchApi, "/api/search?q=Vellichor")).body.items).toEqual([]);
  });

  it("shows the full text once an editor marks the source publishable, audited", async () => {
    const id = String(sourceId);
    const { version } = (await call(getSource, "/x", { token: fc, params: { id } })).body;
    await refused(db, patchSource, `/api/sources/${id}`, { method: "PATCH", token: fc, params: { id }, json: { publishable: true, version } }, 403);
    await refused(db, patchSource, `/api/sources/${id}`, { method: "PATCH", token: editor, params: { id }, json: { publishable: "yes", version } }, 400, ["publishable"]);
    const marked = await call(patchSource, `/api/sources/${id}`, { method: "PATCH", token: editor, params: { id }, json: { publishable: true, version } });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const event = await get<{ action: string; before: string; after: string }>(db, "SELECT action, before, after FROM events WHERE entity_type = 'source' AND entity_id = ? ORDER BY id DESC LIMIT 1", id);
    expect(event!.action).toBe("update");
    const after = typeof event!.after === "string" ? JSON.parse(event!.after) : event!.after;
    const before = typeof event!.before === "string" ? JSON.parse(event!.before) : event!.before;
    expect([Boolean(before.publishable), Boolean(after.publishable)]).toEqual([false, true]);
    const reader = await call(getSource, "/x", { params: { id } });
    expect(reader.body).toMatchObject({ text: TEXT, textWithheld: false, publishable: true });
    expect((await call(revision, "/x", { params: { id, revision: "1" } })).body.text).toBe(TEXT);
    expect((await call(searchApi, "/api/search?q=Fennimore")).body.items.map((r: { type: string }) => r.type)).toEqual(["source"]);
  });

  it("hides the speaker and story again when their only published claim is archived", async () => {
    const { POST: archive } = await import("@/app/api/claims/[id]/archive/route");
    const params = { id: String(claimId) };
    const version = (await get<{ version: number }>(db, "SELECT version FROM claims WHERE id = ?", claimId))!.version;
    const archived = await call(archive, "/x", { method: "POST", token: editor, params, json: { version } });
    expect(archived.status, JSON.stringify(archived.body)).toBe(201);
    expect((await call(getSpeaker, "/x", { params: { id: String(speakerId) } })).status).toBe(404);
    expect((await call(getStory, "/x", { params: { id: String(storyId) } })).status).toBe(404);
    expect((await call(getSource, "/x", { params: { id: String(sourceId) } })).status).toBe(404);
  });
});
