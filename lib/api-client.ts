/**
 * The browser's way to the JSON API: one fetch wrapper that turns the `{ error: … }` body into a
 * thrown ApiError carrying the status, the code, the bad fields and (on 409) the current state.
 */
import type { ApiErrorBody } from "./dto";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The JSON body of a response, or the ApiError its `{ error: … }` body describes. */
async function readResponse<T>(response: Response): Promise<T> {
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? "http_error", error?.message ?? `Request failed with status ${response.status}.`, error?.fields, error?.current);
  }
  return body as T;
}

export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
  });
  return readResponse<T>(response);
}

/**
 * POSTs a multipart form (a file upload), with apiFetch's error handling. No content-type is
 * set: the browser writes `multipart/form-data` with the boundary itself.
 */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, { method: "POST", body: form, headers: { accept: "application/json" } });
  return readResponse<T>(response);
}

/** `?a=1&b=2` from an object, leaving out empty values. */
export function toQueryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const s = query.toString();
  return s ? `?${s}` : "";
}
