// GET /api/claims/{id}/history — the claim's changes from the events log, newest first, with the links made to and from it; ?version={eventId} adds that version's snapshot (staff only)
import { z } from "zod";
import { eventIdSchema } from "@/lib/history-schemas";
import { idSchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { getHistoryDTO } from "@/server/history";
import { apiRoute, parseWith, queryObject } from "@/server/http";

const paramsSchema = z.object({ id: idSchema });
const querySchema = z.object({ version: eventIdSchema.optional() });

export const GET = apiRoute(async ({ request, params, db, viewer }) => {
  authorize(viewer, "content:write");
  const { id } = parseWith(paramsSchema, params, "path");
  const { version } = parseWith(querySchema, queryObject(request), "query");
  return await getHistoryDTO(db, "claim", id, version);
});
