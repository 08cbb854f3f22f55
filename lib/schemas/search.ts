/** Full-text search (GET /api/search, the /search page) and similar claims. */
import { z } from "zod";
import { CLAIM_STATUSES } from "../model";
import { SEARCH_TYPES } from "../search-query";
import { calendarDateSchema, canonicalNumber, idSchema, limitSchema } from "./common";

/** A query-string value where an empty string (a GET form's unset field) means "not given". */
const blank = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/**
 * GET /api/search and the /search page. `q` is never refused: any text is searchable (a very
 * long one is cut), and what FTS5 would read as syntax is quoted (lib/search-query).
 */
export const searchQuerySchema = z
  .object({
    q: z
      .string({ error: "must be text" })
      .default("")
      .transform((v) => v.slice(0, 2000)),
    type: blank(z.enum(SEARCH_TYPES, { error: `must be one of ${SEARCH_TYPES.join(", ")}` })).transform((v) => v ?? "all"),
    speaker: blank(idSchema),
    story: blank(idSchema),
    /** A rating key of the scale, such as `false` or `misleading`. */
    verdict: blank(z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, "must be a rating key such as false")),
    /** Staff only: readers see published claims whatever they ask for. */
    status: blank(z.enum(CLAIM_STATUSES, { error: `must be one of ${CLAIM_STATUSES.join(", ")}` })),
    from: blank(calendarDateSchema),
    to: blank(calendarDateSchema),
    cursor: blank(z.string().max(2000, "malformed cursor")),
    limit: blank(limitSchema).transform((v) => v ?? 20),
    /** `off`: search the words as typed, with no spelling correction. */
    spell: blank(z.enum(["on", "off"], { error: "must be on or off" })),
  })
  .superRefine((s, ctx) => {
    if (s.from && s.to && s.from > s.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  });
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** How many similar claims or matches to answer: 5 unless asked, at most 20. */
const fewMatchesLimit = blank(canonicalNumber(z.number({ error: "must be a decimal number such as 12" }).int("must be a whole number").min(1, "must be at least 1").max(20, "must be at most 20"))).transform((v) => v ?? 5);

/** GET /api/claims/similar: claims that look like the one being written. */
export const similarClaimsQuerySchema = z.object({
  text: z
    .string({ error: "must be text" })
    .default("")
    .transform((v) => v.slice(0, 2000)),
  exclude: blank(idSchema),
  limit: fewMatchesLimit,
});
export type SimilarClaimsQuery = z.output<typeof similarClaimsQuerySchema>;

/** The longest text /api/matches reads: a long post or a few paragraphs. */
export const MATCH_TEXT_MAX = 5000;

/**
 * GET and POST /api/matches ("Checked before?"): the claims a text may repeat. Unlike search, an
 * empty text is refused (there is nothing to match), and so is one past MATCH_TEXT_MAX rather
 * than cut (a cut would match on part of what was pasted without saying so).
 */
export const findMatchesSchema = z.object({
  text: z
    .string({ error: "is required: the text to match" })
    .trim()
    .min(1, "is required: the text to match")
    .max(MATCH_TEXT_MAX, `must be at most ${MATCH_TEXT_MAX} characters`),
  limit: fewMatchesLimit,
  exclude: blank(idSchema),
});
export type FindMatchesInput = z.output<typeof findMatchesSchema>;
