import { expect } from "vitest";
import type { Db } from "@/db/client";
import { snapshot } from "./db";
import { call, type CallInit } from "./http";

type Handler = Parameters<typeof call>[0];

/**
 * Calls a route and asserts it is refused with `status`, with a message, naming each of
 * `fields`, and with the database unchanged (API tokens aside: their last use is recorded even
 * on a refused call).
 */
export async function refused(db: Db, handler: Handler, url: string, init: CallInit, status: number, fields: string[] = []) {
  const before = await snapshot(db, ["api_tokens"]);
  const res = await call(handler, url, init);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toEqual(expect.any(String));
  for (const f of fields) expect(res.body.error.fields ?? {}, `field ${f} in ${JSON.stringify(res.body)}`).toHaveProperty([f]);
  expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  return res;
}
