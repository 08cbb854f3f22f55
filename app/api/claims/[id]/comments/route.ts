// GET /api/claims/{id}/comments?cursor=&limit= — staff only: the claim's comments, newest first, keyset-paged, with their total
// POST /api/claims/{id}/comments — discuss a claim between fact-checker and editor: { body }
import { z } from "zod";
import { commentSchema, editorialListQuerySchema, idSchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { addComment, assertClaimExists, commentsPage } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  authorize(viewer, "review:draft");
  const { id } = parseWith(paramsSchema, params, "path");
  const query = parseWith(editorialListQuerySchema, queryObject(request), "query");
  await assertClaimExists(db, id);
  return await commentsPage(db, id, query);
});

export const POST = mutationRoute("comment:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await addComment(db, viewer, id, parseWith(commentSchema, await readJson(request), "comment").body);
});

const notAllowed = methodNotAllowed("/api/claims/{id}/comments");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
