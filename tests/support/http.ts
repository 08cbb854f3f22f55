/** Calls a Next route handler directly, as Next would, with a Request and a params promise. */
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response> | Response;

export interface CallInit extends Omit<RequestInit, "body"> {
  params?: Record<string, string | string[]>;
  /** Sent as JSON (a string is sent as is, for malformed-body tests). */
  json?: unknown;
  token?: string;
}

export async function call(handler: Handler, url: string, init: CallInit = {}) {
  const { params = {}, json, token, headers, ...rest } = init;
  const h = new Headers(headers);
  if (json !== undefined) h.set("content-type", "application/json");
  if (token) h.set("authorization", `Bearer ${token}`);
  const request = new Request(new URL(url, "http://localhost"), {
    ...rest,
    headers: h,
    body: json === undefined ? undefined : typeof json === "string" ? json : JSON.stringify(json),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: bodies are asserted field by field
  const body: any = text ? JSON.parse(text) : null;
  return { status: response.status, body, headers: response.headers };
}
