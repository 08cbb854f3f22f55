// POST /api/claims/{id}/comments — discuss a claim between fact-checker and editor: { body }
import { z } from "zod";
import { commentSchema, idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { addComment } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("comment:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await addComment(db, viewer, id, parseWith(commentSchema, await readJson(request), "comment").body);
});

const notAllowed = methodNotAllowed("/api/claims/{id}/comments");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
