// GET /api/search — claims, sources and speakers matching q, ranked, with highlighted snippets (public)
import { searchQuerySchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { search } from "@/server/search";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request, db, viewer }) => search(db, viewer, parseWith(searchQuerySchema, queryObject(request), "query")));

const notAllowed = methodNotAllowed("/api/search");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
