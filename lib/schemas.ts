/**
 * zod schemas for API input, shared by route handlers (validation at the edge) and client
 * forms. Named `<verb><Thing>Schema`. Pure: safe in the browser.
 */
import { z } from "zod";
import { CLAIM_STATUSES, EVIDENCE_STANCES, LINK_KINDS, SOURCE_KINDS, SPEAKER_KINDS } from "./model";
import { SEARCH_TYPES } from "./search-query";

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

/** A page of a list filtered by a text query (titles, names). */
export const searchPageQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});

// ---- writes -------------------------------------------------------------------------------

/** The most a source's text may hold: 5 MiB of UTF-8 (about 5 million Latin characters). */
export const MAX_SOURCE_TEXT_BYTES = 5 * 1024 * 1024;

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A calendar date YYYY-MM-DD that exists (no 30 February). */
export const calendarDateSchema = z.string({ error: "must be a date YYYY-MM-DD" }).refine(isCalendarDate, "must be a real date written YYYY-MM-DD");

/** Optional free text: trimmed, and an empty string means "none". */
const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

const httpUrl = z
  .string({ error: "must be a URL" })
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
    } catch {
      return false;
    }
  }, "must be an http(s) URL such as https://example.org/article");

/** The version the change was based on (optimistic concurrency). */
export const versionSchema = z.number({ error: "must be the version number you edited" }).int("must be a whole number").positive("must be positive");

const sourceText = z
  .string({ error: "must be text" })
  .refine((t) => t.trim().length > 0, "must not be empty")
  .refine((t) => new TextEncoder().encode(t).length <= MAX_SOURCE_TEXT_BYTES, `must be at most ${MAX_SOURCE_TEXT_BYTES / 1024 / 1024} MB`);

const sourceFields = {
  title: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(300, "must be at most 300 characters"),
  kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(", ")}` }),
  publisher: optionalText(200),
  author: optionalText(200),
  url: httpUrl.nullish().or(z.literal("").transform(() => null)),
  publishedOn: calendarDateSchema.nullish().or(z.literal("").transform(() => null)),
  language: z
    .string({ error: "must be a language tag" })
    .trim()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "must be a language tag such as en or pt-BR"),
};

export const createSourceSchema = z.object({
  ...sourceFields,
  kind: sourceFields.kind.default("article"),
  language: sourceFields.language.default("en"),
  text: sourceText,
});
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

export const updateSourceSchema = z
  .object({
    title: sourceFields.title.optional(),
    kind: sourceFields.kind.optional(),
    publisher: sourceFields.publisher,
    author: sourceFields.author,
    url: sourceFields.url,
    publishedOn: sourceFields.publishedOn,
    language: sourceFields.language.optional(),
    /** New text: stored as a new revision, and the source's claims are re-anchored. */
    text: sourceText.optional(),
    revisionNote: optionalText(500),
    version: versionSchema,
  })
  .strict();
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

const aliasList = z
  .array(z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"), { error: "must be a list of names" })
  .max(50, "at most 50 aliases");

export const createSpeakerSchema = z.object({
  name: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  kind: z.enum(SPEAKER_KINDS, { error: `must be one of ${SPEAKER_KINDS.join(", ")}` }).default("person"),
  description: optionalText(1000),
  aliases: aliasList.default([]),
  affiliationId: idSchema.nullish(),
});
export type CreateSpeakerInput = z.infer<typeof createSpeakerSchema>;

export const updateSpeakerSchema = z.object({
  name: createSpeakerSchema.shape.name.optional(),
  kind: z.enum(SPEAKER_KINDS, { error: `must be one of ${SPEAKER_KINDS.join(", ")}` }).optional(),
  description: optionalText(1000),
  aliases: aliasList.optional(),
  affiliationId: idSchema.nullish(),
  version: versionSchema,
}).strict();
export type UpdateSpeakerInput = z.infer<typeof updateSpeakerSchema>;

export const mergeSpeakerSchema = z.object({
  /** The speaker that remains; the one in the path is merged into it. */
  targetId: idSchema,
  version: versionSchema,
  targetVersion: versionSchema,
});

export const createStorySchema = z.object({
  title: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  description: optionalText(2000),
});
export type CreateStoryInput = z.infer<typeof createStorySchema>;

export const updateStorySchema = z
  .object({
    title: createStorySchema.shape.title.optional(),
    description: optionalText(2000),
    version: versionSchema,
  })
  .strict();

/** A span of a source's current text, in code points; `exact` must be the text at start..end. */
export const spanSchema = z
  .object({
    start: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative"),
    end: z.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive"),
    exact: z.string({ error: "must be the selected text" }).min(1, "must not be empty").max(5000, "must be at most 5000 characters"),
  })
  .refine((s) => s.end > s.start, { message: "must end after it starts", path: ["end"] });
export type SpanInput = z.infer<typeof spanSchema>;

const claimText = z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters");

export const createClaimSchema = z
  .object({
    text: claimText,
    quote: optionalText(5000),
    speakerId: idSchema.optional(),
    /** A new speaker, created with the claim in the same transaction. */
    speaker: createSpeakerSchema.optional(),
    storyId: idSchema.nullish(),
    /** A new story, created with the claim. */
    story: createStorySchema.optional(),
    sourceId: idSchema.nullish(),
    anchor: spanSchema.optional(),
    statedOn: calendarDateSchema.nullish(),
    /** Save the claim as a repetition of this existing one: a `same-as` link from the new claim to it. */
    sameAsClaimId: idSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.speakerId === undefined) === (c.speaker === undefined)) ctx.addIssue({ code: "custom", path: ["speakerId"], message: "give either speakerId or a new speaker, not both or neither" });
    if (c.storyId != null && c.story !== undefined) ctx.addIssue({ code: "custom", path: ["storyId"], message: "give either storyId or a new story, not both" });
    if (c.anchor && c.sourceId == null) ctx.addIssue({ code: "custom", path: ["sourceId"], message: "is required when an anchor is given" });
  });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const updateClaimSchema = z
  .object({
    text: claimText.optional(),
    quote: optionalText(5000),
    speakerId: idSchema.optional(),
    storyId: idSchema.nullish(),
    statedOn: calendarDateSchema.nullish(),
    /** A new span of the claim's source (re-attaches an orphan, or moves the span). */
    anchor: spanSchema.optional(),
    version: versionSchema,
  })
  .strict();
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** Body of a workflow step (submit, archive): the version it was based on and an optional comment. */
export const transitionBodySchema = z.object({
  comment: optionalText(4000),
  version: versionSchema,
});

/** An editor's decision on a claim in review. */
export const decisionSchema = transitionBodySchema.extend({
  action: z.enum(["approve", "return"], { error: "must be approve or return" }),
});

export const createLinkSchema = z
  .object({
    kind: z.enum(LINK_KINDS, { error: `must be one of ${LINK_KINDS.join(", ")}` }),
    targetClaimId: idSchema.optional(),
    /** A claim made on the spot (from another source, or a statement with no source) as the other end. */
    targetClaim: createClaimSchema.optional(),
    /** Which end the new link starts from: "from" (this claim → target, the default) or "to" (target → this claim). */
    direction: z.enum(["outgoing", "incoming"], { error: "must be outgoing or incoming" }).default("outgoing"),
    note: optionalText(1000),
  })
  .superRefine((l, ctx) => {
    if ((l.targetClaimId === undefined) === (l.targetClaim === undefined)) ctx.addIssue({ code: "custom", path: ["targetClaimId"], message: "give either targetClaimId or a new targetClaim, not both or neither" });
  });
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

/** What a client sends (before defaults are applied), for typing request bodies. */
export type CreateSourceBody = z.input<typeof createSourceSchema>;
export type UpdateSourceBody = z.input<typeof updateSourceSchema>;
export type CreateSpeakerBody = z.input<typeof createSpeakerSchema>;
export type UpdateSpeakerBody = z.input<typeof updateSpeakerSchema>;
export type CreateClaimBody = z.input<typeof createClaimSchema>;
export type UpdateClaimBody = z.input<typeof updateClaimSchema>;
export type CreateLinkBody = z.input<typeof createLinkSchema>;

// ---- reviews, evidence, comments, check requests, assignment --------------------------------

export const evidenceInputSchema = z
  .object({
    stance: z.enum(EVIDENCE_STANCES, { error: `must be one of ${EVIDENCE_STANCES.join(", ")}` }),
    note: z.string({ error: "must be text" }).trim().max(2000, "must be at most 2000 characters").default(""),
    url: httpUrl.optional(),
    /** A span of another source: the source, and the exact words quoted from it (located in its text). */
    sourceId: idSchema.optional(),
    quote: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(5000, "must be at most 5000 characters").optional(),
  })
  .superRefine((e, ctx) => {
    if (!e.url && e.sourceId === undefined) ctx.addIssue({ code: "custom", path: ["url"], message: "give a URL or a source" });
    if (e.quote !== undefined && e.sourceId === undefined) ctx.addIssue({ code: "custom", path: ["sourceId"], message: "is required with a quote" });
  });
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export const createReviewSchema = z.object({
  /** The verdict: a rating key of the default scale. */
  rating: z.string({ error: "must be a rating key" }).trim().min(1, "must not be empty").max(50),
  rationale: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(20_000, "must be at most 20000 characters"),
  evidence: z.array(evidenceInputSchema, { error: "must be a list" }).max(50, "at most 50 items").default([]),
  /** Also send the claim to the review queue (when it is a draft or was returned). */
  submit: z.boolean({ error: "must be true or false" }).default(true),
  version: versionSchema,
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const commentSchema = z.object({
  body: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(5000, "must be at most 5000 characters"),
});

export const checkRequestSchema = z.object({
  reason: z.string({ error: "must be text" }).trim().min(3, "say briefly why (at least 3 characters)").max(1000, "must be at most 1000 characters"),
});

export const assignSchema = z.object({
  assigneeId: z.string({ error: "must be a user id" }).min(1).max(100).nullable(),
  version: versionSchema,
});

export const queueQuerySchema = z.object({
  filter: z.enum(["all", "in_review", "contested", "returned"], { error: "must be all, in_review, contested or returned" }).default("all"),
  story: idSchema.optional(),
  speaker: idSchema.optional(),
  assignee: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema.default(20),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type EvidenceBody = z.input<typeof evidenceInputSchema>;

// ---- claim suggestions ----------------------------------------------------------------------

const codePointOffset = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative");

/** The part of a source's text to suggest claims for (code points; aligned to paragraphs). */
export const suggestionRangeSchema = z
  .object({ start: codePointOffset.optional(), end: codePointOffset.optional() })
  .refine((r) => r.start === undefined || r.end === undefined || r.end > r.start, { message: "must end after it starts", path: ["end"] });
export type SuggestionRangeBody = z.input<typeof suggestionRangeSchema>;

/** A rejected suggestion: its content span of the source's current text, with its words. */
export const rejectSuggestionSchema = spanSchema;
export type RejectSuggestionBody = z.input<typeof rejectSuggestionSchema>;

// ---- timelines -----------------------------------------------------------------------------

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
});

const dateOrder = { path: ["to"], message: "must not be before the start date" };

/** The filters of a story's timeline (GET /api/stories/{id}/timeline and the page's form). */
export const timelineQuerySchema = timelineQueryFields.refine((q) => !q.from || !q.to || q.from <= q.to, dateOrder);
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** A speaker's timeline (GET /api/speakers/{id}/timeline): the same filters, less the speaker. */
export const speakerTimelineQuerySchema = timelineQueryFields.omit({ speaker: true }).refine((q) => !q.from || !q.to || q.from <= q.to, dateOrder);
export type SpeakerTimelineQuery = z.infer<typeof speakerTimelineQuerySchema>;

// ---- search ---------------------------------------------------------------------------------

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
  })
  .superRefine((s, ctx) => {
    if (s.from && s.to && s.from > s.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  });
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** GET /api/claims/similar: claims that look like the one being written. */
export const similarClaimsQuerySchema = z.object({
  text: z
    .string({ error: "must be text" })
    .default("")
    .transform((v) => v.slice(0, 2000)),
  exclude: blank(idSchema),
  limit: blank(limitSchema.max(20, "must be at most 20")).transform((v) => v ?? 5),
});
export type SimilarClaimsQuery = z.output<typeof similarClaimsQuerySchema>;
