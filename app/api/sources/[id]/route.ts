// GET /api/sources/{id} — a source with its full current text
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { getSource } from "@/server/sources";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getSource(db, viewer, parseWith(paramsSchema, params, "path").id));
