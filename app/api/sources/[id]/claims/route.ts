// GET /api/sources/{id}/claims — every claim made in a source, in text order, orphans last
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { listSourceClaims } from "@/server/sources";
import { methodNotAllowed } from "@/server/method-not-allowed";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => ({ items: await listSourceClaims(db, viewer, parseWith(paramsSchema, params, "path").id) }));

const notAllowed = methodNotAllowed("/api/sources/{id}/claims");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
