/** The editorial workflow: workflow steps, editors' decisions, reviews, evidence, comments, check requests, assignment, the queue. */
import { z } from "zod";
import { EVIDENCE_STANCES } from "../model";
import { idSchema, limitSchema, versionSchema } from "./common";
import { httpUrl, optionalText } from "./fields";

/** Body of a workflow step (submit, archive): the version it was based on and an optional comment. */
export const transitionBodySchema = z.object({
  comment: optionalText(4000),
  version: versionSchema,
});

/** An editor's decision on a claim in review. */
export const decisionSchema = transitionBodySchema
  .extend({
    action: z.enum(["approve", "return"], { error: "must be approve or return" }),
  })
  .superRefine((d, ctx) => {
    if (d.action === "return" && !d.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "is required to return a claim: say what needs to change" });
  })
  .meta({ if: { required: ["action"], properties: { action: { const: "return" } } }, then: { required: ["comment"], properties: { comment: { type: "string", pattern: "\\S" } } } });

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
  })
  .meta({ anyOf: [{ required: ["url"] }, { required: ["sourceId"] }], dependentRequired: { quote: ["sourceId"] } });
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

/** GET /api/claims/{id}/evidence and …/comments, and the claim's editorial page: newest first, keyset-paged. */
export const editorialListQuerySchema = z.object({
  cursor: z.string().max(500, "malformed cursor").optional(),
  limit: limitSchema.default(50),
});

export const checkRequestSchema = z.object({
  reason: z.string({ error: "must be text" }).trim().min(3, "say briefly why (at least 3 characters)").max(1000, "must be at most 1000 characters"),
});

export const assignSchema = z.object({
  assigneeId: z.string({ error: "must be a user id" }).min(1).max(100).nullable(),
  version: versionSchema,
});

export const queueQuerySchema = z.object({
  filter: z.enum(["all", "quote_changed", "in_review", "contested", "returned"], { error: "must be all, quote_changed, in_review, contested or returned" }).default("all"),
  story: idSchema.optional(),
  speaker: idSchema.optional(),
  assignee: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema.default(20),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type EvidenceBody = z.input<typeof evidenceInputSchema>;
