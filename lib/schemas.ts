/**
 * zod schemas for API input, shared by route handlers (validation at the edge) and client
 * forms. Named `<verb><Thing>Schema`. Pure: safe in the browser.
 */
import { z } from "zod";
import { CLAIM_STATUSES } from "./model";

/** A positive integer id from a path or query string. */
export const idSchema = z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive").max(Number.MAX_SAFE_INTEGER);

export const limitSchema = z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100");

/** "true"/"false" in a query string. */
const queryBoolean = z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1");

export const listClaimsQuerySchema = z.object({
  story: idSchema.optional(),
  speaker: idSchema.optional(),
  source: idSchema.optional(),
  status: z.enum(CLAIM_STATUSES, { error: `must be one of ${CLAIM_STATUSES.join(", ")}` }).optional(),
  contested: queryBoolean.optional(),
  q: z.string().trim().max(500, "must be at most 500 characters").optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema.default(20),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuerySchema>;

export const listContestedQuerySchema = z.object({
  story: idSchema.optional(),
  speaker: idSchema.optional(),
  status: z.enum(CLAIM_STATUSES, { error: `must be one of ${CLAIM_STATUSES.join(", ")}` }).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema.default(20),
});
export type ListContestedQuery = z.infer<typeof listContestedQuerySchema>;

export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: limitSchema.default(20),
});

export const listSpeakersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});
