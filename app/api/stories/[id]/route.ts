// GET /api/stories/{id} — a story with its claim count and date range
// PATCH /api/stories/{id} — edit a story's title or description
import { z } from "zod";
import { idSchema, updateStorySchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { getStory } from "@/server/stories";
import { updateStory } from "@/server/stories-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getStory(db, viewer, parseWith(paramsSchema, params, "path").id));

export const PATCH = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await updateStory(db, viewer, id, parseWith(updateStorySchema, await readVersionedJson(request), "story"));
});

const notAllowed = methodNotAllowed("/api/stories/{id}");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
