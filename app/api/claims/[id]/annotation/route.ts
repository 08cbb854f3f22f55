// GET /api/claims/{id}/annotation — the claim's span in its source as a W3C Web Annotation (JSON-LD)
import { z } from "zod";
import { readerCacheControl } from "@/lib/credentials";
import { idSchema } from "@/lib/schemas";
import { ANNOTATION_MEDIA_TYPE } from "@/lib/web-annotation";
import { getClaimAnnotation } from "@/server/feeds";
import { apiRoute, parseWith } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

// Staff also see drafts: never stored; readers see published claims only, as any JSON read.
export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const annotation = await getClaimAnnotation(db, viewer, id, await getSite(request));
  return Response.json(annotation, { headers: { "Content-Type": ANNOTATION_MEDIA_TYPE, "Cache-Control": viewer.kind === "anonymous" ? readerCacheControl(request.headers, "public, max-age=0, s-maxage=30, stale-while-revalidate=120") : "private, no-store", Vary: "Authorization, Cookie" } });
});

const notAllowed = methodNotAllowed("/api/claims/{id}/annotation");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
