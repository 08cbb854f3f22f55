// GET /api/sources/{id}/revisions — every revision of a source's text, newest first
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { listRevisions } from "@/server/sources-write";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => ({ items: await listRevisions(db, viewer, parseWith(paramsSchema, params, "path").id) }));

const notAllowed = methodNotAllowed("/api/sources/{id}/revisions");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
