// POST /api/speakers/{id}/merge — merge this speaker into { targetId }: claims move, the name becomes an alias
import { z } from "zod";
import { idSchema, mergeSpeakerSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { mergeSpeakers } from "@/server/speakers-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("speakers:merge", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await mergeSpeakers(db, viewer, id, parseWith(mergeSpeakerSchema, await readVersionedJson(request), "merge"));
});

const notAllowed = methodNotAllowed("/api/speakers/{id}/merge");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
