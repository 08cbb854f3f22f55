import { beforeAll, describe, expect, it } from "vitest";
import { POST as decideQuote } from "@/app/api/claims/[id]/quote/route";
import { POST as restoreClaim } from "@/app/api/claims/[id]/restore/route";
import { GET as getClaim, PATCH as patchClaim } from "@/app/api/claims/[id]/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { GET as getQueue } from "@/app/api/queue/route";
import { GET as getSource, PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { POST as createSource } from "@/app/api/sources/route";
import type { Db } from "@/db/client";
import { all, get, num, seededApi } from "../support/db";
import { call } from "../support/http";
import { refused } from "../support/refused";

/**
 * A quote is what was verified: a revision that edits the quoted words never rewrites it. The
 * claim keeps its quote, is flagged "quote changed in source" (in the revision's report and the
 * review queue), readers keep seeing the verified words, and a person accepts the new words or
 * keeps the quote. Restoring an old quote re-anchors it or orphans the claim. Throughout, an
 * anchored claim's quote is its span's text or the claim is flagged.
 */

let db: Db;
let fc: string;
let editor: string;

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
});

/** Every anchored claim's quote is the text of its span, or the claim waits as 'quote_changed'. */
async function expectInvariant() {
  const broken = await all(
    db,
    "SELECT id, quote, anchor_exact, queue_reason FROM claims WHERE anchor_state = 'anchored' AND quote IS NOT NULL AND quote <> anchor_exact AND status <> 'archived' AND (queue_reason IS NULL OR queue_reason <> 'quote_changed')",
  );
  expect(broken).toEqual([]);
  // …and the span's text is what the source holds there (substr counts code points on both engines).
  const off = await all(
    db,
    "SELECT c.id FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.anchor_state = 'anchored' AND substr(s.text, c.anchor_start + 1, c.anchor_end - c.anchor_start) <> c.anchor_exact",
  );
  expect(off).toEqual([]);
}

const claimOf = (id: number, token?: string) => call(getClaim, `/api/claims/${id}`, { token, params: { id: String(id) } });
const decide = (id: number, decision: string, version: unknown, token = editor) => call(decideQuote, `/api/claims/${id}/quote`, { method: "POST", token, params: { id: String(id) }, json: { decision, version } });
const events = (id: number) => all<{ action: string; comment: string | null }>(db, "SELECT action, comment FROM events WHERE entity_type = 'claim' AND entity_id = ? ORDER BY id", String(id));

describe("a revision that edits a quoted passage", () => {
  let claimId: number;
  let sourceId: number;
  let quote: string;
  let edited: string;

  beforeAll(async () => {
    const row = await get<{ id: number; source_id: number; quote: string }>(
      db,
      "SELECT id, source_id, quote FROM claims WHERE status = 'published' AND anchor_state = 'anchored' AND quote = anchor_exact AND length(quote) >= 40 ORDER BY id LIMIT 1",
    );
    expect(row, "the demo data has a published claim with a long quote").toBeTruthy();
    claimId = Number(row!.id);
    sourceId = Number(row!.source_id);
    quote = row!.quote;
    // One word of the quote changes: the longest, so the fuzzy match is unambiguous.
    const longest = quote.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a));
    edited = quote.replace(longest, "reworded");
  });

  it("keeps the quote, names the claim in the save report and flags it for the queue", async () => {
    await expectInvariant();
    const source = await call(getSource, `/api/sources/${sourceId}`, { token: fc, params: { id: String(sourceId) } });
    const text = source.body.text as string;
    expect(text).toContain(quote);
    const saved = await call(patchSource, `/api/sources/${sourceId}`, { method: "PATCH", token: fc, params: { id: String(sourceId) }, json: { text: text.replace(quote, edited), version: source.body.version } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.reanchor.quoteChanged).toContainEqual(expect.objectContaining({ claimId, quote, proposed: edited }));

    const row = await get<{ quote: string; anchor_exact: string; queue_reason: string }>(db, "SELECT quote, anchor_exact, queue_reason FROM claims WHERE id = ?", claimId);
    expect(row).toEqual({ quote, anchor_exact: edited, queue_reason: "quote_changed" });
    expect((await events(claimId)).at(-1)).toMatchObject({ action: "reanchor", comment: expect.stringMatching(/quote changed in the source/) });
    await expectInvariant();
  });

  it("lists the claim in the review queue under its own reason", async () => {
    const queue = await call(getQueue, "/api/queue?filter=quote_changed", { token: fc });
    expect(queue.status).toBe(200);
    const item = (queue.body.items as { claim: { id: number; quote: string; quoteChanged: string }; reason: string }[]).find((i) => i.claim.id === claimId);
    expect(item).toMatchObject({ reason: "quote_changed", claim: { quote, quoteChanged: edited } });
    const everything = await call(getQueue, "/api/queue", { token: fc });
    expect((everything.body.items as { claim: { id: number } }[]).some((i) => i.claim.id === claimId)).toBe(true);
  });

  it("shows readers the verified quote until the change is accepted", async () => {
    const reader = await claimOf(claimId);
    expect(reader.status).toBe(200);
    expect(reader.body.quote).toBe(quote);
    expect(reader.body.context.quote).toBe(quote);
    const staff = await claimOf(claimId, fc);
    expect(staff.body).toMatchObject({ quote, quoteChanged: edited, context: { quote: edited } });
  });

  it("lets only an editor accept the new words of a published claim, audited", async () => {
    const { version } = (await claimOf(claimId, fc)).body;
    await refused(db, decideQuote, `/api/claims/${claimId}/quote`, { method: "POST", token: fc, params: { id: String(claimId) }, json: { decision: "accept", version } }, 403);
    await refused(db, decideQuote, `/api/claims/${claimId}/quote`, { method: "POST", token: editor, params: { id: String(claimId) }, json: { decision: "maybe", version } }, 400, ["decision"]);
    await refused(db, decideQuote, `/api/claims/${claimId}/quote`, { method: "POST", token: editor, params: { id: String(claimId) }, json: { decision: "accept", version: version - 1 } }, 409);
    await refused(db, decideQuote, `/api/claims/${claimId}/quote`, { method: "POST", params: { id: String(claimId) }, json: { decision: "accept", version } }, 401);
    const accepted = await decide(claimId, "accept", version);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({ quote: edited, quoteChanged: null, status: "published", anchor: { state: "anchored", exact: edited } });
    expect(await num(db, "SELECT count(*) FROM claims WHERE id = ? AND queue_reason IS NULL", claimId)).toBe(1);
    expect((await events(claimId)).at(-1)).toMatchObject({ action: "quote-accept" });
    expect((await claimOf(claimId)).body.quote).toBe(edited);
    // Nothing left to decide: a second decision is a conflict.
    await refused(db, decideQuote, `/api/claims/${claimId}/quote`, { method: "POST", token: editor, params: { id: String(claimId) }, json: { decision: "keep", version: accepted.body.version } }, 409);
    await expectInvariant();
  });

  it("restoring the old quote re-anchors it on the nearest words and flags it, rather than showing two wordings", async () => {
    const history = await events(claimId);
    const createdAt = await get<{ id: number }>(db, "SELECT id FROM events WHERE entity_type = 'claim' AND entity_id = ? AND action = 'reanchor' ORDER BY id DESC LIMIT 1", String(claimId));
    expect(history.length).toBeGreaterThan(1);
    const { version } = (await claimOf(claimId, fc)).body;
    const restored = await call(restoreClaim, `/api/claims/${claimId}/restore`, { method: "POST", token: fc, params: { id: String(claimId) }, json: { eventId: Number(createdAt!.id), version } });
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
    expect(restored.body).toMatchObject({ quote, quoteChanged: edited, anchor: { state: "anchored", exact: edited } });
    expect((await events(claimId)).at(-1)).toMatchObject({ action: "restore", comment: expect.stringMatching(/only approximately/) });
    await expectInvariant();
  });

  it("keeping the quote makes the claim an orphan holding its verified words", async () => {
    const { version } = (await claimOf(claimId, fc)).body;
    const kept = await decide(claimId, "keep", version);
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body).toMatchObject({ quote, quoteChanged: null, anchor: { state: "orphan", exact: quote } });
    expect((await events(claimId)).at(-1)).toMatchObject({ action: "quote-keep" });
    await expectInvariant();
  });
});

describe("re-attaching and restoring a quote that is gone", () => {
  it("asks which words an orphan quotes, and orphans a restored quote the source no longer holds", async () => {
    const text = "First the minister said the harbour would be dredged by spring. Then nothing happened.";
    const source = await call(createSource, "/api/sources", { method: "POST", token: fc, json: { title: "Harbour", text } });
    const sid = source.body.id as number;
    const span = "the harbour would be dredged by spring";
    const start = text.indexOf(span);
    const speaker = await get<{ id: number }>(db, "SELECT id FROM speakers WHERE merged_into_id IS NULL ORDER BY id LIMIT 1");
    const created = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "The harbour will be dredged by spring", speakerId: Number(speaker!.id), sourceId: sid, anchor: { start, end: start + span.length, exact: span } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    const createEvent = await get<{ id: number }>(db, "SELECT id FROM events WHERE entity_type = 'claim' AND entity_id = ? AND action = 'create'", String(id));

    // The sentence is rewritten beyond recognition: the claim is an orphan.
    const revised = "The ministry now says work on the port starts next year. Then nothing happened.";
    const saved = await call(patchSource, `/api/sources/${sid}`, { method: "PATCH", token: fc, params: { id: String(sid) }, json: { text: revised, version: source.body.version } });
    expect(saved.body.reanchor).toMatchObject({ orphaned: 1, quoteChanged: [] });
    const orphan = (await claimOf(id, fc)).body;
    expect(orphan).toMatchObject({ quote: span, anchor: { state: "orphan" } });

    // Re-attaching to other words needs the choice of quote.
    const other = "work on the port starts next year";
    const at = revised.indexOf(other);
    const anchor = { start: at, end: at + other.length, exact: other };
    await refused(db, patchClaim, `/api/claims/${id}`, { method: "PATCH", token: fc, params: { id: String(id) }, json: { anchor, version: orphan.version } }, 422, ["quote"]);
    // Keeping the old quote on new words flags the claim…
    const keptOld = await call(patchClaim, `/api/claims/${id}`, { method: "PATCH", token: fc, params: { id: String(id) }, json: { anchor, quote: span, version: orphan.version } });
    expect(keptOld.body).toMatchObject({ quote: span, quoteChanged: other, anchor: { state: "anchored", exact: other } });
    await expectInvariant();
    // …and accepting (a draft: a fact-checker may) makes the new words the quote.
    const accepted = await decide(id, "accept", keptOld.body.version, fc);
    expect(accepted.body).toMatchObject({ quote: other, quoteChanged: null });

    // Restoring the first version brings back a quote that is no longer in the source: orphaned, with a note.
    const restored = await call(restoreClaim, `/api/claims/${id}/restore`, { method: "POST", token: fc, params: { id: String(id) }, json: { eventId: Number(createEvent!.id), version: accepted.body.version } });
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
    expect(restored.body).toMatchObject({ quote: span, quoteChanged: null, anchor: { state: "orphan", exact: span } });
    expect((await events(id)).at(-1)).toMatchObject({ action: "restore", comment: expect.stringMatching(/not in the current text of the source/) });
    expect((await claimOf(id, fc)).body.context).toBeNull();
    await expectInvariant();
  });
});
