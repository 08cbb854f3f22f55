// GET /api/claims/{id} — a claim with its links and its quote in context
import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { getClaimDetail } from "@/server/claims";
import { apiRoute, parseWith } from "@/server/http";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(({ params, db, viewer }) => getClaimDetail(db, viewer, parseWith(paramsSchema, params, "path").id));
