// GET /api/stories?q= — stories, most recently updated first, with claim counts and date range
// POST /api/stories — a new story
import { createStorySchema, searchPageQuerySchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, queryObject, readJson } from "@/server/http";
import { listStories } from "@/server/stories";
import { createStory } from "@/server/stories-write";

export const GET = apiRoute(({ request, db, viewer }) => listStories(db, viewer, parseWith(searchPageQuerySchema, queryObject(request), "query")));

export const POST = mutationRoute("content:write", async ({ request, db, viewer }) =>
  createStory(db, viewer, parseWith(createStorySchema, await readJson(request), "story")),
);
