// POST /api/claims/{id}/submit — send a draft or returned claim to the review queue: { version, comment? }
import { z } from "zod";
import { idSchema, transitionBodySchema } from "@/lib/schemas";
import { transitionClaim } from "@/server/claims-write";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await transitionClaim(db, viewer, id, { action: "submit", ...parseWith(transitionBodySchema, await readVersionedJson(request), "submission") });
});

const notAllowed = methodNotAllowed("/api/claims/{id}/submit");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
