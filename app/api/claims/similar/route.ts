// GET /api/claims/similar — staff: existing claims that look like the text being written (figures weigh in)
import { similarClaimsQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { similarClaims } from "@/server/similar";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ request, db, viewer }) => {
  authorize(viewer, "content:write");
  const query = parseWith(similarClaimsQuerySchema, queryObject(request), "query");
  return { items: await similarClaims(db, viewer, query.text, { excludeId: query.exclude, limit: query.limit }) };
});

const notAllowed = methodNotAllowed("/api/claims/similar");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
