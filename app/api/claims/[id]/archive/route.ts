// POST /api/claims/{id}/archive — archive a published or returned claim: { version, comment? }
import { z } from "zod";
import { idSchema, transitionBodySchema } from "@/lib/schemas";
import { transitionClaim } from "@/server/claims-write";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = mutationRoute("claims:archive", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await transitionClaim(db, viewer, id, { action: "archive", ...parseWith(transitionBodySchema, await readVersionedJson(request), "archive") });
});

const notAllowed = methodNotAllowed("/api/claims/{id}/archive");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
