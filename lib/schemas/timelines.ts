/** The filters of story and speaker timelines. */
import { z } from "zod";
import { calendarDateSchema, canonicalNumber, idSchema } from "./common";

/** An empty query-string value ("" from a GET form's unset field) means "not given". */
const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const timelineQueryFields = z.object({
  by: z.preprocess(blankAsUndefined, z.enum(["speaker", "side"], { error: "must be speaker or side" }).default("speaker")),
  speaker: z.preprocess(blankAsUndefined, idSchema.optional()),
  /** A rating key of the default scale, or "none" (no verdict). */
  verdict: z.preprocess(
    blankAsUndefined,
    z.string({ error: "must be a rating key or none" }).trim().max(50, "must be at most 50 characters").regex(/^[a-z0-9-]+$/, "must be a rating key or none").optional(),
  ),
  from: z.preprocess(blankAsUndefined, calendarDateSchema.optional()),
  to: z.preprocess(blankAsUndefined, calendarDateSchema.optional()),
  /** Pages of TIMELINE_PAGE_SIZE claims, the earliest first. */
  page: z.preprocess(blankAsUndefined, canonicalNumber(z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(1_000_000)).optional()),
});

const dateOrder = { path: ["to"], message: "must not be before the start date" };

/** The filters of a story's timeline (GET /api/stories/{id}/timeline and the page's form). */
export const timelineQuerySchema = timelineQueryFields.refine((q) => !q.from || !q.to || q.from <= q.to, dateOrder);
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** A speaker's timeline (GET /api/speakers/{id}/timeline): the same filters, less the speaker. */
export const speakerTimelineQuerySchema = timelineQueryFields.omit({ speaker: true }).refine((q) => !q.from || !q.to || q.from <= q.to, dateOrder);
export type SpeakerTimelineQuery = z.infer<typeof speakerTimelineQuerySchema>;
