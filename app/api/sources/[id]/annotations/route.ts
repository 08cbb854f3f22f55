// GET /api/sources/{id}/annotations — a source's anchored claims as a W3C AnnotationCollection (?page=0: its page)
import { z } from "zod";
import { readerCacheControl } from "@/lib/credentials";
import { idSchema } from "@/lib/schemas";
import { ANNOTATION_MEDIA_TYPE } from "@/lib/web-annotation";
import { getSourceAnnotations, toAnnotationPage } from "@/server/feeds";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSite } from "@/server/site";

const paramsSchema = z.object({ id: idSchema });
const querySchema = z.object({ page: z.literal("0", { error: "must be 0: every annotation is on the first page" }).optional() });

// Staff also see drafts: never stored; readers see published claims only, as any JSON read.
export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const { page } = parseWith(querySchema, queryObject(request), "query");
  const collection = await getSourceAnnotations(db, viewer, id, await getSite(request));
  const body = page === undefined ? collection : toAnnotationPage(collection);
  return Response.json(body, { headers: { "Content-Type": ANNOTATION_MEDIA_TYPE, "Cache-Control": viewer.kind === "anonymous" ? readerCacheControl(request.headers, "public, max-age=0, s-maxage=30, stale-while-revalidate=120") : "private, no-store", Vary: "Authorization, Cookie" } });
});
