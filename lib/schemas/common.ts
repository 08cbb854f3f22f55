/** Schemas shared by every domain: ids, list paging, calendar dates, the edited version. */
import { z } from "zod";

/**
 * A whole number written the one canonical way: decimal digits, no sign, no leading zero, no
 * spaces. Path and query values arrive as strings; `0x10`, `1e1`, ` 1`, `00001`, `true` or `[1]`
 * must not address row 16, 10 or 1 (JavaScript's Number() would read them so).
 */
const CANONICAL_DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** `inner` (a number schema) that also takes a canonical decimal string, and nothing else. */
export function canonicalNumber<S extends z.ZodType>(inner: S) {
  return z.preprocess((value) => (typeof value === "string" && CANONICAL_DECIMAL.test(value) ? Number(value) : value), inner);
}

const whole = (what = "must be a decimal number such as 12") => z.number({ error: what }).int("must be a whole number");

/** A positive integer id from a path, a query string or a JSON body. */
export const idSchema = canonicalNumber(whole().positive("must be positive").max(Number.MAX_SAFE_INTEGER));

export const limitSchema = canonicalNumber(whole().min(1, "must be at least 1").max(100, "must be at most 100"));

export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: limitSchema.default(20),
});

/** A page of a list filtered by a text query (titles, names). */
export const searchPageQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A calendar date YYYY-MM-DD that exists (no 30 February). */
export const calendarDateSchema = z
  .string({ error: "must be a date YYYY-MM-DD" })
  .refine(isCalendarDate, "must be a real date written YYYY-MM-DD")
  .meta({ format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

/** The version the change was based on (optimistic concurrency). */
export const versionSchema = z.number({ error: "must be the version number you edited" }).int("must be a whole number").positive("must be positive");

/** `?page=N` of a paged collection (annotation pages count from 0). */
/** The whole-site annotation export: `after` is the cursor a page's `next` link carries. */
export const annotationExportQuerySchema = z.object({ after: z.string({ error: "must be a cursor" }).max(200, "must be at most 200 characters").optional() });

export const collectionPageQuerySchema = z.object({ page: canonicalNumber(z.number({ error: "must be a page number" }).int("must be a whole number").min(0, "must not be negative")).optional() });
