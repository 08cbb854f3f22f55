// GET /api/speakers?q= — speakers A–Z; q matches names and aliases (the speaker autocomplete)
import { listSpeakersQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { listSpeakers } from "@/server/speakers";

export const GET = apiRoute(({ request, db }) => listSpeakers(db, parseWith(listSpeakersQuerySchema, queryObject(request), "query")));
