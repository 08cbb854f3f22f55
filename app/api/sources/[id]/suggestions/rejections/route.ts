// POST /api/sources/{id}/suggestions/rejections — reject a suggested claim `{ start, end, exact }` so it is not proposed again
import { z } from "zod";
import { idSchema, rejectSuggestionSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { rejectSuggestion } from "@/server/suggestions";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const rejection = await rejectSuggestion(db, viewer, id, parseWith(rejectSuggestionSchema, await readJson(request), "rejection"));
  // Rejecting the same suggestion again is no error: 200 with the stored rejection.
  return Response.json(rejection, { status: rejection.created ? 201 : 200 });
});

const notAllowed = methodNotAllowed("/api/sources/{id}/suggestions/rejections");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
