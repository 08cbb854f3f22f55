// GET /api/speakers/{id}/timeline — a speaker's claims in stated order (?by=&verdict=&from=&to=), with the claims they dispute or answer, or that dispute or answer them
import { z } from "zod";
import { idSchema, speakerTimelineQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSpeakerTimeline } from "@/server/timelines";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await getSpeakerTimeline(db, viewer, id, parseWith(speakerTimelineQuerySchema, queryObject(request), "query"));
});

const notAllowed = methodNotAllowed("/api/speakers/{id}/timeline");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
