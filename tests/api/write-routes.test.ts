import { beforeAll, describe, expect, it } from "vitest";
import { POST as archiveClaim } from "@/app/api/claims/[id]/archive/route";
import { POST as linkClaims } from "@/app/api/claims/[id]/links/route";
import { GET as getClaim, PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { POST as submitClaim } from "@/app/api/claims/[id]/submit/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { DELETE as deleteLink } from "@/app/api/links/[id]/route";
import { GET as getRevision } from "@/app/api/sources/[id]/revisions/[revision]/route";
import { GET as getSource, PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { POST as createSource } from "@/app/api/sources/route";
import { POST as mergeSpeaker } from "@/app/api/speakers/[id]/merge/route";
import { GET as getSpeaker, PATCH as patchSpeaker } from "@/app/api/speakers/[id]/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import { PATCH as patchStory } from "@/app/api/stories/[id]/route";
import { POST as createStory } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { all, get, idOf, num, seededApi } from "../support/db";
import { call, type CallInit } from "../support/http";
import { refused as expectRefused } from "../support/refused";

let db: Db;
let fc: string;
let editor: string;
let sourceId: number;
let sourceText: string;
let bonaId: number;
let amnestyClaimId: number;

type Handler = Parameters<typeof call>[0];

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
  sourceId = await idOf(db, "sources", "title", "Amnesty accuses Cambodia of ignoring scam-compound abuses; government calls report “exaggerated”");
  sourceText = (await get<{ text: string }>(db, "SELECT text FROM sources WHERE id = ?", sourceId))!.text;
  bonaId = await idOf(db, "speakers", "name", "Pen Bona");
  amnestyClaimId = await idOf(db, "claims", "quote", "it had identified 53 scam centers around the country");
});

const versionOf = (table: string, id: number) => num(db, `SELECT version FROM ${table} WHERE id = ?`, id);
const eventCount = () => num(db, "SELECT count(*) FROM events");

/** A write by the fact-checker (unless `init` says otherwise) that must be refused and change nothing. */
const refused = (handler: Handler, url: string, init: CallInit, status: number, fields: string[] = []) => expectRefused(db, handler, url, { token: fc, ...init }, status, fields);

describe("bad input to every write endpoint is refused with the right 4xx and changes nothing", () => {
  it("POST /api/sources", async () => {
    const post = (json: unknown, status = 400, fields: string[] = []) => refused(createSource, "/api/sources", { method: "POST", json }, status, fields);
    await post({}, 400, ["title", "text"]);
    await post({ title: 5, text: "Some text." }, 400, ["title"]);
    await post({ title: "T", text: " \n\t " }, 400, ["text"]);
    await post({ title: "T", text: "x".repeat(5 * 1024 * 1024 + 1) }, 400, ["text"]);
    await post({ title: "T".repeat(301), text: "ok" }, 400, ["title"]);
    await post({ title: "T", text: "ok", url: "javascript:alert(1)" }, 400, ["url"]);
    await post({ title: "T", text: "ok", url: "not a url" }, 400, ["url"]);
    await post({ title: "T", text: "ok", publishedOn: "2025-02-30" }, 400, ["publishedOn"]);
    await post({ title: "T", text: "ok", kind: "tweet" }, 400, ["kind"]);
    await post({ title: "T", text: "ok", language: "english!" }, 400, ["language"]);
    await refused(createSource, "/api/sources", { method: "POST", json: "{ not json" }, 400);
  });

  it("PATCH /api/sources/{id}", async () => {
    const id = String(sourceId);
    const v = await versionOf("sources", sourceId);
    await refused(patchSource, `/api/sources/${id}`, { method: "PATCH", params: { id }, json: { title: "New" } }, 400, ["version"]);
    await refused(patchSource, `/api/sources/${id}`, { method: "PATCH", params: { id }, json: { text: "", version: v } }, 400, ["text"]);
    await refused(patchSource, `/api/sources/${id}`, { method: "PATCH", params: { id }, json: { version: "one" } }, 400, ["version"]);
    await refused(patchSource, `/api/sources/${id}`, { method: "PATCH", params: { id }, json: { title: "x", colour: "red", version: v } }, 400);
    const stale = await refused(patchSource, `/api/sources/${id}`, { method: "PATCH", params: { id }, json: { title: "Stale", version: v - 1 + 100 } }, 409);
    expect(stale.body.error.current).toMatchObject({ id: sourceId, version: v });
    await refused(patchSource, "/api/sources/999999", { method: "PATCH", params: { id: "999999" }, json: { title: "x", version: 1 } }, 404);
    await refused(patchSource, "/api/sources/abc", { method: "PATCH", params: { id: "abc" }, json: { title: "x", version: 1 } }, 400, ["id"]);
  });

  it("POST /api/claims", async () => {
    const post = (json: unknown, status = 400, fields: string[] = []) => refused(createClaim, "/api/claims", { method: "POST", json }, status, fields);
    const at = sourceText.indexOf("53 scam centers");
    const span = { start: at, end: at + "53 scam centers".length, exact: "53 scam centers" };
    await post({}, 400, ["text"]);
    await post({ text: "A claim with no speaker" }, 400, ["speakerId"]);
    await post({ text: 42, speakerId: bonaId }, 400, ["text"]);
    await post({ text: "x".repeat(1001), speakerId: bonaId }, 400, ["text"]);
    await post({ text: "A claim", speakerId: 999999 }, 400, ["speakerId"]);
    await post({ text: "A claim", speakerId: bonaId, speaker: { name: "Someone" } }, 400, ["speakerId"]);
    await post({ text: "A claim", speakerId: bonaId, storyId: 999999 }, 400, ["storyId"]);
    await post({ text: "A claim", speakerId: bonaId, statedOn: "yesterday" }, 400, ["statedOn"]);
    await post({ text: "A claim", speakerId: bonaId, anchor: span }, 400, ["sourceId"]);
    await post({ text: "A claim", speakerId: bonaId, sourceId: 999999, anchor: span }, 400, ["sourceId"]);
    await post({ text: "A claim", speakerId: bonaId, sourceId, anchor: { ...span, start: 1_000_000, end: 1_000_015 } }, 400, ["anchor.end"]);
    await post({ text: "A claim", speakerId: bonaId, sourceId, anchor: { ...span, exact: "54 scam centers" } }, 400, ["anchor.exact"]);
    await post({ text: "A claim", speakerId: bonaId, sourceId, anchor: { ...span, end: span.start } }, 400, ["anchor.end"]);
    await post({ text: "A claim", speakerId: bonaId, sourceId, anchor: { ...span, start: -1 } }, 400, ["anchor.start"]);
    await post({ text: "A claim", speaker: { name: "", kind: "alien" } }, 400, ["speaker.name", "speaker.kind"]);
  });

  it("PATCH /api/claims/{id}", async () => {
    const id = String(amnestyClaimId);
    const v = await versionOf("claims", amnestyClaimId);
    await refused(patchClaim, `/api/claims/${id}`, { method: "PATCH", params: { id }, json: { text: "" , version: v } }, 400, ["text"]);
    await refused(patchClaim, `/api/claims/${id}`, { method: "PATCH", params: { id }, json: { status: "published", version: v } }, 400);
    await refused(patchClaim, `/api/claims/${id}`, { method: "PATCH", params: { id }, json: { speakerId: 999999, version: v } }, 400, ["speakerId"]);
    await refused(patchClaim, `/api/claims/${id}`, { method: "PATCH", params: { id }, json: { anchor: { start: 0, end: 3, exact: "zzz" }, version: v } }, 400, ["anchor.exact"]);
    const stale = await refused(patchClaim, `/api/claims/${id}`, { method: "PATCH", params: { id }, json: { text: "Edited", version: v + 5 } }, 409);
    expect(stale.body.error.current).toMatchObject({ id: amnestyClaimId, version: v, text: expect.any(String) });
    await refused(patchClaim, "/api/claims/999999", { method: "PATCH", params: { id: "999999" }, json: { text: "x", version: 1 } }, 404);
  });

  it("links, speakers, stories and workflow steps", async () => {
    const id = String(amnestyClaimId);
    const counter = await idOf(db, "claims", "quote", "he called Amnesty’s report “exaggerated.”");
    await refused(linkClaims, `/api/claims/${id}/links`, { method: "POST", params: { id }, json: { kind: "disputes", targetClaimId: amnestyClaimId } }, 400, ["targetClaimId"]);
    const dup = await refused(linkClaims, `/api/claims/${id}/links`, { method: "POST", params: { id }, json: { kind: "disputes", targetClaimId: counter } }, 409);
    expect(dup.body.error.message).toMatch(/already linked/);
    await refused(linkClaims, `/api/claims/${id}/links`, { method: "POST", params: { id }, json: { kind: "contradicts", targetClaimId: counter } }, 400, ["kind"]);
    await refused(linkClaims, `/api/claims/${id}/links`, { method: "POST", params: { id }, json: { kind: "supports", targetClaimId: 999999 } }, 400, ["targetClaimId"]);
    await refused(linkClaims, "/api/claims/999999/links", { method: "POST", params: { id: "999999" }, json: { kind: "supports", targetClaimId: counter } }, 404);
    await refused(deleteLink, "/api/links/999999", { method: "DELETE", params: { id: "999999" } }, 404);

    await refused(createSpeaker, "/api/speakers", { method: "POST", json: { name: "  " } }, 400, ["name"]);
    await refused(createSpeaker, "/api/speakers", { method: "POST", json: { name: "X", affiliationId: 999999 } }, 400, ["affiliationId"]);
    await refused(createSpeaker, "/api/speakers", { method: "POST", json: { name: "X", aliases: "not a list" } }, 400, ["aliases"]);
    const gov = await idOf(db, "speakers", "name", "Government of Cambodia");
    const sv = await versionOf("speakers", gov);
    await refused(patchSpeaker, `/api/speakers/${gov}`, { method: "PATCH", params: { id: String(gov) }, json: { affiliationId: bonaId, version: sv } }, 400, ["affiliationId"]);
    await refused(patchSpeaker, `/api/speakers/${gov}`, { method: "PATCH", params: { id: String(gov) }, json: { name: "Gov", version: sv + 1 } }, 409);
    await refused(mergeSpeaker, `/api/speakers/${gov}/merge`, { method: "POST", params: { id: String(gov) }, token: editor, json: { targetId: gov, version: sv, targetVersion: sv } }, 400, ["targetId"]);
    await refused(createStory, "/api/stories", { method: "POST", json: { title: "" } }, 400, ["title"]);
    const story = await idOf(db, "stories", "title", "Cambodia scam compounds");
    await refused(patchStory, `/api/stories/${story}`, { method: "PATCH", params: { id: String(story) }, json: { title: "New", version: 999 } }, 409);

    // Workflow: a fact-checker may not archive; a draft cannot be archived; a published claim cannot be submitted.
    const v = await versionOf("claims", amnestyClaimId);
    await refused(archiveClaim, `/api/claims/${id}/archive`, { method: "POST", params: { id }, json: { version: v } }, 403);
    await refused(submitClaim, `/api/claims/${id}/submit`, { method: "POST", params: { id }, json: { version: v } }, 409);
    const draft = (await get<{ id: number; version: number }>(db, "SELECT id, version FROM claims WHERE status = 'draft' LIMIT 1"))!;
    await refused(archiveClaim, `/api/claims/${draft.id}/archive`, { method: "POST", params: { id: String(draft.id) }, token: editor, json: { version: draft.version } }, 409);
  });

  it("refuses anonymous writes with 401 and cross-site cookie writes with 403", async () => {
    await refused(createStory, "/api/stories", { method: "POST", json: { title: "Anon" }, token: undefined }, 401);
    const res = await call(createStory, "/api/stories", { method: "POST", json: { title: "Forged" }, headers: { cookie: "counterpoint.session_token=x", origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    await refused(createStory, "/api/stories", { method: "POST", json: { title: "Bad token" }, token: "cp_not-a-real-token" }, 401);
  });
});

describe("writes that succeed", () => {
  it("imports a source, anchors a claim with a new speaker and story, revises the text and re-anchors", async () => {
    const text = "Intro line.\n\nThe minister said “the bridge will open in May” at a press conference.\n\nCritics disagreed. 🌉 Ending.";
    const created = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Bridge report", text: text.replace(/\n/g, "\r\n"), publishedOn: "2025-05-01", url: "https://example.org/bridge" } });
    expect(created.status).toBe(201);
    expect(created.body.text).toBe(text); // CRLF normalised, nothing else
    const sid = created.body.id as number;

    const quote = "the bridge will open in May";
    const start = [...text.slice(0, text.indexOf(quote))].length;
    const events = await eventCount();
    const claim = await call(createClaim, "/api/claims", {
      method: "POST",
      token: fc,
      json: { text: "The bridge will open in May", sourceId: sid, anchor: { start, end: start + quote.length, exact: quote }, speaker: { name: "Minister of Works", kind: "person" }, story: { title: "Bridge opening" } },
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    expect(claim.body).toMatchObject({ status: "draft", statedOn: "2025-05-01", quote, speaker: { name: "Minister of Works" }, story: { title: "Bridge opening" }, anchor: { exact: quote, state: "anchored", revision: 1 } });
    expect(claim.body.anchor.prefix.endsWith("said “")).toBe(true);
    expect(await eventCount()).toBe(events + 3); // speaker, story, claim

    const revised = `A new first paragraph about the 🌉 project.\n\n${text.replace("at a press conference", "at a briefing")}`;
    const patched = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { text: revised, version: created.body.version, revisionNote: "added intro" } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ revision: 2, reanchor: { anchored: 1, orphaned: 0, moved: 1 } });
    const after = await call(getClaim, `/api/claims/${claim.body.id}`, { token: fc, params: { id: String(claim.body.id) } });
    const cps = [...revised];
    expect(cps.slice(after.body.anchor.start, after.body.anchor.end).join("")).toBe(quote);
    expect(after.body.anchor.revision).toBe(2);
    const rev1 = await call(getRevision, `/api/sources/${sid}/revisions/1`, { token: fc, params: { id: String(sid), revision: "1" } });
    expect(rev1.body.text).toBe(text);

    // Deleting the quoted sentence orphans the claim; it is kept, never dropped.
    const cut = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { text: "Only critics remain.", version: patched.body.version } });
    expect(cut.body.reanchor).toMatchObject({ anchored: 0, orphaned: 1 });
    const orphan = await call(getClaim, `/api/claims/${claim.body.id}`, { token: fc, params: { id: String(claim.body.id) } });
    expect(orphan.body.anchor.state).toBe("orphan");
    // …and can be re-attached by selecting a new span, saying which words the claim now quotes.
    await refused(patchClaim, `/api/claims/${claim.body.id}`, { method: "PATCH", params: { id: String(claim.body.id) }, json: { anchor: { start: 0, end: 12, exact: "Only critics" }, version: orphan.body.version } }, 422, ["quote"]);
    const reattached = await call(patchClaim, `/api/claims/${claim.body.id}`, {
      method: "PATCH",
      token: fc,
      params: { id: String(claim.body.id) },
      json: { anchor: { start: 0, end: 12, exact: "Only critics" }, quote: "Only critics", version: orphan.body.version },
    });
    expect(reattached.body.anchor).toMatchObject({ state: "anchored", start: 0, end: 12, revision: 3 });
    expect(reattached.body).toMatchObject({ quote: "Only critics", quoteChanged: null });
  });

  it("refuses the second of two edits based on the same version, showing what the first changed", async () => {
    const id = String(amnestyClaimId);
    const { body: seen } = await call(getClaim, `/api/claims/${id}`, { token: fc, params: { id } });
    const first = await call(patchClaim, `/api/claims/${id}`, { method: "PATCH", token: fc, params: { id }, json: { text: "First editor's wording", version: seen.version } });
    expect(first.status).toBe(200);
    const second = await call(patchClaim, `/api/claims/${id}`, { method: "PATCH", token: editor, params: { id }, json: { text: "Second editor's wording", version: seen.version } });
    expect(second.status).toBe(409);
    expect(second.body.error.current.text).toBe("First editor's wording");
    // Re-applying on top of the current version works; If-Match may carry the version.
    const reapplied = await call(patchClaim, `/api/claims/${id}`, { method: "PATCH", token: editor, params: { id }, json: { text: "Second editor's wording" }, headers: { "if-match": `"${second.body.error.current.version}"` } });
    expect(reapplied.status).toBe(200);
    expect(reapplied.body.text).toBe("Second editor's wording");
  });

  it("links a claim to a counter-claim made on the spot, and removes a link", async () => {
    const id = String(amnestyClaimId);
    const res = await call(linkClaims, `/api/claims/${id}/links`, {
      method: "POST",
      token: fc,
      params: { id },
      json: { kind: "disputes", direction: "incoming", note: "Said on radio", targetClaim: { text: "There are far fewer than 53 scam centers", speakerId: bonaId, statedOn: "2025-06-28" } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const link = res.body.links.find((l: { id: number }) => l.id === res.body.linkId);
    expect(link).toMatchObject({ kind: "disputes", direction: "incoming", note: "Said on radio", claim: { text: "There are far fewer than 53 scam centers", source: null } });
    const removed = await call(deleteLink, `/api/links/${res.body.linkId}`, { method: "DELETE", token: fc, params: { id: String(res.body.linkId) } });
    expect(removed.status).toBe(200);
    const again = await call(getClaim, `/api/claims/${id}`, { token: fc, params: { id } });
    expect(again.body.links.some((l: { id: number }) => l.id === res.body.linkId)).toBe(false);
  });

  it("merges two speakers: claims move over, the merged name becomes an alias, the history records it", async () => {
    const dup = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name: "Bona Pen", kind: "person", aliases: ["Spokesman Bona"] } });
    expect(dup.status).toBe(201);
    const claim = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "Cambodia is cooperating", speakerId: dup.body.id } });
    const target = await call(getSpeaker, `/api/speakers/${bonaId}`, { params: { id: String(bonaId) } });
    const merged = await call(mergeSpeaker, `/api/speakers/${dup.body.id}/merge`, {
      method: "POST",
      token: editor,
      params: { id: String(dup.body.id) },
      json: { targetId: bonaId, version: dup.body.version, targetVersion: target.body.version },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect(merged.body.aliases).toEqual(expect.arrayContaining(["Bona", "Bona Pen", "Spokesman Bona"]));
    const moved = await call(getClaim, `/api/claims/${claim.body.id}`, { token: fc, params: { id: String(claim.body.id) } });
    expect(moved.body.speaker.id).toBe(bonaId);
    const tombstone = await call(getSpeaker, `/api/speakers/${dup.body.id}`, { params: { id: String(dup.body.id) } });
    expect(tombstone.body.mergedIntoId).toBe(bonaId);
    const actions = await all<{ action: string }>(db, "SELECT action FROM events WHERE entity_type = 'speaker' AND entity_id = ? ORDER BY id", String(dup.body.id));
    expect(actions.map((a) => a.action)).toEqual(["create", "merge"]);
    // A fact-checker may not merge.
    await refused(mergeSpeaker, `/api/speakers/${bonaId}/merge`, { method: "POST", params: { id: String(bonaId) }, json: { targetId: dup.body.id, version: 1, targetVersion: 1 } }, 403);
  });

  it("keeps source reads public and consistent after writes", async () => {
    const res = await call(getSource, `/api/sources/${sourceId}`, { params: { id: String(sourceId) } });
    expect(res.status).toBe(200);
  });
});
