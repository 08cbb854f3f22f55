// GET /api/stories/{id}/timeline — a story's claims in stated-date order and the links between them
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { getStoryTimeline } from "@/server/stories";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getStoryTimeline(db, viewer, parseWith(paramsSchema, params, "path").id));
