// POST /api/sources/{id}/restore — bring back an earlier version's metadata and text (a new revision; claims re-anchored): { eventId, version }
import { z } from "zod";
import { restoreVersionSchema } from "@/lib/history-schemas";
import { idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { restoreVersion } from "@/server/restore";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await restoreVersion(db, viewer, "source", id, parseWith(restoreVersionSchema, await readVersionedJson(request), "restore"));
});

const notAllowed = methodNotAllowed("/api/sources/{id}/restore");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
