import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { ApiErrorBody } from "@/lib/dto";
import { AppError, ConflictError, ForbiddenError, ValidationError, zodFieldErrors } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import { authorize, type Permission, type UserViewer } from "./authz";
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
  return Object.fromEntries(new URL(request.url).searchParams);
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
      const params = (await context.params) as P;
      const viewer = await getViewer(request);
      const result = await handler({ request, params, viewer, db: getDb() });
      if (result instanceof Response) return result;
      // Readers get published material, the same for all of them: shared caches may keep it
      // briefly. Anything read with credentials may include drafts: never stored.
      const cache = viewer.kind === "anonymous" ? "public, max-age=0, s-maxage=30, stale-while-revalidate=120" : "private, no-store";
      return Response.json(result, { headers: { "Cache-Control": cache, Vary: "Cookie, Authorization" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The JSON body of a request; malformed JSON is a 400, never a 500. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.", { _: "malformed JSON" });
  }
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
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const allowed = [host, process.env.COUNTERPOINT_URL ? new URL(process.env.COUNTERPOINT_URL).host : null].filter(Boolean);
  if (origin) {
    try {
      if (allowed.includes(new URL(origin).host)) return;
    } catch {
      // an unparseable Origin is refused below
    }
  }
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
      const params = (await context.params) as P;
      const result = await handler({ request, params, viewer, db: getDb() } as C);
      if (result instanceof Response) return result;
      return Response.json(result, { status: request.method === "POST" ? 201 : 200, headers: NO_STORE });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(route, { permission });
}

/**
 * Wraps a mutating route handler. In this order: the cross-site guard, the viewer, the
 * authorization check for `permission` (401 anonymous, 403 wrong role) — before the body is even
 * read — then the handler, whose errors are mapped in one place. The permission is attached to
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
export async function readVersionedJson(request: Request): Promise<unknown> {
  const body = await readJson(request);
  const ifMatch = request.headers.get("if-match")?.replace(/^W\//, "").replace(/"/g, "").trim();
  if (ifMatch && body && typeof body === "object" && !Array.isArray(body) && !("version" in body) && /^\d+$/.test(ifMatch)) {
    return { ...body, version: Number(ifMatch) };
  }
  return body;
}
