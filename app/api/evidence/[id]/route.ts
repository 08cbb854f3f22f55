// DELETE /api/evidence/{id} — remove an evidence item
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { deleteEvidence } from "@/server/reviews";

const paramsSchema = z.object({ id: idSchema });

export const DELETE = mutationRoute("content:write", ({ params, db, viewer }) => deleteEvidence(db, viewer, parseWith(paramsSchema, params, "path").id));
