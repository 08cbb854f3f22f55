// PATCH /api/ratings/{id} — an admin edits a verdict's label, description, colour, value or position (not its key)
// DELETE /api/ratings/{id} — an admin removes a verdict that no claim or review uses
import { z } from "zod";
import { updateRatingSchema } from "@/lib/admin-schemas";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { deleteRating, updateRating } from "@/server/ratings";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const PATCH = mutationRoute("scale:manage", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateRating(db, viewer, id, parseWith(updateRatingSchema, await readVersionedJson(request), "rating"));
});

export const DELETE = mutationRoute("scale:manage", ({ params, db, viewer }) => deleteRating(db, viewer, parseWith(paramsSchema, params, "path").id));

const notAllowed = methodNotAllowed("/api/ratings/{id}");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as HEAD };
