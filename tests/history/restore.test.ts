import { beforeAll, describe, expect, it } from "vitest";
import { GET as claimHistory } from "@/app/api/claims/[id]/history/route";
import { POST as restoreClaim } from "@/app/api/claims/[id]/restore/route";
import { GET as getClaim, PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { POST as submitClaim } from "@/app/api/claims/[id]/submit/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { GET as sourceHistory } from "@/app/api/sources/[id]/history/route";
import { POST as restoreSource } from "@/app/api/sources/[id]/restore/route";
import { PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { POST as createSource } from "@/app/api/sources/route";
import { POST as mergeSpeaker } from "@/app/api/speakers/[id]/merge/route";
import { POST as restoreSpeaker } from "@/app/api/speakers/[id]/restore/route";
import { PATCH as patchSpeaker } from "@/app/api/speakers/[id]/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import type { Db } from "@/db/client";
import type { HistoryEntryDTO } from "@/lib/history-schemas";
import { all, get, idOf, num, parseJson, seededApi } from "../support/db";
import { call, type CallInit } from "../support/http";
import { refused as expectRefused } from "../support/refused";

let db: Db;
let fc: string;
let editor: string;

type Handler = Parameters<typeof call>[0];

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
});

const row = async (table: string, id: number) => (await get(db, `SELECT * FROM ${table} WHERE id = ?`, id)) as Record<string, unknown> & { version: number };
const eventsOf = async (type: string, id: number) =>
  (await all(db, "SELECT * FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id", type, String(id))) as { id: number; action: string; actor: string; comment: string | null; before: string | null; after: string | null }[];
const restore = (handler: Handler, path: string, id: number, json: unknown, init: CallInit = {}) =>
  call(handler, `/api/${path}/${id}/restore`, { method: "POST", token: fc, params: { id: String(id) }, json, ...init });

/** Calls a restore and asserts it is refused with `status` and changes nothing at all. */
const refused = (handler: Handler, path: string, id: number, json: unknown, status: number, init: CallInit = {}) =>
  expectRefused(db, handler, `/api/${path}/${id}/restore`, { method: "POST", token: fc, params: { id: String(id) }, json, ...init }, status);

describe("POST /api/claims/{id}/restore", () => {
  let claimId: number;
  let original: Record<string, unknown>;
  let createEventId: number;

  beforeAll(async () => {
    claimId = await idOf(db, "claims", "quote", "it had identified 53 scam centers around the country");
    original = await row("claims", claimId);
    createEventId = (await eventsOf("claim", claimId))[0]!.id;
    const id = String(claimId);
    const agnes = await idOf(db, "speakers", "name", "Agnes Callamard");
    const edit = await call(patchClaim, `/api/claims/${id}`, {
      method: "PATCH",
      token: fc,
      params: { id },
      json: { text: "Amnesty counted 53 centres", quote: "53 scam centers", speakerId: agnes, statedOn: "2025-07-01", storyId: null, version: original.version },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
  });

  it("is refused for a stale version (409), anonymous callers (401), another entity's event (400) and unknown claims (404), changing nothing", async () => {
    const { version } = await row("claims", claimId);
    const stale = await refused(restoreClaim, "claims", claimId, { eventId: createEventId, version: version - 1 }, 409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    expect(stale.body.error.current).toMatchObject({ id: claimId, version, text: "Amnesty counted 53 centres" });
    await refused(restoreClaim, "claims", claimId, { eventId: createEventId, version }, 401, { token: undefined });
    const otherEvent = (await eventsOf("claim", await idOf(db, "claims", "quote", "he called Amnesty’s report “exaggerated.”")))[0]!.id;
    const wrong = await refused(restoreClaim, "claims", claimId, { eventId: otherEvent, version }, 400);
    expect(wrong.body.error.fields).toHaveProperty("eventId");
    await refused(restoreClaim, "claims", claimId, { eventId: createEventId }, 400);
    await refused(restoreClaim, "claims", claimId, { eventId: "first", version }, 400);
    await refused(restoreClaim, "claims", 999999, { eventId: createEventId, version: 1 }, 404);
    // Restoring the current version would change nothing: refused rather than recorded.
    const latest = (await eventsOf("claim", claimId)).at(-1)!.id;
    const same = await refused(restoreClaim, "claims", claimId, { eventId: latest, version }, 409);
    expect(same.body.error.message).toMatch(/nothing to restore/);
  });

  it("brings back the content fields, bumps the version and records a restore event — status, verdict and anchor untouched", async () => {
    const id = String(claimId);
    // A workflow step in between: the restore must not undo it.
    const before = await row("claims", claimId);
    const logBefore = await all(db, "SELECT * FROM events ORDER BY id");
    const res = await restore(restoreClaim, "claims", claimId, { eventId: createEventId, version: before.version }, { token: editor });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = await row("claims", claimId);
    for (const f of ["text", "quote", "speaker_id", "story_id", "stated_on"]) expect(after[f], f).toEqual(original[f]);
    for (const f of ["status", "rating_id", "rationale", "anchor_exact", "anchor_start", "anchor_end", "anchor_state", "published_at"]) expect(after[f], f).toEqual(before[f]);
    expect(after.version).toBe(before.version + 1);
    expect(res.body).toMatchObject({ id: claimId, version: before.version + 1, text: original.text, quote: original.quote, status: "published" });

    // The log only grew by the restore event; everything before it is unchanged.
    const logAfter = await all(db, "SELECT * FROM events ORDER BY id");
    expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);
    expect(logAfter).toHaveLength(logBefore.length + 1);
    const event = (await eventsOf("claim", claimId)).at(-1)!;
    expect(event.action).toBe("restore");
    expect(event.comment).toMatch(new RegExp(`^restored to the version of \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC \\(event ${createEventId}\\)$`));
    expect(parseJson(event.before!)).toMatchObject({ text: "Amnesty counted 53 centres", version: before.version });
    expect(parseJson(event.after!)).toMatchObject({ text: original.text, version: before.version + 1 });

    // The history shows it, by the editor, with the changes.
    const h = await call(claimHistory, `/api/claims/${id}/history`, { token: fc, params: { id } });
    const [latest] = h.body.items as HistoryEntryDTO[];
    expect(latest).toMatchObject({ action: "restore", summary: "Restored an earlier version", actor: { name: "Eduardo Editor" }, comment: event.comment, restorable: false });
    expect(latest!.changes.map((c) => c.field)).toEqual(["text", "quote", "speakerId", "storyId", "statedOn"]);
  });

  it("keeps the workflow: a claim in review stays in review", async () => {
    const created = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "First wording", speakerId: await idOf(db, "speakers", "name", "Pen Bona") } });
    const cid = created.body.id as number;
    const edited = await call(patchClaim, `/api/claims/${cid}`, { method: "PATCH", token: fc, params: { id: String(cid) }, json: { text: "Second wording", version: created.body.version } });
    const submitted = await call(submitClaim, `/api/claims/${cid}/submit`, { method: "POST", token: fc, params: { id: String(cid) }, json: { version: edited.body.version } });
    expect(submitted.body.status).toBe("in_review");
    const res = await restore(restoreClaim, "claims", cid, { eventId: (await eventsOf("claim", cid))[0]!.id, version: submitted.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ text: "First wording", status: "in_review", version: submitted.body.version + 1 });
  });

  it("maps a speaker merged away since to the speaker that absorbed it, and says so", async () => {
    const dup = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name: "Spokesman Bona" } });
    const bona = await idOf(db, "speakers", "name", "Pen Bona");
    const created = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "Cambodia is cooperating", speakerId: dup.body.id } });
    const cid = created.body.id as number;
    const merged = await call(mergeSpeaker, `/api/speakers/${dup.body.id}/merge`, {
      method: "POST",
      token: editor,
      params: { id: String(dup.body.id) },
      json: { targetId: bona, version: dup.body.version, targetVersion: (await row("speakers", bona)).version },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    const edited = await call(patchClaim, `/api/claims/${cid}`, { method: "PATCH", token: fc, params: { id: String(cid) }, json: { text: "Cambodia is fully cooperating", version: (await row("claims", cid)).version } });
    expect(edited.status).toBe(200);
    const res = await restore(restoreClaim, "claims", cid, { eventId: (await eventsOf("claim", cid))[0]!.id, version: edited.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ text: "Cambodia is cooperating", speaker: { id: bona, name: "Pen Bona" } });
    expect((await eventsOf("claim", cid)).at(-1)!.comment).toMatch(/; speaker “Spokesman Bona” was merged into “Pen Bona”, so Pen Bona is kept$/);
  });
});

describe("POST /api/speakers/{id}/restore", () => {
  it("brings back name, description and aliases; a merged speaker cannot be restored", async () => {
    const created = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name: "Ministry of Works", kind: "government", aliases: ["MoW"], description: "The ministry." } });
    const sid = created.body.id as number;
    const edited = await call(patchSpeaker, `/api/speakers/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { name: "Works Ministry", aliases: ["Ministry"], description: null, version: created.body.version } });
    expect(edited.status).toBe(200);
    await refused(restoreSpeaker, "speakers", sid, { eventId: (await eventsOf("speaker", sid))[0]!.id, version: created.body.version }, 409);
    const res = await restore(restoreSpeaker, "speakers", sid, { eventId: (await eventsOf("speaker", sid))[0]!.id, version: edited.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: "Ministry of Works", kind: "government", aliases: ["MoW"], description: "The ministry.", version: edited.body.version + 1 });
    expect((await eventsOf("speaker", sid)).map((e) => e.action)).toEqual(["create", "update", "restore"]);

    const target = await idOf(db, "speakers", "name", "Government of Cambodia");
    const merged = await call(mergeSpeaker, `/api/speakers/${sid}/merge`, { method: "POST", token: editor, params: { id: String(sid) }, json: { targetId: target, version: res.body.version, targetVersion: (await row("speakers", target)).version } });
    expect(merged.status).toBe(201);
    const locked = await refused(restoreSpeaker, "speakers", sid, { eventId: (await eventsOf("speaker", sid))[1]!.id, version: (await row("speakers", sid)).version }, 409);
    expect(locked.body.error.message).toMatch(/merged into another/);
  });
});

describe("POST /api/sources/{id}/restore", () => {
  it("brings back an earlier revision's text as a new revision and re-anchors: an orphaned claim comes back", async () => {
    const text = "Intro line.\n\nThe minister said “the bridge will open in May” at a press conference.\n\nCritics disagreed.";
    const created = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Bridge report", text, publisher: "Daily" } });
    const sid = created.body.id as number;
    const quote = "the bridge will open in May";
    const start = [...text.slice(0, text.indexOf(quote))].length;
    const claim = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "The bridge will open in May", sourceId: sid, anchor: { start, end: start + quote.length, exact: quote }, speakerId: await idOf(db, "speakers", "name", "Hun Manet") } });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const cid = claim.body.id as number;

    const cut = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { text: "Only critics remain.", title: "Bridge report (cut)", version: created.body.version } });
    expect(cut.body.reanchor).toMatchObject({ anchored: 0, orphaned: 1 });
    expect((await row("claims", cid)).anchor_state).toBe("orphan");

    const createEvent = (await eventsOf("source", sid))[0]!.id;
    await refused(restoreSource, "sources", sid, { eventId: createEvent, version: created.body.version }, 409);
    const res = await restore(restoreSource, "sources", sid, { eventId: createEvent, version: cut.body.version }, { token: editor });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: "Bridge report", publisher: "Daily", text, revision: 3, version: cut.body.version + 1, reanchor: { anchored: 1, orphaned: 0, reattached: 1 } });

    const back = await call(getClaim, `/api/claims/${cid}`, { token: fc, params: { id: String(cid) } });
    expect(back.body.anchor).toMatchObject({ state: "anchored", revision: 3, exact: quote, start, end: start + quote.length });
    const revisions = (await all(db, "SELECT revision, text, note FROM source_revisions WHERE source_id = ? ORDER BY revision", sid)) as { revision: number; text: string; note: string | null }[];
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(revisions[2]!.text).toBe(text);
    expect(revisions[2]!.note).toMatch(new RegExp(`^restored to the version of .* \\(event ${createEvent}\\)$`));

    // updateSource records the revision; the restore event follows it, in the same transaction.
    const log = await eventsOf("source", sid);
    expect(log.map((e) => e.action)).toEqual(["create", "revise", "revise", "restore"]);
    expect(log[2]!.comment).toBe(log[3]!.comment);
    expect(parseJson(log[3]!.after!)).toMatchObject({ revision: 3, title: "Bridge report", reanchor: { reattached: 1 } });
    expect((await eventsOf("claim", cid)).map((e) => e.action)).toEqual(["create", "orphan", "reanchor"]);

    const h = await call(sourceHistory, `/api/sources/${sid}/history`, { token: fc, params: { id: String(sid) } });
    const [restored] = h.body.items as HistoryEntryDTO[];
    expect(restored).toMatchObject({ action: "restore", actor: { name: "Eduardo Editor" }, revision: { before: 2, after: 3 } });
    expect(restored!.summary).toBe("Restored an earlier version (revision 3) — 1 claim(s) kept their place, 0 lost it");
    expect(restored!.changes.find((c) => c.field === "text")).toMatchObject({ before: "Only critics remain.", after: text });
  });

  it("restores metadata alone without storing a new revision when the text is the same", async () => {
    const created = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Budget memo", author: "A. Writer", text: "Spending rises." } });
    const sid = created.body.id as number;
    const renamed = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { title: "Budget memo, final", author: null, version: created.body.version } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const res = await restore(restoreSource, "sources", sid, { eventId: (await eventsOf("source", sid))[0]!.id, version: renamed.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: "Budget memo", author: "A. Writer", revision: 1, reanchor: null, version: renamed.body.version + 1 });
    expect((await eventsOf("source", sid)).map((e) => e.action)).toEqual(["create", "update", "update", "restore"]);
    expect(await num(db, "SELECT count(*) FROM source_revisions WHERE source_id = ?", sid)).toBe(1);
  });

  it("a stale source restore changes nothing: no revision, no re-anchoring, no event", async () => {
    const created = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Short note", text: "One. Two." } });
    const sid = created.body.id as number;
    const patched = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { text: "One. Three.", version: created.body.version } });
    const createEvent = (await eventsOf("source", sid))[0]!.id;
    await refused(restoreSource, "sources", sid, { eventId: createEvent, version: patched.body.version + 1 }, 409);
    await refused(restoreSource, "sources", sid, { eventId: createEvent, version: patched.body.version }, 401, { token: undefined });
  });
});
