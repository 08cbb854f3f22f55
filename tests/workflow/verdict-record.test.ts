import { beforeAll, describe, expect, it } from "vitest";
import { POST as comment } from "@/app/api/claims/[id]/comments/route";
import { POST as claimDecision } from "@/app/api/claims/[id]/decision/route";
import { POST as addEvidence } from "@/app/api/claims/[id]/evidence/route";
import { POST as propose } from "@/app/api/claims/[id]/reviews/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reviews } from "@/db/schema";
import { withTx } from "@/db/tx";
import { getVerdictRecord } from "@/server/verdict-record";
import { get, idOf, num, seededApi } from "../support/db";
import { call } from "../support/http";

let db: Db;
let fc: string;
let editor: string;
let bona: number;
let cambodiaSource: number;

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
  bona = await idOf(db, "speakers", "name", "Pen Bona");
  cambodiaSource = await idOf(db, "sources", "title", "Amnesty accuses Cambodia of ignoring scam-compound abuses; government calls report “exaggerated”");
});

const version = (id: number) => num(db, "SELECT version FROM claims WHERE id = ?", id);

async function proposeVerdict(claimId: number, rating: string, rationale: string, evidence: unknown[]) {
  const res = await call(propose, "/x", { method: "POST", token: fc, params: { id: String(claimId) }, json: { rating, rationale, evidence, version: await version(claimId) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function approve(claimId: number) {
  const res = await call(claimDecision, "/x", { method: "POST", token: editor, params: { id: String(claimId) }, json: { action: "approve", version: await version(claimId) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

describe("what readers see of how a verdict was reached", () => {
  it("shows a published verdict's evidence, date and reviewers, and nothing that is not yet published", async () => {
    const created = await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "Cambodia has shut every scam compound", speakerId: bona, statedOn: "2025-06-28" } });
    expect(created.status).toBe(201);
    const id = created.body.id as number;

    // A draft, then a claim in review: readers see no record at all.
    expect(await getVerdictRecord(db, id)).toBeNull();
    await proposeVerdict(id, "false", "Most compounds kept operating.", [
      { stance: "refutes", url: "https://www.amnesty.org/en/latest/", note: "Amnesty's report" },
      { stance: "refutes", sourceId: cambodiaSource, quote: "two of the compounds looked as though they had been shut down", note: "only two closed" },
    ]);
    await call(comment, "/x", { method: "POST", token: editor, params: { id: String(id) }, json: { body: "Internal: check the second compound." } });
    expect(await getVerdictRecord(db, id)).toBeNull();

    await approve(id);
    const record = await getVerdictRecord(db, id);
    const publishedAt = (await get(db, "SELECT verdict_at AS at FROM claims WHERE id = ?", id)) as { at: string };
    expect(record).toMatchObject({
      claimId: id,
      publishedAt: publishedAt.at,
      checkedBy: { name: "Fatima Checker" },
      approvedBy: { name: "Eduardo Editor" },
    });
    expect(record!.evidence.map((e) => e.note)).toEqual(["Amnesty's report", "only two closed"]);
    expect(record!.evidence[1]).toMatchObject({ stance: "refutes", source: { id: cambodiaSource }, quote: "two of the compounds looked as though they had been shut down" });
    // Comments and proposals are not part of it.
    expect(JSON.stringify(record)).not.toContain("Internal: check");

    // A newer proposal and evidence added on its own wait for an editor: readers still see what was approved.
    await proposeVerdict(id, "mostly-false", "A few compounds did close.", [{ stance: "supports", url: "https://example.org/closures", note: "closures reported" }]);
    await call(addEvidence, "/x", { method: "POST", token: fc, params: { id: String(id) }, json: { stance: "context", url: "https://example.org/background", note: "background" } });
    const meanwhile = await getVerdictRecord(db, id);
    expect(meanwhile!.evidence.map((e) => e.note)).toEqual(["Amnesty's report", "only two closed"]);
    expect(meanwhile!.publishedAt).toBe(publishedAt.at);

    await approve(id);
    const after = await getVerdictRecord(db, id);
    expect(after!.evidence.map((e) => e.note)).toEqual(["Amnesty's report", "only two closed", "closures reported", "background"]);
    expect(after).toMatchObject({ checkedBy: { name: "Fatima Checker" }, approvedBy: { name: "Eduardo Editor" } });
  });

  it("shows no record for a claim readers cannot see, and a verdict without a review with its date only", async () => {
    const draft = await num(db, "SELECT id FROM claims WHERE status = 'draft' ORDER BY id LIMIT 1");
    expect(await getVerdictRecord(db, draft)).toBeNull();
    expect(await getVerdictRecord(db, 999_999)).toBeNull();
    // A verdict set without the queue (as an import does): no reviewer is named.
    const id = await num(db, "SELECT id FROM claims WHERE status = 'published' AND rating_id IS NOT NULL ORDER BY id LIMIT 1");
    await withTx(db, async (tx) => {
      await tx.delete(reviews).where(eq(reviews.claimId, id));
    });
    const record = await getVerdictRecord(db, id);
    expect(record).toMatchObject({ claimId: id, checkedBy: null, approvedBy: null });
    expect(record!.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});
