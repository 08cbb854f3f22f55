// GET /api/claims/{id}/evidence?cursor=&limit= — staff only: the claim's evidence, newest first, keyset-paged, with its total
// POST /api/claims/{id}/evidence — attach evidence: a URL or a quote from another source, with a stance and a note
import { z } from "zod";
import { editorialListQuerySchema, evidenceInputSchema, idSchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { addEvidence, assertClaimExists, evidencePage } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  authorize(viewer, "review:draft");
  const { id } = parseWith(paramsSchema, params, "path");
  const query = parseWith(editorialListQuerySchema, queryObject(request), "query");
  await assertClaimExists(db, id);
  return await evidencePage(db, id, query);
});

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await addEvidence(db, viewer, id, parseWith(evidenceInputSchema, await readJson(request), "evidence"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/evidence");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
