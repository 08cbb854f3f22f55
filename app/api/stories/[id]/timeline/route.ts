// GET /api/stories/{id}/timeline — a story's claims in stated order (?by=&speaker=&verdict=&from=&to=) and the links among them
import { z } from "zod";
import { idSchema, timelineQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getStoryTimeline } from "@/server/timelines";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await getStoryTimeline(db, viewer, id, parseWith(timelineQuerySchema, queryObject(request), "query"));
});
