// GET /api/imports/{id} — an import's state, progress and (once finished) report (staff)
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, parseWith } from "@/server/http";
import { getImport } from "@/server/importers";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => {
  authorize(viewer, "imports:run");
  const { id } = parseWith(paramsSchema, params, "path");
  return getImport(db, id);
});

const notAllowed = methodNotAllowed("/api/imports/{id}");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
