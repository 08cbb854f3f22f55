// GET /api/claims — claims, newest first, filtered by story, speaker, source, status, contested, q
import { listClaimsQuerySchema } from "@/lib/schemas";
import { listClaims } from "@/server/claims";
import { apiRoute, parseWith, queryObject } from "@/server/http";

export const GET = apiRoute(({ request, db, viewer }) =>
  listClaims(db, viewer, parseWith(listClaimsQuerySchema, queryObject(request), "query")),
);
