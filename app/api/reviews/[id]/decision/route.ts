// POST /api/reviews/{id}/decision — approve or return this proposed verdict: { action, comment, version (of the claim) }
import { z } from "zod";
import { decisionSchema, idSchema } from "@/lib/schemas";
import { getEditorial } from "@/server/editorial";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { decideClaim, reviewClaimId } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("review:decide", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const claimId = await reviewClaimId(db, id);
  await decideClaim(db, viewer, claimId, { ...parseWith(decisionSchema, await readVersionedJson(request), "decision"), reviewId: id });
  return await getEditorial(db, claimId);
});

const notAllowed = methodNotAllowed("/api/reviews/{id}/decision");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
