import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { withTx } from "@/db/tx";
import { ConflictError, IdempotencyKeyReusedError, ValidationError } from "@/lib/errors";
import { SOURCE_JSON_LIMIT, SOURCE_UPLOAD_LIMIT } from "./source-upload";

/**
 * `Idempotency-Key` on creates: a client that retries a POST after a dropped connection sends
 * the same key, and gets the first answer again (same status and body, marked
 * `Idempotent-Replayed: true`) instead of making a second row.
 *
 * - Keys belong to a caller (the signed-in user, or a reader's address) and live a day.
 * - The same key with another request (method, path or body) is a 422 naming the header.
 * - A repeat while the first is still running is a 409; a first request that failed (any
 *   answer but a 2xx) leaves no trace, so the retry runs afresh.
 */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** The body a keyed request may have: the largest any route takes (it still checks its own). */
const keyedBodyLimit = () => Math.max(SOURCE_JSON_LIMIT, SOURCE_UPLOAD_LIMIT);
const KEY = /^[\x21-\x7e]{1,255}$/;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
let lastPrune = 0;

/**
 * Runs `run` (which answers the request it is given) once per caller and key. Without the
 * header, or for anything but a POST, it simply runs. `readBody` reads the body within a limit.
 */
export async function withIdempotency(
  db: Db,
  request: Request,
  caller: string,
  readBody: (request: Request, limit: number) => Promise<Uint8Array<ArrayBuffer>>,
  run: (request: Request) => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null || request.method !== "POST") return run(request);
  if (!KEY.test(key)) throw new ValidationError(`The ${IDEMPOTENCY_HEADER} header must be 1 to 255 visible ASCII characters.`, { [IDEMPOTENCY_HEADER]: "1 to 255 visible ASCII characters" });

  const body = await readBody(request, keyedBodyLimit());
  const url = new URL(request.url);
  const requestHash = createHash("sha256").update(`${request.method} ${url.pathname}${url.search}\n`).update(body).digest("hex");
  const now = Date.now();
  const earlier = await withTx(db, async (tx) => {
    const where = and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, key));
    const [row] = await tx.select().from(idempotencyKeys).where(where);
    if (row && now - row.createdAt < IDEMPOTENCY_TTL_MS) {
      if (row.requestHash !== requestHash) {
        throw new IdempotencyKeyReusedError(`This ${IDEMPOTENCY_HEADER} was used before with a different request; use a new key for a new request.`);
      }
      if (row.status === null) throw new ConflictError(`A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry in a moment.`);
      return row;
    }
    if (row) await tx.delete(idempotencyKeys).where(where);
    await tx.insert(idempotencyKeys).values({ caller, key, requestHash, createdAt: now });
    return null;
  });
  if (earlier) {
    return new Response(earlier.body, {
      status: earlier.status!,
      headers: { "Content-Type": earlier.contentType ?? "application/json", "Cache-Control": "no-store", "Idempotent-Replayed": "true" },
    });
  }

  const release = () =>
    withTx(db, async (tx) => {
      await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, key)));
    });
  let response: Response;
  try {
    response = await run(new Request(request.url, { method: request.method, headers: request.headers, body: body.byteLength > 0 ? body : undefined }));
  } catch (error) {
    await release();
    throw error;
  }
  if (response.status < 200 || response.status >= 300) {
    await release();
    return response;
  }
  const text = await response.text();
  await withTx(db, async (tx) => {
    await tx
      .update(idempotencyKeys)
      .set({ status: response.status, body: text, contentType: response.headers.get("content-type") })
      .where(and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, key)));
  });
  if (now - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = now;
    await withTx(db, async (tx) => {
      await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS));
    });
  }
  return new Response(text, { status: response.status, headers: response.headers });
}
