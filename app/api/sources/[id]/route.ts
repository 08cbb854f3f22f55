// GET /api/sources/{id} — a source with its full current text
// PATCH /api/sources/{id} — edit metadata; new text makes a revision and re-anchors its claims
import { z } from "zod";
import { idSchema, updateSourceSchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { SOURCE_JSON_LIMIT } from "@/server/source-upload";
import { getSource } from "@/server/sources";
import { updateSource } from "@/server/sources-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getSource(db, viewer, parseWith(paramsSchema, params, "path").id));

export const PATCH = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateSource(db, viewer, id, parseWith(updateSourceSchema, await readVersionedJson(request, SOURCE_JSON_LIMIT), "source"));
});

const notAllowed = methodNotAllowed("/api/sources/{id}");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
