// GET /api/claims — claims, newest first, filtered by story, speaker, source, status, contested, q
// POST /api/claims — a new draft claim, from a span of a source or a statement with no source
import { createClaimSchema, listClaimsQuerySchema } from "@/lib/schemas";
import { listClaims } from "@/server/claims";
import { createClaim } from "@/server/claims-write";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request, db, viewer }) =>
  listClaims(db, viewer, parseWith(listClaimsQuerySchema, queryObject(request), "query")),
);

export const POST = mutationRoute("content:write", async ({ request, db, viewer }) =>
  createClaim(db, viewer, parseWith(createClaimSchema, await readJson(request), "claim")),
);

const notAllowed = methodNotAllowed("/api/claims");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
