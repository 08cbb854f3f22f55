// GET /api/contested — disputed claims paired with their counter-claims, filterable by story, speaker, status
import { listContestedQuerySchema } from "@/lib/schemas";
import { listContestedPairs } from "@/server/contested";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request, db, viewer }) =>
  listContestedPairs(db, viewer, parseWith(listContestedQuerySchema, queryObject(request), "query")),
);

const notAllowed = methodNotAllowed("/api/contested");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
