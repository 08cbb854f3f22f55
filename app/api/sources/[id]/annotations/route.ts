// GET /api/sources/{id}/annotations — a source's anchored claims as a W3C AnnotationCollection, 100 a page (?page=N: page N on its own)
import { z } from "zod";
import { readerCacheControl } from "@/lib/credentials";
import { collectionPageQuerySchema, idSchema } from "@/lib/schemas";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { ANNOTATION_MEDIA_TYPE, pageAnnotationCollection } from "@/lib/web-annotation";
import { getSourceAnnotations } from "@/server/feeds";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });
const querySchema = collectionPageQuerySchema;

// Staff also see drafts: never stored; readers see published claims only, as any JSON read.
export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const { page } = parseWith(querySchema, queryObject(request), "query");
  const paged = pageAnnotationCollection(await getSourceAnnotations(db, viewer, id, await getSite(request)));
  if (page !== undefined && paged.pages === 0) throw new NotFoundError("This source has no annotations, so the collection has no pages.");
  if (page !== undefined && page >= paged.pages) throw new ValidationError(`This collection has ${paged.pages} page(s).`, { page: `must be at most ${paged.pages - 1}` });
  const body = page === undefined ? paged.collection : paged.page(page);
  return Response.json(body, { headers: { "Content-Type": ANNOTATION_MEDIA_TYPE, "Cache-Control": viewer.kind === "anonymous" ? readerCacheControl(request.headers, "public, max-age=0, s-maxage=30, stale-while-revalidate=120") : "private, no-store", Vary: "Authorization, Cookie" } });
});

const notAllowed = methodNotAllowed("/api/sources/{id}/annotations");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
