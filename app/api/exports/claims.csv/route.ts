// GET /api/exports/claims.csv — the claims the caller may see, with the claim list's filters, as the CSV the import reads
import { claimsExportQuerySchema } from "@/lib/schemas";
import { claimsCsvStream } from "@/server/exports";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { getSite } from "@/server/site";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ request, db, viewer }) => {
  const filter = parseWith(claimsExportQuerySchema, queryObject(request), "query");
  const stream = claimsCsvStream(db, viewer, filter, await getSite(request)).pipeThrough(new TextEncoderStream());
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="claims.csv"',
      "Cache-Control": viewer.kind === "anonymous" ? "public, max-age=60" : "private, no-store",
      Vary: "Cookie, Authorization",
    },
  });
});

const notAllowed = methodNotAllowed("/api/exports/claims.csv");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
