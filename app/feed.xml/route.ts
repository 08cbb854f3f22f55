// GET /feed.xml — Atom feed of newly published verdicts, site-wide (50 a page, newest first; ?page=N goes back, RFC 5005 links)
import { feedPage, pagedVerdictFeedResponse } from "@/server/atom-pages";
import { apiRoute } from "@/server/http";
import { getSite } from "@/server/site";

export const GET = apiRoute(async ({ request, db }) => {
  const site = await getSite(request);
  return await pagedVerdictFeedResponse(db, site, {
    path: "/feed.xml",
    title: `${site.orgName}: new verdicts`,
    subtitle: "Claims whose verdict was just published.",
    alternate: `${site.url}/`,
  }, feedPage(request));
});
