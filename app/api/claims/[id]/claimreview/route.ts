// GET /api/claims/{id}/claimreview — the schema.org ClaimReview of a published verdict (public; 404 for drafts and unrated claims)
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { getClaimReview } from "@/server/feeds";
import { apiRoute, parseWith } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const review = await getClaimReview(db, id, await getSite(request));
  return Response.json(review, { headers: { "Content-Type": "application/ld+json", "Cache-Control": "public, max-age=300" } });
});

const notAllowed = methodNotAllowed("/api/claims/{id}/claimreview");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
