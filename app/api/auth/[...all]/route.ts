// /api/auth/* — better-auth's endpoints: sign-in/email, sign-out, get-session, change-password …
import { assertBrowserSameOrigin, errorResponse, readBodyBytes } from "@/server/http";
import { getAuth } from "@/server/auth";

/** Auth bodies are an email and a password or two: nothing near this. */
const AUTH_BODY_LIMIT = 16 * 1024;

/**
 * In front of the library's handler, the same edge as our own routes: a browser's cross-site
 * write is refused (whether or not it carries a cookie: a forged sign-in is an attack too), the
 * body is read at most AUTH_BODY_LIMIT bytes, and refusals use the API's error shape. The
 * session token travels in the cookie only: it is taken out of the JSON answer.
 */
async function handle(request: Request): Promise<Response> {
  let forwarded = request;
  try {
    if (request.method !== "GET" && request.method !== "HEAD") {
      assertBrowserSameOrigin(request);
      const body = await readBodyBytes(request, AUTH_BODY_LIMIT);
      forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: body.byteLength > 0 ? body : undefined });
    }
  } catch (error) {
    return errorResponse(error);
  }
  const response = await (await getAuth()).handler(forwarded);
  return withoutToken(response);
}

async function withoutToken(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, headers: response.headers });
  }
  if (body && typeof body === "object" && "token" in body) delete (body as { token?: unknown }).token;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("Cache-Control", "private, no-store");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

export { handle as GET, handle as POST };
