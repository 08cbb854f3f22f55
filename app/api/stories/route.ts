// GET /api/stories — stories, most recently updated first, with claim counts and date range
import { pageQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { listStories } from "@/server/stories";

export const GET = apiRoute(({ request, db, viewer }) => listStories(db, viewer, parseWith(pageQuerySchema, queryObject(request), "query")));
