// POST /api/claims/{id}/assign — assign a claim to a fact-checker or an editor: { assigneeId | null, version }
import { z } from "zod";
import { assignSchema, idSchema } from "@/lib/schemas";
import { assignClaim } from "@/server/editorial";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("claims:assign", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await assignClaim(db, viewer, id, parseWith(assignSchema, await readVersionedJson(request), "assignment"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/assign");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
