// GET /api/stories/{id}/timeline — a story's claims in stated order (?by=&speaker=&verdict=&from=&to=) and the links among them
import { z } from "zod";
import { idSchema, timelineQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getStoryTimeline } from "@/server/timelines";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await getStoryTimeline(db, viewer, id, parseWith(timelineQuerySchema, queryObject(request), "query"));
});

const notAllowed = methodNotAllowed("/api/stories/{id}/timeline");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
