/** Calls a Next route handler directly, as Next would, with a Request and a params promise. */
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response> | Response;

export async function call(handler: Handler, url: string, init: RequestInit & { params?: Record<string, string | string[]> } = {}) {
  const { params = {}, ...rest } = init;
  const request = new Request(new URL(url, "http://localhost"), rest);
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: bodies are asserted field by field
  const body: any = text ? JSON.parse(text) : null;
  return { status: response.status, body, headers: response.headers };
}
