import { z } from "zod";
import { CLAIM_STATUSES, IMPORT_FORMATS } from "@/lib/model";
import { calendarDateSchema, canonicalNumber, idSchema } from "./common";

const queryFlag = z.enum(["true", "false", "1", "0"], { error: "must be 1 or 0" }).transform((v) => v === "true" || v === "1");

/**
 * POST /api/imports query: `dryRun=1` for a preview; `format` when the media type alone does not
 * say (it names one of IMPORT_FORMATS); `filename` for the report; `map` (repeatable) maps a
 * verdict label our scale lacks onto one of its keys: `map=Four Pinocchios:false`.
 */
export const startImportQuerySchema = z.object({
  dryRun: queryFlag.optional(),
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(", ")}` }).optional(),
  filename: z.string().trim().max(300, "must be at most 300 characters").optional(),
  map: z
    .array(z.string().regex(/^.+:[a-z][a-z0-9-]*$/, "must be LABEL:rating-key"))
    .max(200, "at most 200 mappings")
    .optional(),
});
export type StartImportQuery = z.infer<typeof startImportQuerySchema>;

/** GET /api/exports/claims.csv query: the claim list's filters. */
export const claimsExportQuerySchema = z.object({
  story: idSchema.optional(),
  speaker: idSchema.optional(),
  status: z.enum(CLAIM_STATUSES, { error: `must be one of ${CLAIM_STATUSES.join(", ")}` }).optional(),
  verdict: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a rating key").optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
});
export type ClaimsExportQuery = z.infer<typeof claimsExportQuerySchema>;

/** GET /api/claimreview query: the page after the claim with this id. */
export const claimReviewFeedQuerySchema = z.object({ after: idSchema.optional() });

const dimension = canonicalNumber(z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be positive").max(10_000, "must be at most 10000"));

/** GET /api/oembed query (oEmbed 1.0): the claim page's URL, the format, the largest size the consumer can show. */
export const oembedQuerySchema = z.object({
  url: z.string({ error: "is required: the URL of a claim page" }).min(1, "is required: the URL of a claim page").max(2048, "is too long"),
  format: z.enum(["json", "xml"], { error: "must be json" }).default("json"),
  maxwidth: dimension.optional(),
  maxheight: dimension.optional(),
});
