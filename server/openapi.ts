import "server-only";
import { z } from "zod";
import { createRatingSchema, createTokenSchema, createUserSchema, listTokensQuerySchema, updateRatingSchema, updateUserSchema } from "@/lib/admin-schemas";
import { historyQuerySchema, restoreVersionSchema } from "@/lib/history-schemas";
import * as s from "@/lib/schemas";
import * as r from "@/lib/schemas/responses";
import { ANNOTATION_MEDIA_TYPE } from "@/lib/web-annotation";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import type { Permission } from "./authz";
import { AUTH_BODY_LIMIT, formatLimit, JSON_BODY_LIMIT } from "./http";
import { ACCEPT_BODY_LIMIT } from "./suggestions";
import { IDEMPOTENCY_HEADER } from "./idempotency";
import { SOURCE_JSON_LIMIT, SOURCE_UPLOAD_LIMIT } from "./source-upload";

/**
 * The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Request schemas
 * are generated from the same zod schemas the route handlers validate with, so they cannot
 * disagree; a test checks that every route file's methods are described here and nothing else.
 */
interface Operation {
  summary: string;
  /** Who may call it: "public" reads and writes need no credentials. */
  auth: Permission | "staff";
  query?: z.ZodType;
  body?: z.ZodType;
  /** Path parameters other than the usual numeric {id}. */
  pathParams?: Record<string, string>;
  /** A body that is a file, not JSON: the media types accepted. */
  fileBody?: Record<string, string>;
  /** The success status, when not 200 (GET) or 201 (POST). */
  status?: string;
  /** The success media type, when not JSON. */
  produces?: string;
  /** A multipart/form-data alternative to the JSON body (a file upload). */
  multipart?: Record<string, unknown>;
  /** The success answer's JSON (every JSON operation has one; a CSV or JSON Lines download has none). */
  response?: z.ZodType;
  /** The body's limit in bytes (413 beyond), when not JSON_BODY_LIMIT; every operation with a body has one. */
  bodyLimit?: number;
  /** The limit of the multipart/form-data alternative, when there is one. */
  multipartLimit?: number;
  /** A POST that only reads (nothing is made): it takes no Idempotency-Key. */
  read?: true;
  /** Why the operation may answer 422 besides a reused Idempotency-Key. */
  unprocessable?: string;
  /** The rate limit behind the operation's 429. */
  rateLimited?: string;
  /**
   * A request that works against the demo data (path ids aside): its query, JSON body or file.
   * A test sends every one to the real route and checks the answer against `response`.
   */
  example: { query?: Record<string, string>; body?: unknown; file?: { type: string; content: string } };
}

export const OPERATIONS: Record<string, Partial<Record<"get" | "post" | "patch" | "delete", Operation>>> = {
  "/api/claims": {
    get: { summary: "Claims, newest first, filtered", auth: "public", query: s.listClaimsQuerySchema, response: r.pageSchema(r.claimSchema), example: { query: { status: "published", limit: "5" } } },
    post: { summary: "A new draft claim, from a span of a source or a statement with no source", auth: "content:write", body: s.createClaimSchema, response: r.claimDetailSchema, example: { body: { text: "Unemployment fell to 4 percent last year.", speaker: { name: "A. Minister" } } } },
  },
  "/api/claims/similar": { get: { summary: "Existing claims that look like a text (numbers matching count extra)", auth: "content:write", query: s.similarClaimsQuerySchema, response: r.itemsSchema(r.similarClaimSchema), example: { query: { text: "53 scam centers in Cambodia" } } } },
  "/api/matches": {
    get: { summary: "Checked before? Published claims a text may repeat, each with its strength and why it matches", auth: "public", query: s.findMatchesSchema, response: r.itemsSchema(r.matchSchema), example: { query: { text: "Amnesty says there are 53 scam centres in Cambodia", limit: "3" } } },
    post: { summary: "Checked before? The same, for a long text in the body", auth: "public", read: true, body: s.findMatchesSchema, status: "200", response: r.itemsSchema(r.matchSchema), example: { body: { text: "Amnesty says there are 53 scam centres in Cambodia" } } },
  },
  "/api/claims/{id}": {
    get: { summary: "A claim with its links and its quote in context", auth: "public", response: r.claimDetailSchema, example: {} },
    patch: { summary: "Edit a claim; a new anchor re-attaches an orphan", auth: "content:write", body: s.updateClaimSchema, unprocessable: "re-attaching a claim to words other than its quote without saying which it quotes (`fields` names what to send)", response: r.claimDetailSchema, example: { body: { statedOn: "2025-06-01", version: 1 } } },
  },
  "/api/claims/{id}/links": {
    get: { summary: "The claim's links of one group (disputes, or the others), oldest first, keyset-paged, with the group's total", auth: "public", query: s.listClaimLinksSchema, response: r.claimLinksPageSchema, example: { query: { group: "disputes", limit: "10" } } },
    post: { summary: "Link to another claim (existing or made on the spot)", auth: "content:write", body: s.createLinkSchema, response: r.linkedClaimSchema, example: { body: { kind: "disputes", targetClaim: { text: "The report is exaggerated.", speaker: { name: "A. Spokesman" } }, note: "answered the next day" } } } ,
  },
  "/api/claims/{id}/quote": { post: { summary: "Settle a quote that changed in its source: accept the new words, or keep the quote (the claim becomes an orphan to re-attach); a published claim's needs review:decide", auth: "content:write", body: s.quoteDecisionSchema, response: r.claimDetailSchema, example: { body: { decision: "accept", version: 1 } } } },
  "/api/claims/{id}/submit": { post: { summary: "Send a draft or returned claim for review", auth: "content:write", body: s.transitionBodySchema, response: r.claimDetailSchema, example: { body: { comment: "Ready for review", version: 1 } } } },
  "/api/claims/{id}/decision": { post: { summary: "Approve (publish, with the pending verdict) or return a claim", auth: "review:decide", body: s.decisionSchema, response: r.editorialSchema, example: { body: { action: "approve", version: 1 } } } },
  "/api/claims/{id}/archive": { post: { summary: "Archive a published or returned claim", auth: "claims:archive", body: s.transitionBodySchema, response: r.claimDetailSchema, example: { body: { comment: "Superseded", version: 1 } } } },
  "/api/claims/{id}/assign": { post: { summary: "Assign a claim to a staff member", auth: "claims:assign", body: s.assignSchema, response: r.editorialSchema, example: { body: { assigneeId: null, version: 1 } } } },
  "/api/claims/{id}/reviews": { post: { summary: "Propose a verdict with rationale and evidence", auth: "review:draft", body: s.createReviewSchema, response: r.editorialSchema, example: { body: { rating: "false", rationale: "The ministry's own figures say otherwise.", evidence: [{ stance: "refutes", url: "https://example.org/figures", note: "Table 3" }], version: 1 } } } },
  "/api/claims/{id}/evidence": {
    get: { summary: "The claim's evidence, newest first, keyset-paged, with its total (the editorial view carries the newest 20)", auth: "staff", query: s.editorialListQuerySchema, response: r.evidencePageSchema, example: { query: { limit: "10" } } },
    post: { summary: "Attach evidence", auth: "content:write", body: s.evidenceInputSchema, response: r.evidenceSchema, example: { body: { stance: "context", url: "https://example.org/background" } } },
  },
  "/api/claims/{id}/comments": {
    get: { summary: "The claim's comments, newest first, keyset-paged, with their total (the editorial view carries the newest 20)", auth: "staff", query: s.editorialListQuerySchema, response: r.commentsPageSchema, example: { query: { limit: "10" } } },
    post: { summary: "Comment on a claim", auth: "comment:write", body: s.commentSchema, response: r.commentDtoSchema, example: { body: { body: "Is there a second source for this figure?" } } },
  },
  "/api/claims/{id}/check-requests": { post: { summary: "A reader asks for a check (rate-limited)", auth: "public", body: s.checkRequestSchema, rateLimited: "five requests an hour per reader (signed-in account, else client address), one per claim a day", response: r.checkRequestAnswerSchema, example: { body: { reason: "I heard this repeated on the radio." } } } },
  "/api/claims/{id}/editorial": { get: { summary: "Proposed verdicts, evidence and comments (the newest 20 of each, with their totals), check requests (counted) and assignee", auth: "staff", response: r.editorialSchema, example: {} } },
  "/api/claims/{id}/history": { get: { summary: "The claim's field-level history", auth: "staff", query: historyQuerySchema, response: r.historySchema, example: {} } },
  "/api/claims/{id}/restore": { post: { summary: "Restore an earlier version (a new event)", auth: "content:write", body: restoreVersionSchema, response: r.claimDetailSchema, example: { body: { eventId: 1, version: 1 } } } },
  "/api/claims/{id}/claimreview": { get: { summary: "ClaimReview JSON-LD of a published verdict", auth: "public", produces: "application/ld+json", response: r.claimReviewJsonLdSchema, example: {} } },
  "/api/claims/{id}/annotation": { get: { summary: "The claim as a W3C Web Annotation", auth: "public", produces: ANNOTATION_MEDIA_TYPE, response: r.webAnnotationSchema, example: {} } },
  "/api/links/{id}": { delete: { summary: "Remove a link", auth: "content:write", response: r.deletedSchema, example: {} } },
  "/api/evidence/{id}": { delete: { summary: "Remove an evidence item", auth: "content:write", response: r.deletedSchema, example: {} } },
  "/api/reviews/{id}/decision": { post: { summary: "Approve or return a proposed verdict", auth: "review:decide", body: s.decisionSchema, response: r.editorialSchema, example: { body: { action: "return", comment: "Add the ministry's answer.", version: 1 } } } },
  "/api/queue": { get: { summary: "The review queue", auth: "staff", query: s.queueQuerySchema, response: r.pageSchema(r.queueItemSchema), example: { query: { filter: "all", limit: "10" } } } },
  "/api/contested": { get: { summary: "Disputed claims paired with their counter-claims", auth: "public", query: s.listContestedQuerySchema, response: r.pageSchema(r.contestedPairSchema), example: { query: { limit: "10" } } } },
  "/api/search": { get: { summary: "Full-text search over claims, sources and speakers", auth: "public", query: s.searchQuerySchema, response: r.searchPageSchema, example: { query: { q: "scam centers", type: "all" } } } },
  "/api/sources": {
    get: { summary: "Sources, newest first (without their text)", auth: "public", query: s.searchPageQuerySchema, response: r.pageSchema(r.sourceSummarySchema), example: { query: { q: "Amnesty", limit: "5" } } },
    post: {
      summary: "A new source (JSON, or multipart with a .txt/.md/.html file)",
      auth: "content:write",
      body: s.createSourceSchema,
      bodyLimit: SOURCE_JSON_LIMIT,
      multipartLimit: SOURCE_UPLOAD_LIMIT,
      response: r.sourceSchema,
      example: { body: { title: "Minister's budget speech", kind: "transcript", text: "Unemployment fell to 4 percent last year.", publishedOn: "2025-03-02", url: "https://example.org/speech" } },
      multipart: {
        type: "object",
        description: "The source's fields as form fields, and either `text` or `file`: a .txt, .md or .html file (up to 20 MiB) whose text is extracted; its own title, author, date, language and URL fill the fields left empty.",
        properties: {
          file: { type: "string", format: "binary" },
          text: { type: "string" },
          title: { type: "string" },
          kind: { type: "string" },
          publisher: { type: "string" },
          author: { type: "string" },
          url: { type: "string" },
          publishedOn: { type: "string" },
          language: { type: "string" },
        },
      },
    },
  },
  "/api/sources/from-url": { post: { summary: "A new source from a web page: fetched (http/https only, time and size limits, bounded redirects, no private or loopback addresses), text and metadata extracted", auth: "content:write", body: s.createSourceFromUrlSchema, response: r.sourceSchema, example: { body: { url: "https://news.example.org/article", kind: "article" } } } },
  "/api/sources/{id}": {
    get: { summary: "A source with its text", auth: "public", response: r.sourceSchema, example: {} },
    patch: { summary: "Edit a source; new text makes a revision and re-anchors its claims", auth: "content:write", body: s.updateSourceSchema, bodyLimit: SOURCE_JSON_LIMIT, response: r.revisedSourceSchema, example: { body: { publisher: "The Example Times", version: 1 } } },
  },
  "/api/sources/{id}/claims": { get: { summary: "The claims made in a source, in text order", auth: "public", response: r.itemsSchema(r.claimSchema), example: {} } },
  "/api/sources/{id}/annotations": { get: { summary: "The source's claims as a W3C AnnotationCollection (with ?page=N: one AnnotationPage, 100 items)", auth: "public", query: s.collectionPageQuerySchema, produces: ANNOTATION_MEDIA_TYPE, response: r.annotationCollectionOrPageSchema, example: { query: { page: "0" } } } },
  "/api/sources/{id}/revisions": { get: { summary: "Every revision of the text", auth: "public", response: r.itemsSchema(r.revisionSchema), example: {} } },
  "/api/sources/{id}/revisions/{revision}": { get: { summary: "One revision's text", auth: "public", pathParams: { revision: "the revision number" }, response: r.revisionTextSchema, example: {} } },
  "/api/sources/{id}/history": { get: { summary: "The source's field-level history", auth: "staff", query: historyQuerySchema, response: r.historySchema, example: {} } },
  "/api/sources/{id}/restore": { post: { summary: "Restore an earlier version", auth: "content:write", body: restoreVersionSchema, response: r.revisedSourceSchema, example: { body: { eventId: 1, version: 1 } } } },
  "/api/sources/{id}/suggestions": { post: { summary: "Claim suggestions for the source text (or a range of it)", auth: "content:write", body: s.suggestionRangeSchema, status: "200", response: r.suggestionsPageSchema, example: { body: { start: 0 } } } },
  "/api/sources/{id}/suggestions/accept": { post: { summary: "Accept a group of suggestions: a draft claim each (a new speaker that several name is made once), in one transaction — all or none; a refused item is named by its place (fields items.N.…)", auth: "content:write", body: s.acceptSuggestionsSchema, bodyLimit: ACCEPT_BODY_LIMIT, response: r.acceptedSuggestionsSchema, example: { body: { items: [{ text: "Amnesty said so.", anchor: { start: 0, end: 7, exact: "Amnesty" }, speaker: { name: "Amnesty International" } }] } } } },
  "/api/sources/{id}/suggestions/rejections": { post: { summary: "Reject a suggestion for good", auth: "content:write", body: s.rejectSuggestionSchema, response: r.suggestionRejectionSchema, example: { body: { start: 0, end: 7, exact: "Amnesty" } } } },
  "/api/speakers": {
    get: { summary: "Speakers A–Z; q matches names and aliases", auth: "public", query: s.searchPageQuerySchema, response: r.pageSchema(r.speakerSchema), example: { query: { q: "Amnesty" } } },
    post: { summary: "A new speaker", auth: "content:write", body: s.createSpeakerSchema, response: r.speakerDetailSchema, example: { body: { name: "Jane Doe", kind: "person", aliases: ["J. Doe"] } } },
  },
  "/api/speakers/match": { get: { summary: "The speaker a typed name means (name or alias, titles and party tags aside) and close ones", auth: "staff", query: s.speakerMatchQuerySchema, response: r.speakerMatchSchema, example: { query: { name: "Rep. Elijah Cummings" } } } },
  "/api/speakers/{id}": {
    get: { summary: "A speaker with affiliation, affiliates and counts", auth: "public", response: r.speakerDetailSchema, example: {} },
    patch: { summary: "Edit a speaker", auth: "content:write", body: s.updateSpeakerSchema, response: r.speakerDetailSchema, example: { body: { description: "Member of parliament", version: 1 } } },
  },
  "/api/speakers/{id}/merge": { post: { summary: "Merge this speaker into another", auth: "speakers:merge", body: s.mergeSpeakerSchema, response: r.speakerDetailSchema, example: { body: { targetId: 2, version: 1, targetVersion: 1 } } } },
  "/api/speakers/{id}/timeline": { get: { summary: "A speaker's claims in stated order", auth: "public", query: s.speakerTimelineQuerySchema, response: r.speakerTimelineSchema, example: { query: { by: "side" } } } },
  "/api/speakers/{id}/history": { get: { summary: "The speaker's field-level history", auth: "staff", query: historyQuerySchema, response: r.historySchema, example: {} } },
  "/api/speakers/{id}/restore": { post: { summary: "Restore an earlier version", auth: "content:write", body: restoreVersionSchema, response: r.speakerDetailSchema, example: { body: { eventId: 1, version: 1 } } } },
  "/api/stories": {
    get: { summary: "Stories, most recently active first", auth: "public", query: s.searchPageQuerySchema, response: r.pageSchema(r.storySchema), example: { query: { limit: "5" } } },
    post: { summary: "A new story", auth: "content:write", body: s.createStorySchema, response: r.storySchema, example: { body: { title: "The 2025 budget", description: "Claims made in the budget debate" } } },
  },
  "/api/stories/{id}": {
    get: { summary: "A story", auth: "public", response: r.storySchema, example: {} },
    patch: { summary: "Edit a story", auth: "content:write", body: s.updateStorySchema, response: r.storySchema, example: { body: { description: "Who said what about the scam compounds", version: 1 } } },
  },
  "/api/stories/{id}/timeline": { get: { summary: "A story's claims in stated order with the links between them", auth: "public", query: s.timelineQuerySchema, response: r.storyTimelineSchema, example: { query: { by: "speaker" } } } },
  "/api/ratings": {
    get: { summary: "The rating scale", auth: "public", response: r.ratingScaleSchema, example: {} },
    post: { summary: "Add a verdict to the scale", auth: "scale:manage", body: createRatingSchema, response: r.scaleRatingSchema, example: { body: { key: "needs-context", label: "Needs context", description: "True as far as it goes, but leaves out what changes its meaning", colour: "#5a5a5a", value: null } } },
  },
  "/api/ratings/{id}": {
    patch: { summary: "Edit a verdict of the scale", auth: "scale:manage", body: updateRatingSchema, response: r.scaleRatingSchema, example: { body: { description: "Wrong, and the speaker knew it", version: 1 } } },
    delete: { summary: "Remove an unused verdict", auth: "scale:manage", response: r.deletedSchema, example: {} },
  },
  "/api/users": {
    get: { summary: "Users", auth: "users:manage", response: r.itemsSchema(r.userSchema), example: {} },
    post: { summary: "Create a user", auth: "users:manage", body: createUserSchema, response: r.userSchema, example: { body: { email: "new.checker@example.org", name: "New Checker", role: "factchecker", password: "plum-harbour-violet-42" } } },
  },
  "/api/users/{id}": { patch: { summary: "Change a user's role, name or active state", auth: "users:manage", body: updateUserSchema, pathParams: { id: "the user id" }, response: r.userSchema, example: { body: { name: "Renamed Checker", version: 1 } } } },
  "/api/tokens": {
    get: { summary: "Your API tokens (admins: ?user= for another user's), without their secrets", auth: "tokens:own", query: listTokensQuerySchema, response: r.itemsSchema(r.apiTokenSchema), example: {} },
    post: { summary: "Create an API token (the secret is returned once)", auth: "tokens:own", body: createTokenSchema, response: r.newApiTokenSchema, example: { body: { name: "newsroom script", expiresAt: "2099-12-31" } } },
  },
  "/api/tokens/{id}": { delete: { summary: "Revoke an API token", auth: "tokens:own", response: r.apiTokenSchema, example: {} } },
  "/api/imports": {
    get: { summary: "The latest imports, newest first", auth: "imports:run", response: r.itemsSchema(r.importSchema), example: {} },
    post: {
      summary: "Import a file sent as the body; 202 with the import's id (poll GET /api/imports/{id})",
      auth: "imports:run",
      query: s.startImportQuerySchema,
      bodyLimit: MAX_IMPORT_BYTES,
      status: "202",
      response: r.importSchema,
      example: { query: { dryRun: "1", filename: "claims.csv" }, file: { type: "text/csv", content: "text,speaker,stated_on\nUnemployment fell to 4 percent last year.,A. Minister,2025-03-02\n" } },
      fileBody: {
        "application/ld+json": "ClaimReview (object, array, @graph, DataFeed) or Web Annotation (annotation, collection, page, array)",
        "text/html": "a page whose ld+json blocks hold ClaimReview",
        "text/csv": "claims, in the columns GET /api/exports/claims.csv writes",
        "text/tab-separated-values": "the LIAR dataset (14 columns) or LIAR-PLUS (16)",
      },
    },
  },
  "/api/imports/{id}": { get: { summary: "An import's state, progress and report", auth: "imports:run", response: r.importSchema, example: {} } },
  "/api/imports/{id}/undo": { post: { summary: "Undo an import as a whole (409 when anything has built on it since)", auth: "imports:run", status: "200", response: r.importSchema, example: {} } },
  "/api/claimreview": { get: { summary: "Every published verdict as a schema.org DataFeed of ClaimReviews, 100 a page (Link rel=next)", auth: "public", query: s.claimReviewFeedQuerySchema, produces: "application/ld+json", response: r.claimReviewFeedSchema, example: {} } },
  "/api/exports/backup": { get: { summary: "The whole database as JSON Lines with a manifest, for `npm run restore` (no password hashes, tokens or sessions)", auth: "users:manage", produces: "application/jsonl", example: {} } },
  "/api/exports/annotations": { get: { summary: "Every anchored claim you may see, in every source, as one W3C AnnotationCollection (100 a page; a page's `next` link continues with ?after=)", auth: "public", query: s.annotationExportQuerySchema, produces: ANNOTATION_MEDIA_TYPE, response: r.annotationCollectionOrPageSchema, example: {} } },
  "/api/exports/claims.csv": { get: { summary: "Claims as CSV, with the claim list's filters (readable by the CSV import)", auth: "public", query: s.claimsExportQuerySchema, produces: "text/csv", example: { query: { status: "published" } } } },
  "/api/oembed": { get: { summary: "oEmbed for a claim URL", auth: "public", query: s.oembedQuerySchema, response: r.oembedSchema, example: { query: { url: "http://localhost/claims/1", maxwidth: "400" } } } },
  "/api/openapi.json": { get: { summary: "This document", auth: "public", response: r.openApiDocumentSchema, example: {} } },
};

/** A refusal in the API's error shape. */
const refusal = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** The 413 of a body limit, which the error's message names too. */
const tooLarge = (limit: number, multipart?: number) => ({
  ...refusal(`The body is larger than ${formatLimit(limit)} (${limit} bytes)${multipart ? `; a multipart/form-data upload, ${formatLimit(multipart)} (${multipart} bytes)` : ""}: refused from Content-Length, or while streaming`),
  "x-body-limit": limit,
});

/** better-auth's endpoints staff use (served by its catch-all route, so not in OPERATIONS). */
const AUTH_USER = {
  type: "object",
  required: ["id", "email", "name"],
  properties: { id: { type: "string" }, email: { type: "string", format: "email" }, name: { type: "string" }, role: { type: "string", enum: ["factchecker", "editor", "admin"] }, emailVerified: { type: "boolean" }, image: { type: ["string", "null"] }, createdAt: { type: "string" }, updatedAt: { type: "string" } },
};
/** The auth library's own refusal body (not the API's error shape): a code and a message. */
const AUTH_ERROR = { description: "Refused", content: { "application/json": { schema: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } } } };
const AUTH_PATHS = {
  "/api/auth/sign-in/email": {
    post: {
      operationId: "postAuthSignInEmail",
      "x-body-limit": AUTH_BODY_LIMIT,
      summary: "Sign in; sets the session cookie (five attempts a minute per address). The session token travels in the cookie only, never in the body.",
      security: [],
      "x-permission": "public",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", required: ["email", "password"], properties: { email: { type: "string", format: "email" }, password: { type: "string" }, rememberMe: { type: "boolean", description: "keep the session after the browser closes" }, callbackURL: { type: "string" } } },
            example: { email: "editor@example.org", password: "correct horse battery staple" },
          },
        },
      },
      responses: {
        "200": { description: "Signed in: the user; a Set-Cookie header carries the session", content: { "application/json": { schema: { type: "object", required: ["user"], properties: { redirect: { type: "boolean" }, url: { type: ["string", "null"] }, user: AUTH_USER } } } } },
        "400": AUTH_ERROR,
        "401": { ...AUTH_ERROR, description: "Wrong email or password" },
        "413": tooLarge(AUTH_BODY_LIMIT),
        "403": { description: "A cross-site request", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        "429": { ...AUTH_ERROR, description: "Too many attempts" },
      },
    },
  },
  "/api/auth/sign-out": {
    post: {
      operationId: "postAuthSignOut",
      summary: "Sign out (ends the session)",
      security: [{ session: [] }],
      "x-permission": "staff",
      "x-body-limit": AUTH_BODY_LIMIT,
      responses: { "200": { description: "Signed out", content: { "application/json": { schema: { type: "object", properties: { success: { type: "boolean" } } } } } }, "413": tooLarge(AUTH_BODY_LIMIT) },
    },
  },
  "/api/auth/get-session": {
    get: {
      operationId: "getAuthSession",
      summary: "The current session and user, or null",
      security: [{ session: [] }],
      "x-permission": "staff",
      responses: {
        "200": {
          description: "The session and user, or null when signed out",
          content: { "application/json": { schema: { anyOf: [{ type: "null" }, { type: "object", required: ["session", "user"], properties: { session: { type: "object", properties: { expiresAt: { type: "string" }, userId: { type: "string" } } }, user: AUTH_USER } }] } } },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "input") => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/** The error body every refusal carries (400, 401, 403, 404, 405, 409, 413, 415, 429, 500). */
const ERROR = jsonSchema(r.apiErrorSchema, "output");

const ERRORS = {
  "4XX": {
    description: "Refused: 400 bad input (each bad field named in `fields`), 401 no credentials, 403 not allowed, 404 not found, 405 method not allowed (with an Allow header), 409 stale version (`current` holds the current state) or an illegal step; the operations that may also answer 413, 415, 422 or 429 list them",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "5XX": { description: "Our fault; nothing was changed", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

/** The methods a path serves, for a 405's Allow header (HEAD with GET, and OPTIONS, are always served). */
export function allowedMethods(path: string): string[] {
  const methods = Object.keys(OPERATIONS[path] ?? {}).map((m) => m.toUpperCase());
  return [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(OPERATIONS)) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const [method, op] of Object.entries(methods)) {
      const querySchema = op.query ? (jsonSchema(op.query) as { properties?: Record<string, { description?: string }>; required?: string[] }) : null;
      const parameters: Record<string, unknown>[] = [
        ...params.map((name) => ({ name, in: "path", required: true, description: op.pathParams?.[name] ?? "a numeric id", schema: name === "id" && !op.pathParams?.id ? { type: "integer", minimum: 1 } : { type: "string" } })),
        ...Object.entries(querySchema?.properties ?? {}).map(([name, schema]) => ({
          name,
          in: "query",
          required: querySchema?.required?.includes(name) && !("default" in schema) ? true : false,
          ...(schema.description ? { description: schema.description } : {}),
          schema,
          ...(op.example.query?.[name] !== undefined ? { example: op.example.query[name] } : {}),
        })),
      ];
      const success = op.status ?? (method === "post" ? "201" : "200");
      // Every write's POST takes an Idempotency-Key (server/idempotency.ts); a POST that reads does not.
      const idempotent = method === "post" && !op.read;
      const bodyLimit = op.body || op.fileBody ? (op.bodyLimit ?? JSON_BODY_LIMIT) : null;
      if (idempotent) {
        parameters.push({
          name: IDEMPOTENCY_HEADER,
          in: "header",
          required: false,
          description: "Makes a retry safe: a repeat with the same key and request gets the first answer again (marked Idempotent-Replayed: true) instead of a second row; the same key with another request is a 422, a repeat while the first still runs a 409. Keys are kept a day per caller.",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
        });
      }
      const refusals = {
        ...(bodyLimit !== null ? { "413": tooLarge(bodyLimit, op.multipartLimit) } : {}),
        ...(op.body ? { "415": refusal("The body is not sent as JSON (Content-Type: application/json, or another +json type)") } : {}),
        ...(idempotent || op.unprocessable ? { "422": refusal([idempotent ? `the ${IDEMPOTENCY_HEADER} was used before with a different request` : null, op.unprocessable].filter(Boolean).join("; ").replace(/^./, (c) => c.toUpperCase())) } : {}),
        ...(op.rateLimited ? { "429": refusal(`Too many requests: ${op.rateLimited}`) } : {}),
      };
      const successContent = op.response
        ? { [op.produces ?? "application/json"]: { schema: jsonSchema(op.response, "output") } }
        : { [op.produces ?? "application/json"]: { schema: { type: "string" } } };
      (paths[path] ??= {})[method] = {
        operationId: `${method}${path.replace(/^\/api/, "").replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
        summary: op.summary,
        security: op.auth === "public" ? [] : [{ session: [] }, { token: [] }],
        "x-permission": op.auth,
        ...(bodyLimit !== null ? { "x-body-limit": bodyLimit } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  "application/json": { schema: jsonSchema(op.body), ...(op.example.body !== undefined ? { example: op.example.body } : {}) },
                  ...(op.multipart ? { "multipart/form-data": { schema: op.multipart } } : {}),
                },
              },
            }
          : {}),
        ...(op.fileBody
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  Object.entries(op.fileBody).map(([type, description]) => [type, { schema: { type: "string", description }, ...(op.example.file?.type === type ? { example: op.example.file.content } : {}) }]),
                ),
              },
            }
          : {}),
        responses: { [success]: { description: "OK", content: successContent }, ...refusals, ...ERRORS },
      };
    }
  }
  Object.assign(paths, AUTH_PATHS);
  return {
    openapi: "3.1.0",
    info: { title: "Counterpoint API", version: "1", description: "Claims, speakers, sources, counter-claims and verdicts. Offsets are Unicode code points; dates ISO-8601; lists paginated by cursor; every write names the version it was based on (body `version` or If-Match)." },
    servers: [{ url: serverUrl }],
    components: {
      schemas: { Error: ERROR },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "counterpoint.session_token", description: "Set by POST /api/auth/sign-in/email; writes must come from the same origin." },
        token: { type: "http", scheme: "bearer", description: "An API token from /account (cp_…)." },
      },
    },
    paths,
  };
}
