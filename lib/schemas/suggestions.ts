/** Claim suggestions: the range of a source to suggest claims for, rejecting a suggestion, and accepting a group of them. */
import { z } from "zod";
import { calendarDateSchema, idSchema } from "./common";
import { spanSchema } from "./claims";
import { createSpeakerSchema } from "./speakers";

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

/** The most suggestions one request accepts (a confidence group of one long article fits). */
export const ACCEPT_SUGGESTIONS_MAX = 200;

/** One accepted suggestion: the claim it becomes, on its span of the source's current text. */
export const acceptedSuggestionSchema = z
  .object({
    text: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters"),
    anchor: spanSchema,
    speakerId: idSchema.optional(),
    /** A new speaker (or, by its name or alias, an existing one); several items may name the same one: it is made once. */
    speaker: createSpeakerSchema.optional(),
    /** Defaults to the source's publication date. */
    statedOn: calendarDateSchema.nullish(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.speakerId === undefined) === (c.speaker === undefined)) ctx.addIssue({ code: "custom", path: ["speakerId"], message: "give either speakerId or a new speaker, not both or neither" });
  })
  .meta({ oneOf: [{ required: ["speakerId"] }, { required: ["speaker"] }] });

/** Accepting a group of suggestions: every one becomes a draft claim, or none does. */
export const acceptSuggestionsSchema = z
  .object({
    items: z
      .array(acceptedSuggestionSchema, { error: "must be a list of suggestions" })
      .min(1, "must hold at least one suggestion")
      .max(ACCEPT_SUGGESTIONS_MAX, `must hold at most ${ACCEPT_SUGGESTIONS_MAX} suggestions`),
  })
  .strict();
export type AcceptSuggestionsInput = z.infer<typeof acceptSuggestionsSchema>;
export type AcceptSuggestionsBody = z.input<typeof acceptSuggestionsSchema>;
