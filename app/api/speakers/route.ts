// GET /api/speakers?q= — speakers A–Z; q matches names and aliases (the speaker autocomplete)
// POST /api/speakers — a new speaker
import { createSpeakerSchema, searchPageQuerySchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { listSpeakers } from "@/server/speakers";
import { createSpeaker } from "@/server/speakers-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request, db, viewer }) => listSpeakers(db, viewer, parseWith(searchPageQuerySchema, queryObject(request), "query")));

export const POST = mutationRoute("content:write", async ({ request, db, viewer }) =>
  createSpeaker(db, viewer, parseWith(createSpeakerSchema, await readJson(request), "speaker")),
);

const notAllowed = methodNotAllowed("/api/speakers");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
