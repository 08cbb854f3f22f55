// POST /api/imports/{id}/undo — undo an import as a whole (409 when anything has built on it since)
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith } from "@/server/http";
import { undoImport } from "@/server/importers";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("imports:run", async ({ params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return Response.json(await undoImport(db, viewer, id), { headers: { "Cache-Control": "no-store" } });
});

const notAllowed = methodNotAllowed("/api/imports/{id}/undo");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
