import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { ApiErrorBody } from "@/lib/dto";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import { getViewer } from "./viewer";

/** Turns zod issues into `{ "dotted.path": "message" }`, one entry per bad field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Validates `input` with `schema`; a failure is a 400 naming each bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what = "request"): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw new ValidationError(`Invalid ${what}: ${Object.entries(fields).map(([f, m]) => `${f} ${m}`).join("; ")}.`, fields);
  }
  return result.data;
}

/** The query string as an object (a repeated key keeps its last value). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** Maps any thrown value to the API's error body; unknown errors are a logged 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
    if (error instanceof ValidationError && Object.keys(error.fields).length > 0) body.error.fields = error.fields;
    if (error instanceof ConflictError && error.details !== undefined) body.error.current = error.details;
    return Response.json(body, { status: error.status });
  }
  console.error(error);
  const body: ApiErrorBody = { error: { code: "internal", message: "Something went wrong on our side; nothing was changed." } };
  return Response.json(body, { status: 500 });
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
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
