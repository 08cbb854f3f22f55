// POST /api/claims/{id}/links — link this claim to another (existing or made on the spot): { kind, targetClaimId | targetClaim, note }
import { z } from "zod";
import { createLinkSchema, idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { createLink } from "@/server/links-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await createLink(db, viewer, id, parseWith(createLinkSchema, await readJson(request), "link"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/links");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
