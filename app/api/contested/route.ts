// GET /api/contested — disputed claims paired with their counter-claims, filterable by story, speaker, status
import { listContestedQuerySchema } from "@/lib/schemas";
import { listContestedPairs } from "@/server/contested";
import { apiRoute, parseWith, queryObject } from "@/server/http";

export const GET = apiRoute(({ request, db, viewer }) =>
  listContestedPairs(db, viewer, parseWith(listContestedQuerySchema, queryObject(request), "query")),
);
