// /api/auth/* — better-auth's endpoints: sign-in/email, sign-out, get-session, change-password …
import { assertBrowserSameOrigin, AUTH_BODY_LIMIT, errorResponse, readBodyBytes } from "@/server/http";
import { CLIENT_ADDRESS_HEADER, getAuth } from "@/server/auth";
import { clientAddress, requestSite } from "@/server/forwarding";

/**
 * In front of the library's handler, the same edge as our own routes: a browser's cross-site
 * write is refused (whether or not it carries a cookie: a forged sign-in is an attack too), the
 * body is read at most AUTH_BODY_LIMIT bytes, and refusals use the API's error shape. The
 * session token travels in the cookie only: it is taken out of the JSON answers (sign-in's and
 * get-session's).
 */
async function handle(request: Request): Promise<Response> {
  let forwarded: Request;
  try {
    const headers = soundHeaders(request);
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method !== "GET" && request.method !== "HEAD") {
      assertBrowserSameOrigin(request);
      const bytes = await readBodyBytes(request, AUTH_BODY_LIMIT);
      if (bytes.byteLength > 0) body = bytes;
    }
    forwarded = new Request(request.url, { method: request.method, headers, body });
  } catch (error) {
    return errorResponse(error);
  }
  const response = await (await getAuth()).handler(forwarded);
  return withoutToken(response);
}

/**
 * The library reads the client address (for its rate limits) and the site (for its origin
 * checks) from headers: it gets only what server/forwarding.ts decided, never a client's own
 * forwarding headers.
 */
function soundHeaders(request: Request): Headers {
  const headers = new Headers(request.headers);
  for (const name of ["forwarded", "x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", CLIENT_ADDRESS_HEADER]) headers.delete(name);
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress(request));
  const site = requestSite(request.headers, request.url);
  headers.set("x-forwarded-host", site.host);
  headers.set("x-forwarded-proto", site.proto);
  return headers;
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
  // get-session answers with the session row: its token stays in the cookie too.
  const session = body && typeof body === "object" ? (body as { session?: unknown }).session : null;
  if (session && typeof session === "object" && "token" in session) delete (session as { token?: unknown }).token;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("Cache-Control", "private, no-store");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

export { handle as GET, handle as POST };
