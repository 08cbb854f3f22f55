import { beforeEach, describe, expect, it } from "vitest";
import { POST as archive } from "@/app/api/claims/[id]/archive/route";
import { POST as decision } from "@/app/api/claims/[id]/decision/route";
import { POST as submit } from "@/app/api/claims/[id]/submit/route";
import type { Db } from "@/db/client";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/model";
import { CLAIM_ACTIONS, type ClaimAction, legalActions, nextStatus } from "@/lib/workflow";
import { createSeededDb, get, idOf, installDb, num, run, snapshot, tokenFor } from "../support/db";
import { call } from "../support/http";

/** The workflow as the issue states it, written out independently of lib/workflow.ts. */
const EXPECTED: Record<ClaimStatus, Partial<Record<ClaimAction, ClaimStatus>>> = {
  draft: { submit: "in_review" },
  in_review: { approve: "published", return: "returned" },
  returned: { submit: "in_review", archive: "archived" },
  published: { archive: "archived" },
  archived: {},
};

describe("the claim state machine", () => {
  for (const status of CLAIM_STATUSES) {
    for (const action of CLAIM_ACTIONS) {
      it(`${status} + ${action} → ${EXPECTED[status][action] ?? "refused"}`, () => {
        expect(nextStatus(status, action)).toBe(EXPECTED[status][action] ?? null);
      });
    }
  }
  it("lists exactly the legal actions", () => {
    for (const status of CLAIM_STATUSES) expect(legalActions(status).sort()).toEqual(Object.keys(EXPECTED[status]).sort());
  });
});

describe("every (state, action) pair through the API", () => {
  let db: Db;
  let editor: string;
  let claimId: number;
  beforeEach(async () => {
    db = installDb(await createSeededDb());
    editor = await tokenFor(db, "editor");
    // A claim with a verdict: approving publishes, and publishing needs one.
    claimId = await idOf(db, "claims", "quote", "it had identified 53 scam centers around the country");
    expect(await num(db, "SELECT count(*) FROM claims WHERE id = ? AND rating_id IS NOT NULL AND rationale IS NOT NULL", claimId)).toBe(1);
  });

  const setStatus = (status: ClaimStatus) => run(db, "UPDATE claims SET status = ? WHERE id = ?", status, claimId);
  const current = async () => (await get<{ status: ClaimStatus; version: number }>(db, "SELECT status, version FROM claims WHERE id = ?", claimId))!;

  for (const status of CLAIM_STATUSES) {
    for (const action of CLAIM_ACTIONS) {
      it(`${status} + ${action}`, async () => {
        await setStatus(status);
        const { version } = await current();
        const params = { id: String(claimId) };
        const body = { version, comment: "Please add the date of the report." };
        const before = await snapshot(db, ["api_tokens"]);
        const res =
          action === "submit"
            ? await call(submit, "/x", { method: "POST", token: editor, params, json: body })
            : action === "archive"
              ? await call(archive, "/x", { method: "POST", token: editor, params, json: body })
              : await call(decision, "/x", { method: "POST", token: editor, params, json: { ...body, action } });
        const expected = EXPECTED[status][action];
        if (expected) {
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          expect((await current()).status).toBe(expected);
          const event = (await get(db, "SELECT action, actor, comment FROM events WHERE entity_type = 'claim' AND entity_id = ? ORDER BY id DESC LIMIT 1", String(claimId))) as { action: string; actor: string; comment: string };
          expect(event.action).toBe(action);
          expect(event.comment).toBe(body.comment);
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(409);
          expect(await snapshot(db, ["api_tokens"])).toEqual(before);
        }
      });
    }
  }
});
