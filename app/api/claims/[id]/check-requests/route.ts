// POST /api/claims/{id}/check-requests — a reader asks for a claim to be checked: { reason } (rate-limited)
import { z } from "zod";
import { checkRequestSchema, idSchema } from "@/lib/schemas";
import { requestCheck } from "@/server/editorial";
import { clientAddress } from "@/server/forwarding";
import { parseWith, publicMutationRoute, readJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const POST = publicMutationRoute(async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const { reason } = parseWith(checkRequestSchema, await readJson(request), "check request");
  return await requestCheck(db, viewer, id, reason, clientAddress(request));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/check-requests");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
