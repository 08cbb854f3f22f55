// GET /api/exports/annotations — every anchored claim the caller may see, in every source, as one W3C AnnotationCollection (100 a page; each page's `next` continues with ?after=)
import { annotationExportQuerySchema } from "@/lib/schemas";
import { ANNOTATION_MEDIA_TYPE } from "@/lib/web-annotation";
import { allAnnotations } from "@/server/annotation-export";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

const querySchema = annotationExportQuerySchema;

export const GET = apiRoute(async ({ request, db, viewer }) => {
  const { after } = parseWith(querySchema, queryObject(request), "query");
  const body = await allAnnotations(db, viewer, await getSite(request), after ?? null);
  return Response.json(body, { headers: { "Content-Type": ANNOTATION_MEDIA_TYPE, "Cache-Control": viewer.kind === "anonymous" ? "public, max-age=60" : "private, no-store", Vary: "Authorization, Cookie" } });
});

const notAllowed = methodNotAllowed("/api/exports/annotations");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
