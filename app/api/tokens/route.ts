// GET /api/tokens — your API tokens (admins: ?user={id} for another user's), without secrets
// POST /api/tokens — a new API token for you; the secret is in this answer and never again
import { createTokenSchema, listTokensQuerySchema } from "@/lib/admin-schemas";
import { authorize } from "@/server/authz";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { createApiToken, listApiTokens, listUserApiTokens } from "@/server/tokens";
import { getUser } from "@/server/users";
import { methodNotAllowed } from "@/server/method-not-allowed";

const querySchema = listTokensQuerySchema;

export const GET = apiRoute(async ({ request, db, viewer }) => {
  authorize(viewer, "tokens:own");
  const { user } = parseWith(querySchema, queryObject(request), "query");
  if (user === undefined || user === viewer.id) return { items: await listApiTokens(db, viewer) };
  authorize(viewer, "users:manage");
  return { items: await listUserApiTokens(db, (await getUser(db, user)).id) };
});

export const POST = mutationRoute("tokens:own", async ({ request, db, viewer }) => createApiToken(db, viewer, parseWith(createTokenSchema, await readJson(request), "token")));

const notAllowed = methodNotAllowed("/api/tokens");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
