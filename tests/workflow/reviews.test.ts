import { beforeAll, describe, expect, it } from "vitest";
import { POST as assign } from "@/app/api/claims/[id]/assign/route";
import { POST as checkRequest } from "@/app/api/claims/[id]/check-requests/route";
import { POST as comment } from "@/app/api/claims/[id]/comments/route";
import { POST as claimDecision } from "@/app/api/claims/[id]/decision/route";
import { GET as editorial } from "@/app/api/claims/[id]/editorial/route";
import { POST as propose } from "@/app/api/claims/[id]/reviews/route";
import { GET as getClaim } from "@/app/api/claims/[id]/route";
import { POST as submit } from "@/app/api/claims/[id]/submit/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { GET as queue } from "@/app/api/queue/route";
import { POST as reviewDecision } from "@/app/api/reviews/[id]/decision/route";
import type { Db } from "@/db/client";
import { all, get, idOf, num, run, seededApi, snapshot } from "../support/db";
import { call } from "../support/http";
import { refused } from "../support/refused";

let db: Db;
let fc: string;
let editor: string;
let admin: string;
let bona: number;
let cambodiaSource: number;

beforeAll(async () => {
  ({ db, factchecker: fc, editor, admin } = await seededApi("factchecker", "editor", "admin"));
  bona = await idOf(db, "speakers", "name", "Pen Bona");
  cambodiaSource = await idOf(db, "sources", "title", "Amnesty accuses Cambodia of ignoring scam-compound abuses; government calls report “exaggerated”");
});

async function newDraft(text: string) {
  const res = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text, speakerId: bona, statedOn: "2025-06-28" } });
  expect(res.status).toBe(201);
  return res.body as { id: number; version: number };
}
const version = (id: number) => num(db, "SELECT version FROM claims WHERE id = ?", id);

describe("verdicts: a fact-checker proposes, an editor decides", () => {
  it("publishes a verdict with its evidence once an editor approves it", async () => {
    const claim = await newDraft("Cambodia has closed every scam compound");
    const params = { id: String(claim.id) };
    const proposed = await call(propose, "/x", {
      method: "POST",
      token: fc,
      params,
      json: {
        rating: "false",
        rationale: "Amnesty found **more than two-thirds** of compounds still operating or never investigated.",
        evidence: [
          { stance: "refutes", url: "https://www.amnesty.org/en/latest/", note: "Amnesty's report" },
          { stance: "refutes", sourceId: cambodiaSource, quote: "two of the compounds looked as though they had been shut down", note: "only two closed" },
        ],
        version: claim.version,
      },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body.pending).toMatchObject({ rating: { key: "false" }, state: "pending", author: { name: "Fatima Checker" } });
    expect(proposed.body.evidence).toHaveLength(2);
    // Newest first: the second item sent is listed first.
    expect(proposed.body.evidence[0]).toMatchObject({ source: { id: cambodiaSource }, quote: "two of the compounds looked as though they had been shut down" });
    expect((await call(getClaim, "/x", { token: fc, params })).body.status).toBe("in_review");
    // Readers see nothing yet.
    expect((await call(getClaim, "/x", { params })).status).toBe(404);

    const approved = await call(claimDecision, "/x", { method: "POST", token: editor, params, json: { action: "approve", version: await version(claim.id) } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(approved.body.reviews[0]).toMatchObject({ state: "approved", decidedBy: { name: "Eduardo Editor" } });
    const published = await call(getClaim, "/x", { params });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "published", verdict: { rating: { key: "false", label: "False" }, rationale: expect.stringContaining("two-thirds") } });
  });

  it("refuses self-approval of a verdict", async () => {
    const claim = await newDraft("The task force has inspected every site");
    const params = { id: String(claim.id) };
    await call(propose, "/x", { method: "POST", token: editor, params, json: { rating: "unproven", rationale: "No data.", version: claim.version } });
    const before = await snapshot(db, ["api_tokens"]);
    const res = await call(claimDecision, "/x", { method: "POST", token: editor, params, json: { action: "approve", version: await version(claim.id) } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/another editor/);
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
    const byAdmin = await call(claimDecision, "/x", { method: "POST", token: admin, params, json: { action: "approve", version: await version(claim.id) } });
    expect(byAdmin.status).toBe(201);
  });

  it("returns a claim with a comment the fact-checker sees, then takes it back after edits", async () => {
    const claim = await newDraft("Cambodia received no complaints about scam compounds");
    const params = { id: String(claim.id) };
    const proposed = await call(propose, "/x", { method: "POST", token: fc, params, json: { rating: "mostly-false", rationale: "See the report.", version: claim.version } });
    const reviewId = proposed.body.pending.id as number;
    const noComment = await call(reviewDecision, "/x", { method: "POST", token: editor, params: { id: String(reviewId) }, json: { action: "return", version: await version(claim.id) } });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields).toHaveProperty("comment");
    const returned = await call(reviewDecision, "/x", { method: "POST", token: editor, params: { id: String(reviewId) }, json: { action: "return", comment: "Cite the survivors' accounts, not just the report.", version: await version(claim.id) } });
    expect(returned.status, JSON.stringify(returned.body)).toBe(201);
    const seen = await call(editorial, "/x", { token: fc, params });
    expect(seen.body.lastReturn).toMatchObject({ comment: "Cite the survivors' accounts, not just the report.", by: { name: "Eduardo Editor" } });
    expect(seen.body.reviews[0]).toMatchObject({ state: "returned", decisionComment: "Cite the survivors' accounts, not just the report." });
    expect(seen.body.comments.at(-1).body).toContain("Cite the survivors");
    expect((await call(getClaim, "/x", { token: fc, params })).body.status).toBe("returned");
    // A stale decision (the review is no longer pending) is a conflict.
    const again = await call(reviewDecision, "/x", { method: "POST", token: editor, params: { id: String(reviewId) }, json: { action: "approve", version: await version(claim.id) } });
    expect(again.status).toBe(409);
    // The fact-checker proposes again, which sends it back to review.
    const second = await call(propose, "/x", { method: "POST", token: fc, params, json: { rating: "false", rationale: "Survivors describe complaints ignored.", version: await version(claim.id) } });
    expect(second.status).toBe(201);
    expect((await call(getClaim, "/x", { token: fc, params })).body.status).toBe("in_review");
  });

  it("validates proposals and keeps the database unchanged when refusing", async () => {
    const claim = await newDraft("A claim to validate");
    const params = { id: String(claim.id) };
    const bad = (json: unknown, status: number, fields: string[] = []) => refused(db, propose, "/x", { method: "POST", token: fc, params, json }, status, fields);
    await bad({ rating: "true", version: claim.version }, 400, ["rationale"]);
    await bad({ rating: "wonderful", rationale: "x", version: claim.version }, 400, ["rating"]);
    await bad({ rating: "true", rationale: "x", evidence: [{ stance: "refutes" }], version: claim.version }, 400, ["evidence.0.url"]);
    await bad({ rating: "true", rationale: "x", evidence: [{ stance: "refutes", sourceId: cambodiaSource, quote: "words that are not there" }], version: claim.version }, 400, ["evidence.0.quote"]);
    await bad({ rating: "true", rationale: "x", evidence: [{ stance: "maybe", url: "https://example.org/a" }], version: claim.version }, 400, ["evidence.0.stance"]);
    await bad({ rating: "true", rationale: "x", version: claim.version + 3 }, 409);
    const anon = await call(propose, "/x", { method: "POST", params, json: { rating: "true", rationale: "x", version: claim.version } });
    expect(anon.status).toBe(401);
  });
});

describe("publishing needs a verdict", () => {
  /** A draft sent to review without a verdict, as the claim page's "Submit for review" does. */
  async function submittedWithoutVerdict(text: string) {
    const claim = await newDraft(text);
    const res = await call(submit, "/x", { method: "POST", token: fc, params: { id: String(claim.id) }, json: { version: claim.version } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return claim.id;
  }
  const approve = (id: number, version: number) => ({ method: "POST", token: editor, params: { id: String(id) }, json: { action: "approve", version } });

  it("refuses to approve a claim with no verdict: a 422 naming the rating, nothing written, the claim still in review", async () => {
    const id = await submittedWithoutVerdict("Every compound has been raided twice");
    const res = await refused(db, claimDecision, "/x", approve(id, await version(id)), 422, ["rating"]);
    expect(res.body.error).toMatchObject({ code: "unprocessable", message: expect.stringMatching(/no verdict/), fields: { rating: expect.stringMatching(/required to publish/) } });
    expect((await call(getClaim, "/x", { params: { id: String(id) } })).status).toBe(404);
    expect(await get(db, "SELECT status, rating_id, published_at FROM claims WHERE id = ?", id)).toEqual({ status: "in_review", rating_id: null, published_at: null });
    // Returning it still works; once a verdict is proposed, another editor approves it.
    await call(propose, "/x", { method: "POST", token: fc, params: { id: String(id) }, json: { rating: "false", rationale: "No raid is on record for most sites.", version: await version(id) } });
    const approved = await call(claimDecision, "/x", approve(id, await version(id)));
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect((await call(getClaim, "/x", { params: { id: String(id) } })).body).toMatchObject({ status: "published", verdict: { rating: { key: "false" } } });
  });

  it("refuses a verdict without a rationale (as an import of a rated draft leaves one), naming the rationale", async () => {
    const id = await submittedWithoutVerdict("The raids freed four thousand workers");
    await run(db, "UPDATE claims SET rating_id = (SELECT id FROM ratings WHERE key = 'unproven' ORDER BY id LIMIT 1), rationale = '  ' WHERE id = ?", id);
    await refused(db, claimDecision, "/x", approve(id, await version(id)), 422, ["rationale"]);
    await run(db, "UPDATE claims SET rationale = 'No count is published.' WHERE id = ?", id);
    const approved = await call(claimDecision, "/x", approve(id, await version(id)));
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect((await call(getClaim, "/x", { params: { id: String(id) } })).body).toMatchObject({ status: "published", verdict: { rating: { key: "unproven" }, rationale: "No count is published." } });
  });

  it("publishes through neither decision route once the claim's proposals are withdrawn", async () => {
    const claim = await newDraft("The task force closed its inquiry");
    const params = { id: String(claim.id) };
    const proposed = await call(propose, "/x", { method: "POST", token: fc, params, json: { rating: "true", rationale: "The closure was announced.", submit: true, version: claim.version } });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const reviewId = proposed.body.pending.id as number;
    // A claim left in review with no proposal pending (its verdict withdrawn).
    await run(db, "UPDATE reviews SET state = 'withdrawn' WHERE claim_id = ?", claim.id);
    await refused(db, reviewDecision, "/x", { method: "POST", token: editor, params: { id: String(reviewId) }, json: { action: "approve", version: await version(claim.id) } }, 409);
    await refused(db, claimDecision, "/x", approve(claim.id, await version(claim.id)), 422, ["rating"]);
  });
});

describe("readers' check requests", () => {
  it("counts requests, limits each reader, and treats drafts as not found", async () => {
    const published = await idOf(db, "claims", "quote", "it had identified 53 scam centers around the country");
    const params = { id: String(published) };
    const headers = { "x-counterpoint-peer": "203.0.113.7" };
    const first = await call(checkRequest, "/x", { method: "POST", params, headers, json: { reason: "The number seems high" } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.requests).toBe(1);
    const again = await call(checkRequest, "/x", { method: "POST", params, headers, json: { reason: "Please check" } });
    expect(again.status).toBe(429);
    const other = await call(checkRequest, "/x", { method: "POST", params, headers: { "x-counterpoint-peer": "198.51.100.2" }, json: { reason: "Me too" } });
    expect(other.body.requests).toBe(2);
    expect((await call(checkRequest, "/x", { method: "POST", params, headers, json: { reason: "" } })).status).toBe(400);
    const draft = (await get(db, "SELECT id FROM claims WHERE status = 'draft' LIMIT 1")) as { id: number };
    expect((await call(checkRequest, "/x", { method: "POST", params: { id: String(draft.id) }, headers: { "x-counterpoint-peer": "192.0.2.9" }, json: { reason: "Is it true?" } })).status).toBe(404);
    // Five requests an hour per reader, across claims.
    const others = (await all(db, "SELECT id FROM claims WHERE status = 'published' AND id <> ? LIMIT 6", published)) as { id: number }[];
    const statuses: number[] = [];
    for (const c of others) statuses.push((await call(checkRequest, "/x", { method: "POST", params: { id: String(c.id) }, headers: { "x-counterpoint-peer": "192.0.2.50" }, json: { reason: "check" } })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    // The queue ranks the most-requested claim first.
    const q = await call(queue, "/api/queue?filter=all", { token: editor });
    expect(q.status).toBe(200);
    const requests = q.body.items.map((i: { requests: number }) => i.requests);
    expect(requests).toEqual([...requests].sort((a: number, b: number) => b - a));
  });
});

describe("the review queue, comments and assignment", () => {
  it("lists in-review, returned and contested-without-verdict claims with the other side of each dispute", async () => {
    const all = await call(queue, "/api/queue?limit=100", { token: fc });
    const reasons = new Set(all.body.items.map((i: { reason: string }) => i.reason));
    expect(reasons).toEqual(new Set(["in_review", "returned", "contested"]));
    const contested = (await call(queue, "/api/queue?filter=contested&limit=100", { token: editor })).body.items;
    expect(contested.length).toBeGreaterThan(0);
    for (const item of contested) {
      expect(item.claim.verdict).toBeNull();
      expect(item.otherSide.length).toBeGreaterThan(0);
    }
    expect((await call(queue, "/api/queue", {})).status).toBe(401);
    expect((await call(queue, "/api/queue?filter=nonsense", { token: fc })).status).toBe(400);
  });

  it("assigns claims (editors only) and keeps a discussion", async () => {
    const claim = await newDraft("A claim to discuss");
    const params = { id: String(claim.id) };
    const fcUser = (await get(db, "SELECT id FROM users WHERE role = 'factchecker'")) as { id: string };
    expect((await call(assign, "/x", { method: "POST", token: fc, params, json: { assigneeId: fcUser.id, version: claim.version } })).status).toBe(403);
    expect((await call(assign, "/x", { method: "POST", token: editor, params, json: { assigneeId: "nobody", version: claim.version } })).status).toBe(400);
    const ok = await call(assign, "/x", { method: "POST", token: editor, params, json: { assigneeId: fcUser.id, version: claim.version } });
    expect(ok.body.assignee).toMatchObject({ id: fcUser.id, name: "Fatima Checker" });
    const mine = await call(queue, "/api/queue?assignee=me&limit=100", { token: fc });
    expect(mine.body.items.every((i: { assignee: { id: string } | null }) => i.assignee?.id === fcUser.id)).toBe(true);
    const posted = await call(comment, "/x", { method: "POST", token: fc, params, json: { body: "Which report is this from?" } });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ body: "Which report is this from?", author: { name: "Fatima Checker" } });
    expect((await call(comment, "/x", { method: "POST", token: fc, params, json: { body: "  " } })).status).toBe(400);
  });
});
