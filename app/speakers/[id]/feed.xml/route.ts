// GET /speakers/{id}/feed.xml — Atom feed of newly published verdicts on one speaker's claims
import { z } from "zod";
import { ANONYMOUS } from "@/lib/model";
import { idSchema } from "@/lib/schemas";
import { feedPosition, verdictFeedResponse } from "@/server/feeds";
import { apiRoute, parseWith } from "@/server/http";
import { getSite } from "@/server/site";
import { getSpeaker } from "@/server/speakers";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const speaker = await getSpeaker(db, ANONYMOUS, id);
  const site = await getSite(request);
  return await verdictFeedResponse(db, site, {
    path: `/speakers/${id}/feed.xml`,
    title: `${speaker.name}: new verdicts`,
    subtitle: `Verdicts published by ${site.orgName} on claims by ${speaker.name}.`,
    alternate: `${site.url}/speakers/${id}`,
    speakerId: id,
  }, feedPosition(request));
});
