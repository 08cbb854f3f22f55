// GET /api/claims/{id}/editorial — staff only: proposed verdicts, evidence, comments, check requests, assignee
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { getEditorial } from "@/server/editorial";
import { apiRoute, parseWith } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => {
  authorize(viewer, "review:draft");
  return await getEditorial(db, parseWith(paramsSchema, params, "path").id);
});

const notAllowed = methodNotAllowed("/api/claims/{id}/editorial");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
