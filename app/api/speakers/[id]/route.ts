// GET /api/speakers/{id} — a speaker with affiliation, affiliates and claim counts
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { apiRoute, parseWith } from "@/server/http";
import { getSpeaker } from "@/server/speakers";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getSpeaker(db, viewer, parseWith(paramsSchema, params, "path").id));
