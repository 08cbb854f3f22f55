// GET /api/sources/{id}/claims — every claim made in a source, in text order, orphans last
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { listSourceClaims } from "@/server/sources";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => ({ items: await listSourceClaims(db, viewer, parseWith(paramsSchema, params, "path").id) }));
