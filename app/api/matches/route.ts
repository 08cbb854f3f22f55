// GET /api/matches?text=… and POST /api/matches {text} — anyone: published claims a text may repeat ("Checked before?"); staff also see unpublished ones
import { findMatchesSchema } from "@/lib/schemas";
import { apiRoute, parseWith, queryObject, readJson } from "@/server/http";
import { findMatches } from "@/server/matches";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ request, db, viewer }) => {
  const input = parseWith(findMatchesSchema, queryObject(request), "query");
  return { items: await findMatches(db, viewer, input.text, { limit: input.limit, excludeId: input.exclude }) };
});

/** The same, for texts too long for a URL. */
export const POST = apiRoute(async ({ request, db, viewer }) => {
  const input = parseWith(findMatchesSchema, await readJson(request));
  return { items: await findMatches(db, viewer, input.text, { limit: input.limit, excludeId: input.exclude }) };
});

const notAllowed = methodNotAllowed("/api/matches");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
