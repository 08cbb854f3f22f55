// GET /api/claims/{id} — a claim with its links and its quote in context
// PATCH /api/claims/{id} — edit a claim (text, quote, speaker, story, stated date, or a new span)
import { z } from "zod";
import { idSchema, updateClaimSchema } from "@/lib/schemas";
import { getClaimDetail } from "@/server/claims";
import { updateClaim } from "@/server/claims-write";
import { apiRoute, mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getClaimDetail(db, viewer, parseWith(paramsSchema, params, "path").id));

export const PATCH = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateClaim(db, viewer, id, parseWith(updateClaimSchema, await readVersionedJson(request), "claim"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
