// GET /api/claims/similar — staff: existing claims that look like the text being written (figures weigh in)
import { similarClaimsQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { similarClaims } from "@/server/similar";

export const GET = apiRoute(async ({ request, db, viewer }) => {
  authorize(viewer, "content:write");
  const query = parseWith(similarClaimsQuerySchema, queryObject(request), "query");
  return { items: await similarClaims(db, viewer, query.text, { excludeId: query.exclude, limit: query.limit }) };
});
