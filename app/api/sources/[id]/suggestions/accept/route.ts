// POST /api/sources/{id}/suggestions/accept — accept a group of suggested claims `{ items: [{ text, anchor, speakerId | speaker, statedOn? }] }`: a draft claim each, all or none
import { z } from "zod";
import { acceptSuggestionsSchema, idSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readJson } from "@/server/http";
import { ACCEPT_BODY_LIMIT, acceptSuggestions } from "@/server/suggestions";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await acceptSuggestions(db, viewer, id, parseWith(acceptSuggestionsSchema, await readJson(request, ACCEPT_BODY_LIMIT), "suggestions"));
});

const notAllowed = methodNotAllowed("/api/sources/{id}/suggestions/accept");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
