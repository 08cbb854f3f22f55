import "server-only";
import { ANONYMOUS, type Viewer } from "@/lib/model";

/**
 * Who is making the request. Accounts arrive with the editorial-workflow work; until then every
 * request is an anonymous reader, who sees only published claims.
 */
export async function getViewer(_request?: Request): Promise<Viewer> {
  return ANONYMOUS;
}
