// POST /api/claims/{id}/evidence — attach evidence: a URL or a quote from another source, with a stance and a note
import { z } from "zod";
import { evidenceInputSchema, idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { addEvidence } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await addEvidence(db, viewer, id, parseWith(evidenceInputSchema, await readJson(request), "evidence"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/evidence");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
