// GET /api/ratings — the default rating scale's verdicts in position order (public)
// POST /api/ratings — an admin adds a verdict to the scale
import { createRatingSchema } from "@/lib/admin-schemas";
import { apiRoute, mutationRoute, parseWith, readJson } from "@/server/http";
import { createRating, listRatings } from "@/server/ratings";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ db, viewer }) => listRatings(db, viewer));

export const POST = mutationRoute("scale:manage", async ({ request, db, viewer }) => createRating(db, viewer, parseWith(createRatingSchema, await readJson(request), "rating")));

const notAllowed = methodNotAllowed("/api/ratings");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
