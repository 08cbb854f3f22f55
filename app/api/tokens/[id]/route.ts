// DELETE /api/tokens/{id} — revoke one of your API tokens (admins may revoke anyone's); it is refused from then on
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { revokeApiToken } from "@/server/tokens";

const paramsSchema = z.object({ id: idSchema });

export const DELETE = mutationRoute("tokens:own", ({ params, db, viewer }) => revokeApiToken(db, viewer, parseWith(paramsSchema, params, "path").id));
