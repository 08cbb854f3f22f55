// GET /api/claims/{id}/links?group=disputes|related&cursor= — the claim's links of a group, oldest first, keyset-paged, with the group's total
// POST /api/claims/{id}/links — link this claim to another (existing or made on the spot): { kind, targetClaimId | targetClaim, note }
import { z } from "zod";
import { createLinkSchema, idSchema, listClaimLinksSchema } from "@/lib/schemas";
import { listClaimLinks } from "@/server/claims";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { createLink } from "@/server/links-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const query = parseWith(listClaimLinksSchema, queryObject(request), "query");
  return await listClaimLinks(db, viewer, id, query.group, query);
});

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await createLink(db, viewer, id, parseWith(createLinkSchema, await readJson(request), "link"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/links");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
