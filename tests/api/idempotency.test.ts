import { beforeAll, describe, expect, it } from "vitest";
import { POST as checkRequest } from "@/app/api/claims/[id]/check-requests/route";
import { POST as createStory } from "@/app/api/stories/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import type { Db } from "@/db/client";
import { IDEMPOTENCY_TTL_MS } from "@/server/idempotency";
import { PEER_HEADER } from "@/server/forwarding";
import { idOf, num, run, seededApi } from "../support/db";
import { call } from "../support/http";

/** Retried creates (`Idempotency-Key`): one row, the first answer again. */
let db: Db;
let fc: string;
let editor: string;
beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
});

const stories = (title: string) => num(db, "SELECT count(*) FROM stories WHERE title = ?", title);

describe("Idempotency-Key on creates", () => {
  it("answers a repeat with the first result and makes one row", async () => {
    const init = { method: "POST", token: fc, headers: { "Idempotency-Key": "story-1" }, json: { title: "Retried story" } };
    const first = await call(createStory, "/api/stories", init);
    expect(first.status).toBe(201);
    const repeats = [];
    for (let i = 0; i < 3; i++) repeats.push(await call(createStory, "/api/stories", init));
    for (const again of repeats) {
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
    }
    expect(await stories("Retried story")).toBe(1);
    expect(await num(db, "SELECT count(*) FROM events WHERE entity_type = 'story' AND entity_id = ? AND action = 'create'", String(first.body.id))).toBe(1);
    // Without the key, the same body is a new story, as before.
    expect((await call(createStory, "/api/stories", { method: "POST", token: fc, json: { title: "Retried story" } })).status).toBe(201);
    expect(await stories("Retried story")).toBe(2);
  });

  it("refuses the same key with another body (422 naming the header), and keeps keys per caller", async () => {
    const first = await call(createStory, "/api/stories", { method: "POST", token: fc, headers: { "Idempotency-Key": "story-2" }, json: { title: "Keyed A" } });
    expect(first.status).toBe(201);
    const other = await call(createStory, "/api/stories", { method: "POST", token: fc, headers: { "Idempotency-Key": "story-2" }, json: { title: "Keyed B" } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    expect(other.body.error.message).toContain("Idempotency-Key");
    expect(await stories("Keyed B")).toBe(0);
    // The same key on another route is another request too.
    const speaker = await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, headers: { "Idempotency-Key": "story-2" }, json: { name: "Keyed Speaker" } });
    expect(speaker.status).toBe(422);
    // Another caller's key of the same name is theirs.
    const editors = await call(createStory, "/api/stories", { method: "POST", token: editor, headers: { "Idempotency-Key": "story-2" }, json: { title: "Keyed B" } });
    expect(editors.status).toBe(201);
    expect(await stories("Keyed B")).toBe(1);
    // A malformed key is a 400 naming the header.
    const bad = await call(createStory, "/api/stories", { method: "POST", token: fc, headers: { "Idempotency-Key": "" }, json: { title: "Keyed C" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("Idempotency-Key");
  });

  it("lets a failed first attempt be retried with the same key, and forgets keys after a day", async () => {
    const refused = await call(createStory, "/api/stories", { method: "POST", token: fc, headers: { "Idempotency-Key": "story-3" }, json: { title: "" } });
    expect(refused.status).toBe(400);
    const fixed = await call(createStory, "/api/stories", { method: "POST", token: fc, headers: { "Idempotency-Key": "story-3" }, json: { title: "Fixed story" } });
    expect(fixed.status).toBe(201);
    expect(await stories("Fixed story")).toBe(1);
    // A day later the key is free again.
    await run(db, "UPDATE idempotency_keys SET created_at = created_at - ? WHERE key = 'story-3'", IDEMPOTENCY_TTL_MS + 1);
    const later = await call(createStory, "/api/stories", { method: "POST", token: fc, headers: { "Idempotency-Key": "story-3" }, json: { title: "Fixed story" } });
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(await stories("Fixed story")).toBe(2);
  });

  it("makes one row when the retries race", async () => {
    const init = { method: "POST", token: fc, headers: { "Idempotency-Key": "story-race" }, json: { title: "Raced story" } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(createStory, "/api/stories", init)));
    // The first is 201; a retry that overlaps it is a 409 (still running) or the replayed 201.
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(await stories("Raced story")).toBe(1);
  });

  it("keys a reader's check request by their address", async () => {
    const claim = await idOf(db, "claims", "quote", "it had identified 53 scam centers around the country");
    const init = { method: "POST", params: { id: String(claim) }, headers: { "Idempotency-Key": "ask-1", [PEER_HEADER]: "192.0.2.77" }, json: { reason: "Retried" } };
    const first = await call(checkRequest, "/x", init);
    expect(first.status).toBe(201);
    const again = await call(checkRequest, "/x", init);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await num(db, "SELECT count(*) FROM check_requests WHERE reason = 'Retried'")).toBe(1);
  });
});
