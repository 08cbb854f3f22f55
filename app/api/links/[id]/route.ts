// DELETE /api/links/{id} — remove a link between two claims
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { deleteLink } from "@/server/links-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const DELETE = mutationRoute("content:write", ({ params, db, viewer }) => deleteLink(db, viewer, parseWith(paramsSchema, params, "path").id));

const notAllowed = methodNotAllowed("/api/links/{id}");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as HEAD };
