// GET /api/sources — sources, newest first (without their text)
import { pageQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { listSources } from "@/server/sources";

export const GET = apiRoute(({ request, db, viewer }) => listSources(db, viewer, parseWith(pageQuerySchema, queryObject(request), "query")));
