// GET /api/oembed?url=&format=json&maxwidth=&maxheight= — oEmbed (rich) for a claim page or its embed card
import { CARD_SIZE, claimIdFromUrl, escapeHtml } from "@/app/embed/claim-card-html";
import { permalinks } from "@/lib/claimreview";
import type { ApiErrorBody } from "@/lib/dto";
import { ValidationError } from "@/lib/errors";
import { oembedQuerySchema as querySchema } from "@/lib/schemas";
import { getPublicClaim } from "@/server/feeds";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ request, db }) => {
  const query = parseWith(querySchema, queryObject(request), "query");
  if (query.format === "xml") {
    const body: ApiErrorBody = { error: { code: "not_implemented", message: "Only format=json is offered." } };
    return Response.json(body, { status: 501 });
  }
  const site = await getSite(request);
  const id = claimIdFromUrl(query.url, site);
  if (id === null) throw new ValidationError("The url is not a claim page of this site.", { url: `must be a claim page of this site, like ${site.url}/claims/1` });
  const claim = await getPublicClaim(db, id);
  const width = Math.min(CARD_SIZE.width, query.maxwidth ?? CARD_SIZE.width);
  const height = Math.min(CARD_SIZE.height, query.maxheight ?? CARD_SIZE.height);
  const links = permalinks(site);
  const title = `${claim.speaker.name}: ${claim.text}`;
  const html =
    `<iframe src="${escapeHtml(links.embed(claim.id))}" width="${width}" height="${height}" title="${escapeHtml(`Fact check: ${title}`)}" ` +
    `style="border:0;max-width:100%" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>`;
  return Response.json(
    {
      version: "1.0",
      type: "rich",
      provider_name: site.orgName,
      provider_url: `${site.url}/`,
      title,
      author_name: claim.speaker.name,
      author_url: links.speaker(claim.speaker.id),
      html,
      width,
      height,
      cache_age: 300,
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
});

const notAllowed = methodNotAllowed("/api/oembed");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
