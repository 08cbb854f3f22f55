// GET /api/sources/{id}/revisions/{revision} — one revision's text
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { getRevision } from "@/server/sources-write";

const paramsSchema = z.object({ id: idSchema, revision: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => {
  const { id, revision } = parseWith(paramsSchema, params, "path");
  return await getRevision(db, viewer, id, revision);
});
