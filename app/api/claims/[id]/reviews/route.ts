// POST /api/claims/{id}/reviews — propose a verdict with rationale and evidence (and send the claim for review)
import { z } from "zod";
import { createReviewSchema, idSchema } from "@/lib/schemas";
import { getEditorial } from "@/server/editorial";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { createReview } from "@/server/reviews";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("review:draft", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  await createReview(db, viewer, id, parseWith(createReviewSchema, await readVersionedJson(request), "review"));
  return await getEditorial(db, id);
});

const notAllowed = methodNotAllowed("/api/claims/{id}/reviews");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
