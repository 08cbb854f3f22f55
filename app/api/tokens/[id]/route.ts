// DELETE /api/tokens/{id} — revoke one of your API tokens (admins may revoke anyone's); it is refused from then on
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { revokeApiToken } from "@/server/tokens";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const DELETE = mutationRoute("tokens:own", ({ params, db, viewer }) => revokeApiToken(db, viewer, parseWith(paramsSchema, params, "path").id));

const notAllowed = methodNotAllowed("/api/tokens/{id}");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as HEAD };
