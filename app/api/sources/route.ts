// GET /api/sources?q= — sources, newest first (without their text); q matches titles and publishers
// POST /api/sources — a new source: JSON, or a form with pasted text or an uploaded .txt/.md/.html file
import { createSourceSchema, searchPageQuerySchema } from "@/lib/schemas";
import { apiRoute, mutationRoute, parseWith, queryObject } from "@/server/http";
import { readSourceBody } from "@/server/source-upload";
import { listSources } from "@/server/sources";
import { createSource } from "@/server/sources-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request, db, viewer }) => listSources(db, viewer, parseWith(searchPageQuerySchema, queryObject(request), "query")));

export const POST = mutationRoute("content:write", async ({ request, db, viewer }) =>
  createSource(db, viewer, parseWith(createSourceSchema, await readSourceBody(request), "source")),
);

const notAllowed = methodNotAllowed("/api/sources");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
