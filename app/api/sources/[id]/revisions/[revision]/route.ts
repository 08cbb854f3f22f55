// GET /api/sources/{id}/revisions/{revision} — one revision's text
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { getRevision } from "@/server/sources-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema, revision: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => {
  const { id, revision } = parseWith(paramsSchema, params, "path");
  return await getRevision(db, viewer, id, revision);
});

const notAllowed = methodNotAllowed("/api/sources/{id}/revisions/{revision}");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
