// GET /api/users — every account with its role and whether it is active (admins only)
// POST /api/users — an admin creates an account that signs in with email and password
import { createUserSchema } from "@/lib/admin-schemas";
import { authorize } from "@/server/authz";
import { apiRoute, mutationRoute, parseWith, readJson } from "@/server/http";
import { createUser, listUsers } from "@/server/users";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ db, viewer }) => {
  authorize(viewer, "users:manage");
  return { items: await listUsers(db) };
});

export const POST = mutationRoute("users:manage", async ({ request, db, viewer }) => createUser(db, viewer.id, parseWith(createUserSchema, await readJson(request), "user")));

const notAllowed = methodNotAllowed("/api/users");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
