import { beforeAll, describe, expect, it } from "vitest";
import { POST as mergeSpeaker } from "@/app/api/speakers/[id]/merge/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import type { Db } from "@/db/client";
import { MERGE_BATCH } from "@/server/speakers-write";
import { get, num, run, seededApi } from "../support/db";
import { call } from "../support/http";

let db: Db;
let fc: string;
let editor: string;

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
});

async function speakerWithClaims(name: string, count: number): Promise<number> {
  const res = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name, kind: "person" } });
  expect(res.status).toBe(201);
  const id = res.body.id as number;
  await run(
    db,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
     INSERT INTO claims (text, speaker_id, status) SELECT 'Statement ' || i || ' by ' || ?, ?, 'published' FROM n`,
    name,
    id,
  );
  return id;
}

const version = async (id: number) => num(db, "SELECT version FROM speakers WHERE id = ?", id);
const merge = async (id: number, targetId: number, versions?: { version: number; targetVersion: number }) =>
  call(mergeSpeaker, `/api/speakers/${id}/merge`, {
    method: "POST",
    token: editor,
    params: { id: String(id) },
    json: { targetId, ...(versions ?? { version: await version(id), targetVersion: await version(targetId) }) },
  });

describe("merging a prolific speaker", () => {
  it(`moves its claims in transactions of ${MERGE_BATCH}, letting other writes in between, each claim with its event`, async () => {
    const count = 2 * MERGE_BATCH + 7;
    const from = await speakerWithClaims("Prolific Duplicate", count);
    const target = await speakerWithClaims("Prolific Original", 1);
    const order: string[] = [];
    const merging = merge(from, target).then((res) => {
      order.push("merge");
      return res;
    });
    // A write sent while the merge runs is answered before the merge has finished.
    await new Promise((resolve) => setImmediate(resolve));
    const write = call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text: "Written during a merge", speakerId: target } }).then((res) => {
      order.push("write");
      return res;
    });
    const [merged, written] = await Promise.all([merging, write]);
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect(written.status).toBe(201);
    expect(order).toEqual(["write", "merge"]);
    expect(await num(db, "SELECT count(*) FROM claims WHERE speaker_id = ?", from)).toBe(0);
    expect(await num(db, "SELECT count(*) FROM claims WHERE speaker_id = ?", target)).toBe(count + 2);
    const moved = await num(db, "SELECT count(*) FROM events WHERE entity_type = 'claim' AND action = 'update' AND comment = 'speaker Prolific Duplicate merged into Prolific Original'");
    expect(moved).toBe(count);
  });

  it("finishes an interrupted merge when it is sent again, and refuses a second merge once done", async () => {
    const from = await speakerWithClaims("Interrupted Duplicate", MERGE_BATCH + 3);
    const target = await speakerWithClaims("Interrupted Original", 1);
    const versions = { version: await version(from), targetVersion: await version(target) };
    // As if the process stopped after the tombstone was made and before any claim moved.
    await run(db, "UPDATE speakers SET merged_into_id = ?, version = version + 1 WHERE id = ?", target, from);
    const again = await merge(from, target, versions);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(await num(db, "SELECT count(*) FROM claims WHERE speaker_id = ?", from)).toBe(0);
    expect(await get(db, "SELECT merged_into_id AS m FROM speakers WHERE id = ?", from)).toEqual({ m: target });
    const twice = await merge(from, target, versions);
    expect(twice.status).toBe(409);
  });
});
