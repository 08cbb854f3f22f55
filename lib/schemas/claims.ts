/** Claims: listing them, recording one from a source span, editing it, and linking claims. */
import { z } from "zod";
import { CLAIM_STATUSES, LINK_KINDS } from "../model";
import { calendarDateSchema, idSchema, limitSchema, versionSchema } from "./common";
import { optionalText } from "./fields";
import { createSpeakerSchema } from "./speakers";
import { createStorySchema } from "./stories";

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

/** A span of a source's current text, in code points; `exact` must be the text at start..end. */
export const spanSchema = z
  .object({
    start: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative"),
    end: z.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive"),
    exact: z.string({ error: "must be the selected text" }).min(1, "must not be empty").max(5000, "must be at most 5000 characters"),
  })
  .refine((s) => s.end > s.start, { message: "must end after it starts", path: ["end"] })
  .meta({ description: "end must be greater than start; exact must be the text at start..end" });
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
  })
  // The same rules, for the OpenAPI document: exactly one of speakerId and speaker; not both a
  // storyId and a new story; an anchor needs its sourceId.
  .meta({
    oneOf: [{ required: ["speakerId"] }, { required: ["speaker"] }],
    not: { required: ["storyId", "story"], properties: { storyId: { type: "integer" } } },
    dependentSchemas: { anchor: { required: ["sourceId"], properties: { sourceId: { type: "integer" } } } },
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
  })
  .meta({ oneOf: [{ required: ["targetClaimId"] }, { required: ["targetClaim"] }] });
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

/** What a client sends (before defaults are applied), for typing request bodies. */
export type CreateClaimBody = z.input<typeof createClaimSchema>;
export type UpdateClaimBody = z.input<typeof updateClaimSchema>;
export type CreateLinkBody = z.input<typeof createLinkSchema>;

/** GET /api/claims/{id}/links and the claim's "all links" page: one group, keyset-paged. */
export const listClaimLinksSchema = z.object({
  group: z.enum(["disputes", "related"], { error: "must be disputes or related" }).default("disputes"),
  cursor: z.string().max(500, "malformed cursor").optional(),
  limit: limitSchema.default(50),
});

/**
 * Settling a claim whose quote changed in its source: `accept` makes the source's new words the
 * quote; `keep` keeps the verified quote and makes the claim an orphan to re-attach.
 */
export const quoteDecisionSchema = z
  .object({
    decision: z.enum(["accept", "keep"], { error: "must be accept or keep" }),
    version: versionSchema,
  })
  .strict();
export type QuoteDecisionInput = z.infer<typeof quoteDecisionSchema>;
