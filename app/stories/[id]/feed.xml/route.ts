// GET /stories/{id}/feed.xml — Atom feed of newly published verdicts in one story
import { z } from "zod";
import { ANONYMOUS } from "@/lib/model";
import { idSchema } from "@/lib/schemas";
import { feedPosition, verdictFeedResponse } from "@/server/feeds";
import { apiRoute, parseWith } from "@/server/http";
import { getSite } from "@/server/site";
import { getStory } from "@/server/stories";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const story = await getStory(db, ANONYMOUS, id);
  const site = await getSite(request);
  return await verdictFeedResponse(db, site, {
    path: `/stories/${id}/feed.xml`,
    title: `${story.title}: new verdicts`,
    subtitle: `Verdicts published by ${site.orgName} on claims in the story “${story.title}”.`,
    alternate: `${site.url}/stories/${id}`,
    storyId: id,
  }, feedPosition(request));
});
