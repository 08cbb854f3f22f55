/**
 * What the API answers, as zod schemas beside the DTO types they describe: the OpenAPI document
 * generates every operation's response schema from these, and a test checks real answers
 * against it. Each schema whose DTO is a plain type is checked against that type (both ways) at
 * compile time, so the two cannot drift apart; the JSON-LD documents (ClaimReview, Web
 * Annotation) and the history entries are described by their required members.
 */
import { z } from "zod";
import type * as dto from "../dto";
import type { ApiTokenDTO, RatingScaleDTO, ScaleRatingDTO, UserDTO } from "../admin-schemas";
import type { SimilarClaimDTO } from "../search-query";
import { ANCHOR_STATES, CLAIM_STATUSES, EVIDENCE_STANCES, IMPORT_FORMATS, IMPORT_STATES, LINK_KINDS, QUEUE_REASONS, REVIEW_STATES, ROLES, SOURCE_KINDS, SPEAKER_KINDS } from "../model";

const nullableString = z.string().nullable();
const timestamp = z.string().describe("ISO-8601 timestamp");
const calendarDate = z.string().describe("YYYY-MM-DD");

// ---- shared --------------------------------------------------------------------------------

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe("each bad field and what is wrong with it"),
    current: z.unknown().optional().describe("on a 409 for a stale version: the current state"),
  }),
});

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: nullableString, hasMore: z.boolean() });
export const itemsSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const deletedSchema = z.object({ id: z.number().int(), deleted: z.literal(true) });

export const facetSchema = z.object({ options: z.array(z.object({ id: z.number().int(), label: z.string() })), selected: z.object({ id: z.number().int(), label: z.string() }).nullable(), more: z.boolean() });

// ---- speakers, stories, sources ------------------------------------------------------------

export const speakerRefSchema = z.object({ id: z.number().int(), name: z.string(), kind: z.enum(SPEAKER_KINDS) });
export const speakerSchema = speakerRefSchema.extend({
  description: nullableString,
  aliases: z.array(z.string()),
  affiliation: speakerRefSchema.nullable(),
  mergedIntoId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
const speakerNamesSchema = z.object({ id: z.number().int(), name: z.string(), aliases: z.array(z.string()) });
export const speakerMatchSchema = z.object({ exact: speakerNamesSchema.nullable(), close: z.array(speakerNamesSchema) });
export const speakerDetailSchema = speakerSchema.extend({ affiliates: z.array(speakerRefSchema), claimCount: z.number().int(), contestedCount: z.number().int() });

export const storyRefSchema = z.object({ id: z.number().int(), title: z.string() });
export const storySchema = storyRefSchema.extend({
  description: nullableString,
  claimCount: z.number().int(),
  firstStatedOn: calendarDate.nullable(),
  lastStatedOn: calendarDate.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const sourceRefSchema = z.object({ id: z.number().int(), title: z.string(), kind: z.enum(SOURCE_KINDS), publisher: nullableString, url: nullableString, publishedOn: calendarDate.nullable() });
export const sourceSummarySchema = sourceRefSchema.extend({
  author: nullableString,
  language: z.string(),
  revision: z.number().int(),
  publishable: z.boolean().describe("readers may see the whole text"),
  claimCount: z.number().int(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const sourceSchema = sourceSummarySchema.extend({ text: z.string(), length: z.number().int().describe("code points"), textWithheld: z.boolean().describe("for a reader when the source is not publishable: text is then empty") });
export const reanchorReportSchema = z.object({
  revision: z.number().int(),
  anchored: z.number().int(),
  moved: z.number().int(),
  fuzzy: z.number().int(),
  orphaned: z.number().int(),
  stillOrphaned: z.number().int(),
  reattached: z.number().int(),
  quoteChanged: z.array(z.object({ claimId: z.number().int(), text: z.string(), quote: z.string(), proposed: z.string() })),
});
export const revisedSourceSchema = sourceSchema.extend({ reanchor: reanchorReportSchema.nullable() });
export const revisionSchema = z.object({ revision: z.number().int(), note: nullableString, author: z.object({ id: z.string(), name: z.string() }), createdAt: timestamp, length: z.number().int() });
export const revisionTextSchema = revisionSchema.extend({ text: z.string() });

// ---- claims --------------------------------------------------------------------------------

export const ratingSchema = z.object({ id: z.number().int(), key: z.string(), label: z.string(), description: z.string(), colour: z.string(), value: z.number().nullable(), position: z.number().int() });
export const anchorSchema = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.number().int(), end: z.number().int(), revision: z.number().int(), state: z.enum(ANCHOR_STATES) });
export const claimSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  quote: nullableString,
  status: z.enum(CLAIM_STATUSES),
  statedOn: calendarDate.nullable(),
  speaker: speakerRefSchema.extend({ affiliation: speakerRefSchema.nullable() }),
  source: sourceRefSchema.nullable(),
  story: storyRefSchema.nullable(),
  verdict: z.object({ rating: ratingSchema, rationale: nullableString }).nullable(),
  anchor: anchorSchema.nullable(),
  quoteChanged: nullableString.describe("the words the anchored span now holds when a revision changed them"),
  contested: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  publishedAt: timestamp.nullable(),
});
export const linkSchema = z.object({ id: z.number().int(), kind: z.enum(LINK_KINDS), direction: z.enum(["outgoing", "incoming"]), note: nullableString, createdAt: timestamp, claim: claimSchema });
export const claimDetailSchema = claimSchema.extend({
  links: z.array(linkSchema).describe("the first 20 of each group"),
  linkCounts: z.object({ disputes: z.number().int(), related: z.number().int() }),
  context: z.object({ before: z.string(), quote: z.string(), after: z.string() }).nullable(),
});
export const claimLinksPageSchema = pageSchema(linkSchema).extend({ total: z.number().int() });
export const linkedClaimSchema = claimDetailSchema.extend({ linkId: z.number().int() });
export const contestedPairSchema = z.object({ linkId: z.number().int(), note: nullableString, createdAt: timestamp, claim: claimSchema, counter: claimSchema });
export const similarClaimSchema = z.object({ claim: claimSchema, score: z.number(), sharedNumbers: z.array(z.number()) });
export const matchSchema = z.object({
  claim: claimSchema,
  strength: z.enum(["strong", "possible", "weak"]),
  probability: z.number().min(0).max(1),
  why: z.object({
    sharedNames: z.array(z.string()),
    sharedFigures: z.array(z.string()),
    sharedPhrases: z.array(z.string()),
    disagreeingFigures: z.array(z.object({ post: z.string(), candidate: z.string() })),
  }),
});

// ---- the editorial workflow ----------------------------------------------------------------

export const personRefSchema = z.object({ id: z.string(), name: z.string() });
export const returnNoteSchema = z.object({ by: personRefSchema, at: timestamp, comment: z.string() });
export const reviewSchema = z.object({
  id: z.number().int(),
  claimId: z.number().int(),
  rating: ratingSchema,
  rationale: z.string(),
  state: z.enum(REVIEW_STATES),
  author: personRefSchema,
  decidedBy: personRefSchema.nullable(),
  decisionComment: nullableString,
  decidedAt: timestamp.nullable(),
  createdAt: timestamp,
});
export const evidenceSchema = z.object({
  id: z.number().int(),
  stance: z.enum(EVIDENCE_STANCES),
  note: z.string(),
  url: nullableString,
  source: sourceRefSchema.nullable(),
  quote: nullableString,
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  createdAt: timestamp,
});
export const commentDtoSchema = z.object({ id: z.number().int(), author: personRefSchema, body: z.string(), createdAt: timestamp });
export const evidencePageSchema = pageSchema(evidenceSchema).extend({ total: z.number().int() });
export const commentsPageSchema = pageSchema(commentDtoSchema).extend({ total: z.number().int() });
export const editorialSchema = z.object({
  claimId: z.number().int(),
  reviews: z.array(reviewSchema),
  pending: reviewSchema.nullable(),
  lastReturn: returnNoteSchema.nullable(),
  evidence: z.array(evidenceSchema),
  comments: z.array(commentDtoSchema),
  counts: z.object({ reviews: z.number().int(), evidence: z.number().int(), comments: z.number().int() }),
  checkRequests: z.number().int(),
  assignee: personRefSchema.nullable(),
});
export const queueItemSchema = z.object({
  claim: claimSchema,
  reason: z.enum(QUEUE_REASONS),
  pending: reviewSchema.nullable(),
  lastReturn: returnNoteSchema.nullable(),
  requests: z.number().int(),
  assignee: personRefSchema.nullable(),
  otherSide: z.array(claimSchema),
  otherSideCount: z.number().int(),
});
export const checkRequestAnswerSchema = z.object({ claimId: z.number().int(), requests: z.number().int() });

// ---- timelines -----------------------------------------------------------------------------

const timelineView = z.object({
  claims: z.array(claimSchema),
  context: z.array(claimSchema),
  links: z.array(z.object({ id: z.number().int(), kind: z.enum(LINK_KINDS), fromClaimId: z.number().int(), toClaimId: z.number().int() })),
  filters: z.object({ by: z.enum(["speaker", "side"]), speaker: z.number().int().nullable(), verdict: nullableString, from: calendarDate.nullable(), to: calendarDate.nullable() }),
  facets: z.object({ speakers: facetSchema, ratings: z.array(ratingSchema) }),
  total: z.number().int(),
  page: z.object({ size: z.number().int(), matched: z.number().int(), first: z.number().int(), next: nullableString, previous: nullableString }),
});
export const storyTimelineSchema = timelineView.extend({ story: storySchema });
export const speakerTimelineSchema = timelineView.extend({ speaker: speakerDetailSchema });

// ---- suggestions ---------------------------------------------------------------------------

const textSpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
export const suggestionSchema = z.object({
  content: textSpanSchema,
  source: textSpanSchema.nullable(),
  cue: textSpanSchema.nullable(),
  speaker: z.object({ name: z.string(), kind: z.enum(SPEAKER_KINDS), speakerId: z.number().int().nullable(), speakerName: nullableString }).nullable(),
  quantities: z.array(z.looseObject({})).describe("the figures stated (see lib/suggest)"),
  score: z.number(),
  scoreParts: z.looseObject({}).describe("the check-worthiness score's ingredients (see lib/suggest/README.md)"),
  kind: z.string(),
  confidence: z.number(),
  group: z.enum(["high", "medium", "low"]),
  statement: z.string().describe("the normalised claim text proposed"),
});
export const suggestionsPageSchema = z.object({
  items: z.array(suggestionSchema),
  range: z.object({ start: z.number().int(), end: z.number().int() }),
  length: z.number().int(),
  done: z.boolean(),
  rejected: z.number().int(),
  claimed: z.number().int(),
  fragments: z.number().int(),
});
export const suggestionRejectionSchema = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  revision: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  createdAt: timestamp,
  created: z.boolean(),
});
export const acceptedSuggestionsSchema = z.object({ items: z.array(claimSchema).describe("the draft claims made, in the order the suggestions were given") });

// ---- search --------------------------------------------------------------------------------

const segments = z.array(z.object({ text: z.string(), match: z.boolean() }));
export const searchPageSchema = z.object({
  items: z.array(
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("claim"), id: z.number().int(), claim: claimSchema, snippet: segments, matchedIn: z.enum(["text", "quote"]) }),
      z.object({ type: z.literal("source"), id: z.number().int(), source: sourceRefSchema, title: segments, snippet: segments }),
      z.object({
        type: z.literal("speaker"),
        id: z.number().int(),
        speaker: speakerRefSchema.extend({ description: nullableString, affiliation: speakerRefSchema.nullable(), aliases: z.array(z.string()) }),
        name: segments,
        snippet: segments,
      }),
    ]),
  ),
  nextCursor: nullableString,
  hasMore: z.boolean(),
  mode: z.enum(["all", "any"]),
  understood: z.string(),
  capped: z.boolean(),
  correction: z.object({ typed: z.string(), query: z.string(), words: z.array(z.object({ from: z.string(), to: z.string() })) }).nullable(),
});

// ---- history -------------------------------------------------------------------------------

export const historySchema = z.object({
  asOf: timestamp,
  entity: z.object({ type: z.enum(["claim", "source", "speaker"]), id: z.number().int(), name: z.string(), version: z.number().int(), href: z.string(), locked: nullableString }),
  items: z.array(
    z.looseObject({
      eventId: z.number().int(),
      entityType: z.string(),
      entityId: z.string(),
      action: z.string(),
      summary: z.string(),
      actor: z.looseObject({}),
      at: timestamp,
      comment: nullableString,
      changes: z.array(z.looseObject({})),
      viewable: z.boolean(),
      restorable: z.boolean(),
    }),
  ),
  version: z.looseObject({ eventId: z.number().int(), action: z.string(), at: timestamp, version: z.number().int().nullable(), snapshot: z.record(z.string(), z.unknown()), fields: z.array(z.looseObject({})), restorable: z.boolean() }).optional().describe("with ?version=EVENT: the entity as it was right after that event"),
});

// ---- administration ------------------------------------------------------------------------

export const scaleRatingSchema = ratingSchema.extend({ version: z.number().int(), usage: z.object({ claims: z.number().int(), reviews: z.number().int() }).optional() });
export const ratingScaleSchema = z.object({ scale: z.object({ id: z.number().int(), name: z.string() }), items: z.array(scaleRatingSchema) });
export const userSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES), active: z.boolean(), createdAt: timestamp, version: z.number().int() });
export const apiTokenSchema = z.object({ id: z.number().int(), name: z.string(), prefix: z.string(), createdAt: timestamp, expiresAt: timestamp.nullable(), lastUsedAt: timestamp.nullable(), revokedAt: timestamp.nullable() });
export const newApiTokenSchema = apiTokenSchema.extend({ token: z.string().describe("the secret: sent this once, never again") });

// ---- imports -------------------------------------------------------------------------------

export const importSchema = z.object({
  id: z.number().int(),
  format: z.enum(IMPORT_FORMATS),
  state: z.enum(IMPORT_STATES),
  dryRun: z.boolean(),
  filename: nullableString,
  actor: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
  error: nullableString,
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  undoneAt: timestamp.nullable(),
  undoneBy: nullableString,
  report: z
    .object({
      items: z.array(z.object({ ref: z.string(), outcome: z.enum(["created", "updated", "unchanged", "refused"]), claimId: z.number().int().optional(), reason: z.string().optional(), notes: z.array(z.string()).optional() })),
      unmappedVerdicts: z.array(z.object({ label: z.string(), count: z.number().int(), refs: z.array(z.string()) })),
      made: z.object({ speakers: z.number().int(), stories: z.number().int(), sources: z.number().int() }),
    })
    .nullable(),
});

// ---- interchange formats (JSON-LD) ---------------------------------------------------------

export const claimReviewJsonLdSchema = z.looseObject({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("ClaimReview"),
  url: z.string(),
  claimReviewed: z.string(),
  datePublished: z.string(),
  author: z.looseObject({ name: z.string(), url: z.string() }),
  reviewRating: z.looseObject({ "@type": z.literal("Rating"), alternateName: z.string() }),
  itemReviewed: z.looseObject({ "@type": z.literal("Claim"), text: z.string() }),
});
export const claimReviewFeedSchema = z.object({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("DataFeed"),
  "@id": z.string(),
  name: z.string(),
  url: z.string(),
  dateModified: timestamp.nullable(),
  dataFeedElement: z.array(claimReviewJsonLdSchema),
  nextPage: z.string().optional().describe("absent on the last page"),
});
export const webAnnotationSchema = z.looseObject({
  id: z.string(),
  type: z.literal("Annotation"),
  motivation: z.literal("identifying"),
  body: z.array(z.looseObject({ type: z.string() })),
  target: z.looseObject({ type: z.literal("SpecificResource"), source: z.string(), selector: z.array(z.looseObject({ type: z.string() })) }),
});
const annotationPageSchema = z.looseObject({ id: z.string(), type: z.literal("AnnotationPage"), startIndex: z.number().int().optional().describe("left out where pages follow by keyset"), items: z.array(webAnnotationSchema), next: z.string().optional() });
export const annotationCollectionOrPageSchema = z.union([
  z.looseObject({ id: z.string(), type: z.literal("AnnotationCollection"), label: z.string(), total: z.number().int(), first: z.union([annotationPageSchema, z.string()]).optional() }),
  annotationPageSchema,
]);

export const oembedSchema = z.object({
  version: z.literal("1.0"),
  type: z.literal("rich"),
  provider_name: z.string(),
  provider_url: z.string(),
  title: z.string(),
  author_name: z.string(),
  author_url: z.string(),
  html: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  cache_age: z.number().int(),
});

export const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });

// ---- compile-time checks: each schema and its DTO type describe the same values -------------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <S extends z.ZodType, T>(ok: Same<z.output<S>, T>) => ok;
export const SCHEMAS_MATCH_DTOS = [
  same<typeof apiErrorSchema, dto.ApiErrorBody>(true),
  same<typeof speakerSchema, dto.SpeakerDTO>(true),
  same<typeof speakerDetailSchema, dto.SpeakerDetailDTO>(true),
  same<typeof storySchema, dto.StoryDTO>(true),
  same<typeof sourceSummarySchema, dto.SourceSummaryDTO>(true),
  same<typeof sourceSchema, dto.SourceDTO>(true),
  same<typeof revisedSourceSchema, dto.SourceDTO & { reanchor: dto.ReanchorReport | null }>(true),
  same<typeof revisionSchema, dto.RevisionDTO>(true),
  same<typeof claimSchema, dto.ClaimDTO>(true),
  same<typeof claimDetailSchema, dto.ClaimDetailDTO>(true),
  same<typeof contestedPairSchema, dto.ContestedPairDTO>(true),
  same<typeof similarClaimSchema, SimilarClaimDTO>(true),
  same<typeof matchSchema, dto.MatchDTO>(true),
  same<typeof speakerMatchSchema, dto.SpeakerMatchDTO>(true),
  same<typeof editorialSchema, dto.EditorialDTO>(true),
  same<typeof queueItemSchema, dto.QueueItemDTO>(true),
  same<typeof storyTimelineSchema, dto.StoryTimelineDTO>(true),
  same<typeof speakerTimelineSchema, dto.SpeakerTimelineDTO>(true),
  same<typeof suggestionRejectionSchema, dto.SuggestionRejectionDTO>(true),
  same<typeof acceptedSuggestionsSchema, dto.AcceptedSuggestionsDTO>(true),
  same<typeof importSchema, dto.ImportDTO>(true),
  same<typeof scaleRatingSchema, ScaleRatingDTO>(true),
  same<typeof ratingScaleSchema, RatingScaleDTO>(true),
  same<typeof userSchema, UserDTO>(true),
  same<typeof apiTokenSchema, ApiTokenDTO>(true),
];
