// DELETE /api/links/{id} — remove a link between two claims
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { deleteLink } from "@/server/links-write";

const paramsSchema = z.object({ id: idSchema });

export const DELETE = mutationRoute("content:write", ({ params, db, viewer }) => deleteLink(db, viewer, parseWith(paramsSchema, params, "path").id));
