// POST /api/sources/{id}/suggestions — claim suggestions for the source's text, or for a paragraph-aligned chunk `{ start, end }`
import { z } from "zod";
import { idSchema, suggestionRangeSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { suggestForSource } from "@/server/suggestions";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

// A POST because the text can be long and the work is not cached, but nothing is written: 200.
export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return Response.json(await suggestForSource(db, viewer, id, parseWith(suggestionRangeSchema, await readJson(request), "range")));
});

const notAllowed = methodNotAllowed("/api/sources/{id}/suggestions");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
