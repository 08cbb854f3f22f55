import { beforeAll, describe, expect, it } from "vitest";
import { GET as claimHistory } from "@/app/api/claims/[id]/history/route";
import { POST as linkClaims } from "@/app/api/claims/[id]/links/route";
import { PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { DELETE as deleteLink } from "@/app/api/links/[id]/route";
import { GET as sourceHistory } from "@/app/api/sources/[id]/history/route";
import { PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { POST as createSource } from "@/app/api/sources/route";
import { GET as speakerHistory } from "@/app/api/speakers/[id]/history/route";
import { PATCH as patchSpeaker } from "@/app/api/speakers/[id]/route";
import type { Db } from "@/db/client";
import type { HistoryEntryDTO } from "@/lib/history-schemas";
import { getHistory, getVersionAt } from "@/server/history";
import { get, idOf, num, parseJson, seededApi } from "../support/db";
import { call } from "../support/http";

let db: Db;
let fc: string;
let editor: string;
let claimId: number;
let amnestyId: number;
let callamardId: number;
let counterId: number;

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
  claimId = await idOf(db, "claims", "quote", "it had identified 53 scam centers around the country");
  counterId = await idOf(db, "claims", "quote", "he called Amnesty’s report “exaggerated.”");
  amnestyId = await idOf(db, "speakers", "name", "Amnesty International");
  callamardId = await idOf(db, "speakers", "name", "Agnes Callamard");
});

const versionOf = (table: string, id: number) => num(db, `SELECT version FROM ${table} WHERE id = ?`, id);
/** GET …/history as `token`'s user (null: anonymous). */
const history = (handler: typeof claimHistory, path: string, id: number, token: string | null = fc, query = "") =>
  call(handler, `/api/${path}/${id}/history${query}`, { token: token ?? undefined, params: { id: String(id) } });

describe("GET /api/claims/{id}/history", () => {
  const originalText = "Amnesty International identified 53 scam centers in Cambodia, plus dozens more suspected sites";
  const newText = "Amnesty International identified 53 scam centres in Cambodia and dozens of suspected sites";
  let textEventId = 0;

  beforeAll(async () => {
    const id = String(claimId);
    const edit = await call(patchClaim, `/api/claims/${id}`, { method: "PATCH", token: fc, params: { id }, json: { text: newText, version: await versionOf("claims", claimId) } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    textEventId = await num(db, "SELECT max(id) FROM events");
    const speaker = await call(patchClaim, `/api/claims/${id}`, { method: "PATCH", token: editor, params: { id }, json: { speakerId: callamardId, version: edit.body.version } });
    expect(speaker.status, JSON.stringify(speaker.body)).toBe(200);
    const link = await call(linkClaims, `/api/claims/${id}/links`, {
      method: "POST",
      token: fc,
      params: { id },
      json: { kind: "disputes", direction: "incoming", note: "Said on the radio", targetClaim: { text: "There are far fewer scam centers than 53", speakerId: await idOf(db, "speakers", "name", "Pen Bona") } },
    });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    const removed = await call(deleteLink, `/api/links/${link.body.linkId}`, { method: "DELETE", token: editor, params: { id: String(link.body.linkId) } });
    expect(removed.status).toBe(200);
  });

  it("lists the claim's events and the links touching it, newest first, with who made each change", async () => {
    const res = await history(claimHistory, "claims", claimId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.entity).toMatchObject({ type: "claim", id: claimId, name: newText, version: await versionOf("claims", claimId), href: `/claims/${claimId}`, locked: null });
    const items = res.body.items as HistoryEntryDTO[];
    const ids = items.map((e) => e.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(items.map((e) => [e.entityType, e.action, e.actor.name])).toEqual([
      ["link", "delete", "Eduardo Editor"],
      ["link", "create", "Fatima Checker"],
      ["claim", "update", "Eduardo Editor"],
      ["claim", "update", "Fatima Checker"],
      ["link", "create", "Demo data"],
      ["claim", "create", "Demo data"],
    ]);
    expect(items.at(-1)!.actor).toEqual({ id: "system:seed", name: "Demo data", kind: "system" });
    expect(items[3]!.actor.kind).toBe("user");
  });

  it("shows field-level changes: the text before → after and the speaker by name, bookkeeping left out", async () => {
    const items = (await history(claimHistory, "claims", claimId)).body.items as HistoryEntryDTO[];
    const [speakerEdit, textEdit] = items.filter((e) => e.entityType === "claim" && e.action === "update");
    expect(textEdit!.summary).toBe("Edited");
    expect(textEdit!.changes).toEqual([{ field: "text", label: "Claim", kind: "text", before: originalText, after: newText }]);
    expect(speakerEdit!.changes).toEqual([
      { field: "speakerId", label: "Speaker", kind: "ref", before: { id: amnestyId, name: "Amnesty International" }, after: { id: callamardId, name: "Agnes Callamard" } },
    ]);
    const created = items.at(-1)!;
    expect(created.summary).toBe("Created");
    expect(created.comment).toBe("demo data");
    const fields = created.changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(["text", "quote", "speakerId", "storyId", "statedOn", "status", "ratingId", "anchor"]));
    for (const hidden of ["version", "createdAt", "updatedAt", "createdBy", "anchorPrefix", "anchorStart"]) expect(fields).not.toContain(hidden);
    expect(created.changes.find((c) => c.field === "ratingId")!.after).toMatchObject({ name: "True" });
    expect(created.changes.find((c) => c.field === "storyId")!.after).toMatchObject({ name: "Cambodia scam compounds" });
    expect(created.changes.every((c) => c.before === null)).toBe(true);
  });

  it("reads link events from this claim's side: “disputed by” the counter-claim", async () => {
    const items = (await history(claimHistory, "claims", claimId)).body.items as HistoryEntryDTO[];
    const seeded = items.find((e) => e.entityType === "link" && e.actor.name === "Demo data")!;
    expect(seeded.summary).toBe(`Linked: disputed by claim ${counterId}`);
    expect(seeded.link).toMatchObject({ kind: "disputes", direction: "incoming", claim: { id: counterId, name: expect.stringContaining("exaggerated") } });
    const [removed, added] = items.filter((e) => e.entityType === "link" && e.actor.kind === "user");
    expect(added!.summary).toMatch(/^Linked: disputed by claim \d+$/);
    expect(added!.link!.claim.name).toBe("There are far fewer scam centers than 53");
    expect(added!.changes).toEqual([{ field: "note", label: "Link note", kind: "text", before: null, after: "Said on the radio" }]);
    expect(removed!.summary).toMatch(/^Link removed: no longer disputed by claim \d+$/);
    expect(removed!.viewable).toBe(false);
    expect(removed!.restorable).toBe(false);
    // From the other side, the same seeded link reads "disputes".
    const counter = (await getHistory(db, "claim", counterId)).find((e) => e.eventId === seeded.eventId)!;
    expect(counter.summary).toBe(`Linked: disputes claim ${claimId}`);
  });

  it("marks which versions can be viewed and restored", async () => {
    const items = (await history(claimHistory, "claims", claimId)).body.items as HistoryEntryDTO[];
    const own = items.filter((e) => e.entityType === "claim");
    expect(own.every((e) => e.viewable)).toBe(true);
    // The newest version is the current content; the older ones differ from it.
    expect(own.map((e) => e.restorable)).toEqual([false, true, true]);
  });

  it("gives an earlier version's snapshot with ?version= and from getVersionAt", async () => {
    const res = await history(claimHistory, "claims", claimId, fc, `?version=${textEventId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toMatchObject({ eventId: textEventId, action: "update", actor: { name: "Fatima Checker" }, snapshot: { text: newText, speakerId: amnestyId }, restorable: true });
    const v = await getVersionAt(db, "claim", claimId, textEventId);
    expect(v.fields.find((f) => f.field === "speakerId")!.value).toEqual({ id: amnestyId, name: "Amnesty International" });
    expect(v.version).toBe((v.snapshot as { version: number }).version);
    const other = await num(db, "SELECT id FROM events WHERE entity_type = 'claim' AND entity_id = ? LIMIT 1", String(counterId));
    expect((await history(claimHistory, "claims", claimId, fc, `?version=${other}`)).status).toBe(404);
    expect((await history(claimHistory, "claims", claimId, fc, "?version=abc")).status).toBe(400);
  });

  it("is for staff only, and 404 for an unknown claim", async () => {
    const anon = await history(claimHistory, "claims", claimId, null);
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe("unauthenticated");
    expect((await history(claimHistory, "claims", 999999)).status).toBe(404);
    expect((await call(claimHistory, "/api/claims/abc/history", { token: fc, params: { id: "abc" } })).status).toBe(400);
    await expect(getHistory(db, "claim", 999999)).rejects.toThrow(/No claim/);
  });
});

describe("GET /api/speakers/{id}/history", () => {
  it("shows aliases added and removed, and the affiliation by name", async () => {
    const bona = await idOf(db, "speakers", "name", "Pen Bona");
    const gov = await idOf(db, "speakers", "name", "Government of Cambodia");
    const old = parseJson<string[]>((await get(db, "SELECT aliases FROM speakers WHERE id = ?", bona))!.aliases);
    const res = await call(patchSpeaker, `/api/speakers/${bona}`, {
      method: "PATCH",
      token: fc,
      params: { id: String(bona) },
      json: { aliases: [...old.slice(1), "Government spokesman"], affiliationId: null, version: await versionOf("speakers", bona) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const h = await history(speakerHistory, "speakers", bona);
    expect(h.status).toBe(200);
    const [latest] = h.body.items as HistoryEntryDTO[];
    expect(latest!.actor.name).toBe("Fatima Checker");
    const aliases = latest!.changes.find((c) => c.field === "aliases")!;
    expect(aliases).toMatchObject({ kind: "list", added: ["Government spokesman"], removed: old.slice(0, 1) });
    expect(latest!.changes.find((c) => c.field === "affiliationId")).toEqual({ field: "affiliationId", label: "Affiliation", kind: "ref", before: { id: gov, name: "Government of Cambodia" }, after: null });
    expect((await history(speakerHistory, "speakers", bona, null)).status).toBe(401);
  });
});

describe("GET /api/sources/{id}/history", () => {
  it("shows a revision's text change as the changed stretch, and the revision numbers", async () => {
    const text = `${"Intro sentence number one. ".repeat(20)}The minister said the bridge will open in May.${" Closing remarks follow here.".repeat(20)}`;
    const created = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Bridge report", text } });
    expect(created.status).toBe(201);
    const sid = created.body.id as number;
    const revised = text.replace("open in May", "open in June");
    const patched = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: editor, params: { id: String(sid) }, json: { text: revised, title: "Bridge report (updated)", revisionNote: "date fixed", version: 1 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const h = await history(sourceHistory, "sources", sid);
    const [revise, create] = h.body.items as HistoryEntryDTO[];
    expect(revise).toMatchObject({ action: "revise", actor: { name: "Eduardo Editor" }, comment: "date fixed", revision: { before: 1, after: 2 } });
    expect(revise!.summary).toBe("Revised the text (revision 2) — 0 claim(s) kept their place, 0 lost it");
    const textChange = revise!.changes.find((c) => c.field === "text")!;
    expect(textChange.kind).toBe("text");
    expect(textChange.before).toMatch(/^….*open in May\..*…$/s);
    expect(textChange.after).toMatch(/open in June\./);
    expect(String(textChange.before).length).toBeLessThan(text.length);
    expect(revise!.changes.find((c) => c.field === "title")).toMatchObject({ before: "Bridge report", after: "Bridge report (updated)" });
    expect(revise!.changes.find((c) => c.field === "revision")).toMatchObject({ before: 1, after: 2 });
    expect(create).toMatchObject({ action: "create", actor: { name: "Fatima Checker" }, restorable: true });
    expect((await getVersionAt(db, "source", sid, create!.eventId)).text).toBe(text);
  });
});
