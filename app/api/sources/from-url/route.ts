// POST /api/sources/from-url — a new source from a web page: fetched (http/https, limits, no private addresses), its text and metadata extracted
import { createSourceFromUrlSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { createSourceFromUrl } from "@/server/url-source";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const POST = mutationRoute("content:write", async ({ request, db, viewer }) =>
  createSourceFromUrl(db, viewer, parseWith(createSourceFromUrlSchema, await readJson(request), "source")),
);

const notAllowed = methodNotAllowed("/api/sources/from-url");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
