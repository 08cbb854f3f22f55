// GET /api/speakers/{id} — a speaker with affiliation, affiliates and claim counts
// PATCH /api/speakers/{id} — edit a speaker
import { z } from "zod";
import { idSchema, updateSpeakerSchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { getSpeaker } from "@/server/speakers";
import { updateSpeaker } from "@/server/speakers-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getSpeaker(db, viewer, parseWith(paramsSchema, params, "path").id));

export const PATCH = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateSpeaker(db, viewer, id, parseWith(updateSpeakerSchema, await readVersionedJson(request), "speaker"));
});

const notAllowed = methodNotAllowed("/api/speakers/{id}");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
