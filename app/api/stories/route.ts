// GET /api/stories?q= — stories, most recently updated first, with claim counts and date range
// POST /api/stories — a new story
import { createStorySchema, searchPageQuerySchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { listStories } from "@/server/stories";
import { createStory } from "@/server/stories-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request, db, viewer }) => listStories(db, viewer, parseWith(searchPageQuerySchema, queryObject(request), "query")));

export const POST = mutationRoute("content:write", async ({ request, db, viewer }) =>
  createStory(db, viewer, parseWith(createStorySchema, await readJson(request), "story")),
);

const notAllowed = methodNotAllowed("/api/stories");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
