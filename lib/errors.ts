/**
 * The one error family of Counterpoint. Server code throws these; `server/http.ts` maps each to
 * its status and the `{ error: { code, message, fields? } }` body in one place.
 */
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** Each bad field of a zod failure, by dotted path (`_` for the whole input): the API's `fields`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[issue.path.length > 0 ? issue.path.map(String).join(".") : "_"] ??= issue.message;
  return fields;
}

export class AppError extends Error {
  readonly status: number = 500;
  readonly code: string = "internal";
  readonly details?: unknown;
  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** 400: the input is malformed; `fields` names each bad field (dotted paths) with what is wrong. */
export class ValidationError extends AppError {
  override readonly status: number = 400;
  override readonly code: string = "invalid";
  readonly fields: FieldErrors;
  constructor(message: string, fields: FieldErrors = {}) {
    super(message);
    this.fields = fields;
  }
}

/**
 * 422: the input is well formed but cannot be applied to the data as it is now (re-attaching a
 * claim to words other than its quote without saying which it quotes); `fields` names what to send.
 */
export class UnprocessableError extends ValidationError {
  override readonly status: number = 422;
  override readonly code: string = "unprocessable";
}

export class UnauthenticatedError extends AppError {
  override readonly status = 401;
  override readonly code = "unauthenticated";
}

export class ForbiddenError extends AppError {
  override readonly status = 403;
  override readonly code = "forbidden";
}

export class NotFoundError extends AppError {
  override readonly status = 404;
  override readonly code = "not_found";
}

/**
 * 409: a stale version or an illegal state change; `details` carries the current state — or a
 * function that reads it, called once the failed transaction has ended (see `currentState`).
 */
export class ConflictError extends AppError {
  override readonly status = 409;
  override readonly code = "conflict";

  /** The current state to send back with the 409, read now if it was left to read later. */
  async currentState(): Promise<unknown> {
    return typeof this.details === "function" ? (this.details as () => unknown)() : this.details;
  }
}

export class RateLimitError extends AppError {
  override readonly status = 429;
  override readonly code = "rate_limited";
}

/** 413: the request body is larger than the route accepts; the message names the limit. */
export class PayloadTooLargeError extends AppError {
  override readonly status = 413;
  override readonly code = "too_large";
}

/** 415: a body in a format the route does not read (JSON bodies need a JSON content type). */
export class UnsupportedMediaTypeError extends AppError {
  override readonly status = 415;
  override readonly code = "unsupported_media_type";
}

/** 503: the work asked for took longer than its route's deadline and was stopped; nothing was changed. */
export class DeadlineError extends AppError {
  override readonly status = 503;
  override readonly code = "deadline_exceeded";
}

/** 503: too much long work is already waiting; try again shortly. */
export class BusyError extends AppError {
  override readonly status = 503;
  override readonly code = "busy";
}

/** 422: an `Idempotency-Key` used before with a different request. */
export class IdempotencyKeyReusedError extends AppError {
  override readonly status = 422;
  override readonly code = "idempotency_key_reused";
}

/** 405: a method the route does not serve; the response names those it does in `Allow`. */
export class MethodNotAllowedError extends AppError {
  override readonly status = 405;
  override readonly code = "method_not_allowed";
}
