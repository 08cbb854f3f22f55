// GET /api/sources/{id}/revisions — every revision of a source's text, newest first
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { listRevisions } from "@/server/sources-write";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ params, db, viewer }) => ({ items: await listRevisions(db, viewer, parseWith(paramsSchema, params, "path").id) }));
