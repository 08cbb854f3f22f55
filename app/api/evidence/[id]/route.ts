// DELETE /api/evidence/{id} — remove an evidence item
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { deleteEvidence } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const DELETE = mutationRoute("content:write", ({ params, db, viewer }) => deleteEvidence(db, viewer, parseWith(paramsSchema, params, "path").id));

const notAllowed = methodNotAllowed("/api/evidence/{id}");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as HEAD };
