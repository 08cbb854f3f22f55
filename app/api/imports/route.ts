// POST /api/imports — import a file (the request body; its media type picks the importer); 202 with the import's id
// GET /api/imports — the latest imports, newest first (staff)
import { ValidationError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { startImportQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, mutationRoute, parseWith, readBodyBytes, utf8 } from "@/server/http";
import { formatFor, listImports, startImport } from "@/server/importers";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ db, viewer }) => {
  authorize(viewer, "imports:run");
  return { items: await listImports(db) };
});

export const POST = mutationRoute("imports:run", async ({ request, db, viewer }) => {
  const url = new URL(request.url);
  const query = parseWith(startImportQuerySchema, { ...Object.fromEntries(url.searchParams), map: url.searchParams.getAll("map").length > 0 ? url.searchParams.getAll("map") : undefined }, "query");
  const content = utf8(await readBodyBytes(request, MAX_IMPORT_BYTES), "The file is not UTF-8 text.", { file: "not UTF-8 text" });
  if (content.trim() === "") throw new ValidationError("The request body is empty: send the file to import as the body.", { file: "empty" });
  if (content.includes("\u0000")) throw new ValidationError("The file is not UTF-8 text.", { file: "not UTF-8 text" });
  const mediaType = request.headers.get("content-type");
  const format = query.format ?? formatFor(mediaType, content);
  if (!format) {
    throw new ValidationError(
      `Cannot import “${mediaType ?? "no media type"}”: send application/ld+json (ClaimReview, Web Annotation), text/html (a page with ClaimReview), text/csv (claims) or text/tab-separated-values (LIAR).`,
      { "content-type": "unsupported media type" },
    );
  }
  const ratingMap = Object.fromEntries((query.map ?? []).map((m) => [m.slice(0, m.lastIndexOf(":")), m.slice(m.lastIndexOf(":") + 1)]));
  const started = await startImport(db, viewer, { format, content, filename: query.filename ?? null, dryRun: query.dryRun ?? false, ratingMap, site: await getSite(request) });
  return Response.json(started, { status: 202, headers: { Location: `/api/imports/${started.id}`, "Cache-Control": "no-store" } });
});

const notAllowed = methodNotAllowed("/api/imports");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
