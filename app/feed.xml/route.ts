// GET /feed.xml — Atom feed of newly published verdicts, site-wide (50 a page, newest first; ?before= goes back and ?after= forward, RFC 5005 links)
import { feedPosition, verdictFeedResponse } from "@/server/feeds";
import { apiRoute } from "@/server/http";
import { getSite } from "@/server/site";

export const GET = apiRoute(async ({ request, db }) => {
  const site = await getSite(request);
  return await verdictFeedResponse(db, site, {
    path: "/feed.xml",
    title: `${site.orgName}: new verdicts`,
    subtitle: "Claims whose verdict was just published.",
    alternate: `${site.url}/`,
  }, feedPosition(request));
});
