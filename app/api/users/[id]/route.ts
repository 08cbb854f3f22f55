// PATCH /api/users/{id} — an admin changes a user's role, name or active flag (never their own role or active flag); `version` or If-Match required
import { z } from "zod";
import { updateUserSchema, userIdSchema } from "@/lib/admin-schemas";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { updateUser } from "@/server/users";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: userIdSchema });

export const PATCH = mutationRoute("users:manage", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateUser(db, viewer.id, id, parseWith(updateUserSchema, await readVersionedJson(request), "user"));
});

const notAllowed = methodNotAllowed("/api/users/{id}");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as HEAD };
