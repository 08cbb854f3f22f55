// POST /api/claims/{id}/quote — settle a quote that changed in the source: { decision: "accept" | "keep", version }
import { z } from "zod";
import { idSchema, quoteDecisionSchema } from "@/lib/schemas";
import { mutationRoute, parseWith, readVersionedJson } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";
import { decideQuoteChange } from "@/server/quote-change";

const paramsSchema = z.object({ id: idSchema });

// A published claim's quote also needs review:decide (checked in decideQuoteChange).
export const POST = mutationRoute("content:write", async ({ request, params, db, viewer }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  return await decideQuoteChange(db, viewer, id, parseWith(quoteDecisionSchema, await readVersionedJson(request), "quote"));
});

const notAllowed = methodNotAllowed("/api/claims/{id}/quote");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as HEAD };
