import "server-only";
import { headers as nextHeaders } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { ANONYMOUS, ROLES, type Role, type Viewer } from "@/lib/model";
import { getAuth } from "./auth";
import { viewerFromToken } from "./tokens";

/**
 * Who is making the request: the user of a valid `Authorization: Bearer` API token, else the
 * user of a valid session cookie, else an anonymous reader. Without a request (in a server
 * component) the incoming request's headers are read from Next.
 */
export async function getViewer(request?: Request): Promise<Viewer> {
  return request ? viewerOf(withHost(request)) : viewerOfThisRender();
}

/** A page's metadata, layout and components all ask: the session is looked up once per render. */
const viewerOfThisRender = cache(async () => viewerOf(await nextHeaders()));

async function viewerOf(headers: Headers): Promise<Viewer> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) return viewerFromToken(getDb(), authorization.slice(7).trim());
  if (!headers.get("cookie")?.includes("counterpoint.session_token")) return ANONYMOUS;
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return ANONYMOUS;
  const user = session.user as typeof session.user & { role?: string; active?: boolean };
  if (user.active === false || !ROLES.includes(user.role as Role)) return ANONYMOUS;
  return { kind: "user", id: user.id, name: user.name, role: user.role as Role };
}

/** The request's headers, with Host filled in from its URL when a client left it out. */
function withHost(request: Request): Headers {
  if (request.headers.has("host")) return request.headers;
  const headers = new Headers(request.headers);
  headers.set("host", new URL(request.url).host);
  return headers;
}
