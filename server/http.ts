import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { ApiErrorBody } from "@/lib/dto";
import { AppError, ConflictError, ForbiddenError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError, zodFieldErrors } from "@/lib/errors";
import { readerCacheControl } from "@/lib/credentials";
import { findBadText } from "@/lib/text-input";
import type { Viewer } from "@/lib/model";
import { authorize, type Permission, type UserViewer } from "./authz";
import { clientAddress } from "./forwarding";
import { withIdempotency } from "./idempotency";
import { getViewer } from "./viewer";

/** Validates `input` with `schema`; a failure is a 400 naming each bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = "request"): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = zodFieldErrors(result.error);
    throw new ValidationError(`Invalid ${what}: ${Object.entries(fields).map(([f, m]) => `${f} ${m}`).join("; ")}.`, fields);
  }
  return result.data;
}

/** The query string as an object (a repeated key keeps its last value). */
export function queryObject(request: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  assertCleanText(query);
  return query;
}

const NO_STORE = { "Cache-Control": "no-store" };

/** Maps any thrown value to the API's error body; unknown errors are a logged 500. */
export async function errorResponse(error: unknown): Promise<Response> {
  if (error instanceof AppError) {
    const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
    if (error instanceof ValidationError && Object.keys(error.fields).length > 0) body.error.fields = error.fields;
    if (error instanceof ConflictError) {
      const current = await error.currentState().catch(() => undefined);
      if (current !== undefined) body.error.current = current;
    }
    return Response.json(body, { status: error.status, headers: NO_STORE });
  }
  console.error(error);
  const body: ApiErrorBody = { error: { code: "internal", message: "Something went wrong on our side; nothing was changed." } };
  return Response.json(body, { status: 500, headers: NO_STORE });
}

/**
 * The path parameters; one that is not valid percent-encoded UTF-8 (`%ED%A0%80`) or holds a
 * control character is a 400 in the error shape, never a 500.
 */
async function resolveParams(context: RouteContext): Promise<Record<string, string | string[] | undefined>> {
  let params: Record<string, string | string[] | undefined>;
  try {
    params = await context.params;
  } catch (error) {
    if (error instanceof URIError) throw new ValidationError("The address is not valid percent-encoded UTF-8.", { path: "not valid UTF-8" });
    throw error;
  }
  assertCleanText(params, "path");
  return params;
}

export interface ApiContext<P> {
  request: Request;
  params: P;
  viewer: Viewer;
  db: Db;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * Wraps a route handler: resolves params, the viewer and the database, runs the handler and
 * maps errors in one place. The handler returns a DTO (sent as JSON) or a Response.
 */
export function apiRoute<P = Record<string, string>>(handler: (ctx: ApiContext<P>) => unknown) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const params = (await resolveParams(context)) as P;
      const viewer = await getViewer(request);
      const result = await handler({ request, params, viewer, db: getDb() });
      if (result instanceof Response) return result;
      // Readers get published material, the same for all of them: shared caches may keep it
      // briefly. Anything read with credentials may include drafts: never stored.
      // Credentials of any kind (even ones that turn out invalid) make the answer private.
      const cache = viewer.kind === "anonymous" ? readerCacheControl(request.headers, "public, max-age=0, s-maxage=30, stale-while-revalidate=120") : "private, no-store";
      return Response.json(result, { headers: { "Cache-Control": cache, Vary: "Cookie, Authorization" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The body limit of a JSON write unless its route says otherwise (a source's text says more). */
export const JSON_BODY_LIMIT = 256 * 1024;
/** The body limit of the auth library's endpoints (/api/auth/*): an email and a password or two. */
export const AUTH_BODY_LIMIT = 16 * 1024;

export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The request body is larger than this route accepts (the limit is ${formatLimit(limit)}, ${limit} bytes).`);
}

/**
 * The raw body, refused with a 413 once it passes `limit` bytes: at once from Content-Length
 * when the client declares one, else while streaming (a chunked or lying client is cut off at
 * the limit; the rest is never read into memory).
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** `bytes` as UTF-8 text; a 400 with `message` and `fields` when they are not valid UTF-8. */
export function utf8(bytes: Uint8Array, message: string, fields: Record<string, string>): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(message, fields);
  }
}

/** Whether a Content-Type names JSON (`application/json`, `application/merge-patch+json`, …). */
function isJsonType(type: string | null): boolean {
  const essence = type?.split(";")[0]!.trim().toLowerCase() ?? "";
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"));
}

/**
 * The JSON body of a request, at most `limit` bytes (413 beyond). An empty body is `{}`; any
 * other body must be sent as JSON (415 otherwise: a `text/plain` form post is not read as JSON),
 * be valid UTF-8 and valid JSON (400), and carry no control characters but tab and newline and
 * no lone surrogates in any string (400 naming the field).
 */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const text = utf8(await readBodyBytes(request, limit), "The request body is not valid UTF-8.", { _: "not valid UTF-8" });
  if (text.trim() === "") return {};
  if (!isJsonType(request.headers.get("content-type"))) {
    throw new UnsupportedMediaTypeError("The request body must be JSON sent with Content-Type: application/json.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.", { _: "malformed JSON" });
  }
  assertCleanText(value);
  return value;
}

/** Refuses control characters (other than tab, newline and carriage return) and lone surrogates anywhere in `value`. */
export function assertCleanText(value: unknown, prefix?: string): void {
  const bad = findBadText(value);
  if (!bad) return;
  const field = prefix ? (bad.path === "_" ? prefix : `${prefix}.${bad.path}`) : bad.path;
  throw new ValidationError(`Invalid request: ${field} ${bad.message}.`, { [field]: bad.message });
}

/**
 * Cross-site request forgery guard for cookie-carrying writes: the browser must say the request
 * comes from this very site (Origin equal to the Host it was sent to, or Sec-Fetch-Site
 * same-origin). Requests without cookies, or authenticated by an API token, carry no ambient
 * credentials and pass. Session cookies are also SameSite=Lax.
 */
export function assertSameOrigin(request: Request): void {
  // Without cookies there are no ambient credentials to abuse; a bearer token is never ambient.
  if (!request.headers.get("cookie")) return;
  if (request.headers.get("authorization")?.toLowerCase().startsWith("bearer ")) return;
  if (fromThisSite(request)) return;
  throw new ForbiddenError("Cross-site requests may not change anything here.");
}

function fromThisSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return true;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const allowed = [host, process.env.COUNTERPOINT_URL ? new URL(process.env.COUNTERPOINT_URL).host : null].filter(Boolean);
  if (origin) {
    try {
      if (allowed.includes(new URL(origin).host)) return true;
    } catch {
      // an unparseable Origin is refused
    }
  }
  return false;
}

/**
 * The guard for the auth endpoints, cookie or not (a forged sign-in logs the victim into the
 * attacker's account): a request a browser marks as coming from another site — by its Origin or
 * Sec-Fetch-Site — is refused. A script sends neither header and passes.
 */
export function assertBrowserSameOrigin(request: Request): void {
  const marked = request.headers.get("origin") !== null || (request.headers.get("sec-fetch-site") ?? "none") !== "none";
  if (!marked || fromThisSite(request)) return;
  throw new ForbiddenError("Cross-site requests may not change anything here.");
}

export interface MutationContext<P> extends ApiContext<P> {
  viewer: UserViewer;
}

function wrapMutation<P, C extends ApiContext<P>>(permission: Permission, handler: (ctx: C) => unknown) {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const viewer = await getViewer(request);
      authorize(viewer, permission);
      const params = (await resolveParams(context)) as P;
      const db = getDb();
      const caller = viewer.kind === "user" ? `user:${viewer.id}` : `address:${clientAddress(request)}`;
      return await withIdempotency(db, request, caller, readBodyBytes, async (keyed) => {
        try {
          const result = await handler({ request: keyed, params, viewer, db } as C);
          if (result instanceof Response) return result;
          return Response.json(result, { status: keyed.method === "POST" ? 201 : 200, headers: NO_STORE });
        } catch (error) {
          return errorResponse(error);
        }
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(route, { permission });
}

/**
 * Wraps a mutating route handler. In this order: the cross-site guard, the viewer, the
 * authorization check for `permission` (401 anonymous, 403 wrong role) — before the body is even
 * read — then the handler (once per `Idempotency-Key`, see server/idempotency.ts), whose errors
 * are mapped in one place. The permission is attached to
 * the handler so the authorization matrix test can enumerate every mutating route.
 */
export function mutationRoute<P = Record<string, string>>(permission: Exclude<Permission, "public">, handler: (ctx: MutationContext<P>) => unknown) {
  return wrapMutation<P, MutationContext<P>>(permission, handler);
}

/** A write anyone may make (a reader's check request): the cross-site guard, then the handler. */
export function publicMutationRoute<P = Record<string, string>>(handler: (ctx: ApiContext<P>) => unknown) {
  return wrapMutation<P, ApiContext<P>>("public", handler);
}

/**
 * The JSON body of a write, with the version it was based on taken from `If-Match` when the
 * body does not carry one (`If-Match: 3` or `If-Match: "3"`).
 */
export async function readVersionedJson(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const body = await readJson(request, limit);
  const ifMatch = request.headers.get("if-match")?.replace(/^W\//, "").replace(/"/g, "").trim();
  if (ifMatch && body && typeof body === "object" && !Array.isArray(body) && !("version" in body) && /^\d+$/.test(ifMatch)) {
    return { ...body, version: Number(ifMatch) };
  }
  return body;
}
