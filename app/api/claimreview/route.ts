// GET /api/claimreview — every published verdict as a schema.org DataFeed of ClaimReviews, paged (?after=, Link rel="next")
import { claimReviewFeedQuerySchema } from "@/lib/schemas";
import { claimReviewFeed } from "@/server/claimreview-feed";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ request, db }) => {
  const { after } = parseWith(claimReviewFeedQuerySchema, queryObject(request), "query");
  const feed = await claimReviewFeed(db, await getSite(request), after ?? 0);
  const headers: Record<string, string> = { "Content-Type": "application/ld+json", "Cache-Control": "public, max-age=300" };
  if (feed.nextPage) headers.Link = `<${feed.nextPage}>; rel="next"`;
  return new Response(JSON.stringify(feed), { headers });
});

const notAllowed = methodNotAllowed("/api/claimreview");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
