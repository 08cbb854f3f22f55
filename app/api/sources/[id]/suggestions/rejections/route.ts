// POST /api/sources/{id}/suggestions/rejections — reject a suggested claim `{ start, end, exact }` so it is not proposed again
import { z } from "zod";
import { idSchema, rejectSuggestionSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { rejectSuggestion } from "@/server/suggestions";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const rejection = await rejectSuggestion(db, viewer, id, parseWith(rejectSuggestionSchema, await readJson(request), "rejection"));
  // Rejecting the same suggestion again is no error: 200 with the stored rejection.
  return Response.json(rejection, { status: rejection.created ? 201 : 200 });
});
