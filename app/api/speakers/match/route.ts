// GET /api/speakers/match?name= — the speaker a typed name means (name or alias, titles and party tags aside; a lone surname) and the close ones (staff only)
import type { SpeakerMatchDTO } from "@/lib/dto";
import { speakerMatchQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";
import { findSpeakerMatch } from "@/server/speaker-match";

export const GET = apiRoute(async ({ request, db, viewer }): Promise<SpeakerMatchDTO> => {
  authorize(viewer, "content:write");
  const { name } = parseWith(speakerMatchQuerySchema, queryObject(request), "query");
  const { exact, close } = await findSpeakerMatch(db, name);
  const ref = (s: { id: number; name: string; aliases: string[] }) => ({ id: s.id, name: s.name, aliases: s.aliases });
  return { exact: exact ? ref(exact) : null, close: close.slice(0, 5).map(ref) };
});

const notAllowed = methodNotAllowed("/api/speakers/match");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
