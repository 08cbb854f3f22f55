// PATCH /api/users/{id} — an admin changes a user's role, name or active flag (never their own role or active flag); `version` or If-Match required
import { z } from "zod";
import { updateUserSchema, userIdSchema } from "@/lib/admin-schemas";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { updateUser } from "@/server/users";

const paramsSchema = z.object({ id: userIdSchema });

export const PATCH = mutationRoute("users:manage", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateUser(db, viewer.id, id, parseWith(updateUserSchema, await readVersionedJson(request), "user"));
});
