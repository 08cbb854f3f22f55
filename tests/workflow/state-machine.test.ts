import { beforeEach, describe, expect, it } from "vitest";
import { POST as archive } from "@/app/api/claims/[id]/archive/route";
import { POST as decision } from "@/app/api/claims/[id]/decision/route";
import { POST as submit } from "@/app/api/claims/[id]/submit/route";
import type { Db } from "@/db/client";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/model";
import { CLAIM_ACTIONS, type ClaimAction, legalActions, nextStatus } from "@/lib/workflow";
import { createSeededDb, idOf, installDb, snapshot, tokenFor } from "../support/db";
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
    editor = tokenFor(db, "editor");
    claimId = idOf(db, "claims", "quote", "two of the compounds looked as though they had been shut down");
  });

  const setStatus = (status: ClaimStatus) => db.$client.prepare("UPDATE claims SET status = ? WHERE id = ?").run(status, claimId);
  const current = () => db.$client.prepare("SELECT status, version FROM claims WHERE id = ?").get(claimId) as { status: ClaimStatus; version: number };

  for (const status of CLAIM_STATUSES) {
    for (const action of CLAIM_ACTIONS) {
      it(`${status} + ${action}`, async () => {
        setStatus(status);
        const { version } = current();
        const params = { id: String(claimId) };
        const body = { version, comment: "Please add the date of the report." };
        const before = snapshot(db, ["api_tokens"]);
        const res =
          action === "submit"
            ? await call(submit, "/x", { method: "POST", token: editor, params, json: body })
            : action === "archive"
              ? await call(archive, "/x", { method: "POST", token: editor, params, json: body })
              : await call(decision, "/x", { method: "POST", token: editor, params, json: { ...body, action } });
        const expected = EXPECTED[status][action];
        if (expected) {
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          expect(current().status).toBe(expected);
          const event = db.$client.prepare("SELECT action, actor, comment FROM events WHERE entity_type = 'claim' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(String(claimId)) as { action: string; actor: string; comment: string };
          expect(event.action).toBe(action);
          expect(event.comment).toBe(body.comment);
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(409);
          expect(snapshot(db, ["api_tokens"])).toEqual(before);
        }
      });
    }
  }
});
