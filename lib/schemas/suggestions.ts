/** Claim suggestions: the range of a source to suggest claims for, and rejecting a suggestion. */
import { z } from "zod";
import { spanSchema } from "./claims";

const codePointOffset = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative");

/**
 * The most of a source's text one suggestions request reads (code points): longer texts are read
 * in further requests, each starting where the last ended. Within it, the engine runs on a worker
 * thread with a deadline (ms), after which the request is a 503.
 */
export const SUGGESTION_RANGE_MAX = 50_000;
export const SUGGESTION_DEADLINE_MS = 15_000;

/** The part of a source's text to suggest claims for (code points; aligned to paragraphs). */
export const suggestionRangeSchema = z
  .object({ start: codePointOffset.optional(), end: codePointOffset.optional() })
  .refine((r) => r.start === undefined || r.end === undefined || r.end > r.start, { message: "must end after it starts", path: ["end"] });
export type SuggestionRangeBody = z.input<typeof suggestionRangeSchema>;

/** A rejected suggestion: its content span of the source's current text, with its words. */
export const rejectSuggestionSchema = spanSchema;
export type RejectSuggestionBody = z.input<typeof rejectSuggestionSchema>;
