/** Shared by the admin API tests: a refusal must carry the right status and fields and change nothing. */
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { snapshot } from "../support/db";
import { call, type CallInit } from "../support/http";

type Handler = Parameters<typeof call>[0];

/** Calls a route and asserts it is refused with `status`, naming each of `fields`, with the database unchanged. */
export async function refused(db: Db, handler: Handler, url: string, init: CallInit, status: number, fields: string[] = []) {
  const before = snapshot(db, ["api_tokens"]);
  const res = await call(handler, url, init);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toEqual(expect.any(String));
  for (const f of fields) expect(res.body.error.fields ?? {}, `field ${f} in ${JSON.stringify(res.body)}`).toHaveProperty([f]);
  expect(snapshot(db, ["api_tokens"])).toEqual(before);
  return res;
}

/** The audit events recorded for one entity, oldest first. */
export function eventsFor(db: Db, entityType: string, entityId: string | number) {
  return db.$client.prepare("SELECT actor, action, before, after FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id").all(entityType, String(entityId)) as {
    actor: string;
    action: string;
    before: string | null;
    after: string | null;
  }[];
}

/** The id of the demo account of `role`. */
export function userIdOf(db: Db, role: "factchecker" | "editor" | "admin"): string {
  return (db.$client.prepare("SELECT id FROM users WHERE role = ? ORDER BY created_at LIMIT 1").get(role) as { id: string }).id;
}
