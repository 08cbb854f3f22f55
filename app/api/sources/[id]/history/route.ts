// GET /api/sources/{id}/history — the source's changes from the events log, newest first; ?version={eventId} adds that version's snapshot (staff only)
import { z } from "zod";
import { historyQuerySchema } from "@/lib/history-schemas";
import { idSchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { getHistoryDTO } from "@/server/history";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });
const querySchema = historyQuerySchema;

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  authorize(viewer, "content:write");
  const { id } = parseWith(paramsSchema, params, "path");
  const { version } = parseWith(querySchema, queryObject(request), "query");
  return await getHistoryDTO(db, "source", id, version);
});

const notAllowed = methodNotAllowed("/api/sources/{id}/history");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
