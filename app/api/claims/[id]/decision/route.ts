// POST /api/claims/{id}/decision — an editor approves (publishes, with the pending verdict) or returns a claim: { action, comment, version }
import { z } from "zod";
import { decisionSchema, idSchema } from "@/lib/schemas";
import { getEditorial } from "@/server/editorial";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { decideClaim } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("review:decide", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  await decideClaim(db, viewer, id, parseWith(decisionSchema, await readVersionedJson(request), "decision"));
  return await getEditorial(db, id);
});

const notAllowed = methodNotAllowed("/api/claims/{id}/decision");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
