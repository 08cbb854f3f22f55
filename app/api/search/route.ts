// GET /api/search — claims, sources and speakers matching q, ranked, with highlighted snippets (public)
import { searchQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { search } from "@/server/search";

export const GET = apiRoute(({ request, db, viewer }) => search(db, viewer, parseWith(searchQuerySchema, queryObject(request), "query")));
