import "server-only";
import { z } from "zod";
import { createRatingSchema, createTokenSchema, createUserSchema, updateRatingSchema, updateUserSchema } from "@/lib/admin-schemas";
import { restoreVersionSchema } from "@/lib/history-schemas";
import * as s from "@/lib/schemas";
import type { Permission } from "./authz";

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
}

export const OPERATIONS: Record<string, Partial<Record<"get" | "post" | "patch" | "delete", Operation>>> = {
  "/api/claims": {
    get: { summary: "Claims, newest first, filtered", auth: "public", query: s.listClaimsQuerySchema },
    post: { summary: "A new draft claim, from a span of a source or a statement with no source", auth: "content:write", body: s.createClaimSchema },
  },
  "/api/claims/similar": { get: { summary: "Existing claims that look like a text (numbers matching count extra)", auth: "content:write", query: s.similarClaimsQuerySchema } },
  "/api/matches": {
    get: { summary: "Checked before? Published claims a text may repeat, each with its strength and why it matches", auth: "public", query: s.findMatchesSchema },
    post: { summary: "Checked before? The same, for a long text in the body", auth: "public", body: s.findMatchesSchema },
  },
  "/api/claims/{id}": {
    get: { summary: "A claim with its links and its quote in context", auth: "public" },
    patch: { summary: "Edit a claim; a new anchor re-attaches an orphan", auth: "content:write", body: s.updateClaimSchema },
  },
  "/api/claims/{id}/links": {
    get: { summary: "The claim's links of one group (disputes, or the others), oldest first, keyset-paged, with the group's total", auth: "public", query: s.listClaimLinksSchema },
    post: { summary: "Link to another claim (existing or made on the spot)", auth: "content:write", body: s.createLinkSchema },
  },
  "/api/claims/{id}/quote": { post: { summary: "Settle a quote that changed in its source: accept the new words, or keep the quote (the claim becomes an orphan to re-attach); a published claim's needs review:decide", auth: "content:write", body: s.quoteDecisionSchema } },
  "/api/claims/{id}/submit": { post: { summary: "Send a draft or returned claim for review", auth: "content:write", body: s.transitionBodySchema } },
  "/api/claims/{id}/decision": { post: { summary: "Approve (publish, with the pending verdict) or return a claim", auth: "review:decide", body: s.decisionSchema } },
  "/api/claims/{id}/archive": { post: { summary: "Archive a published or returned claim", auth: "claims:archive", body: s.transitionBodySchema } },
  "/api/claims/{id}/assign": { post: { summary: "Assign a claim to a staff member", auth: "claims:assign", body: s.assignSchema } },
  "/api/claims/{id}/reviews": { post: { summary: "Propose a verdict with rationale and evidence", auth: "review:draft", body: s.createReviewSchema } },
  "/api/claims/{id}/evidence": { post: { summary: "Attach evidence", auth: "content:write", body: s.evidenceInputSchema } },
  "/api/claims/{id}/comments": { post: { summary: "Comment on a claim", auth: "comment:write", body: s.commentSchema } },
  "/api/claims/{id}/check-requests": { post: { summary: "A reader asks for a check (rate-limited)", auth: "public", body: s.checkRequestSchema } },
  "/api/claims/{id}/editorial": { get: { summary: "Proposed verdicts, evidence, comments, requests and assignee", auth: "staff" } },
  "/api/claims/{id}/history": { get: { summary: "The claim's field-level history", auth: "staff" } },
  "/api/claims/{id}/restore": { post: { summary: "Restore an earlier version (a new event)", auth: "content:write", body: restoreVersionSchema } },
  "/api/claims/{id}/claimreview": { get: { summary: "ClaimReview JSON-LD of a published verdict", auth: "public" } },
  "/api/claims/{id}/annotation": { get: { summary: "The claim as a W3C Web Annotation", auth: "public" } },
  "/api/links/{id}": { delete: { summary: "Remove a link", auth: "content:write" } },
  "/api/evidence/{id}": { delete: { summary: "Remove an evidence item", auth: "content:write" } },
  "/api/reviews/{id}/decision": { post: { summary: "Approve or return a proposed verdict", auth: "review:decide", body: s.decisionSchema } },
  "/api/queue": { get: { summary: "The review queue", auth: "staff", query: s.queueQuerySchema } },
  "/api/contested": { get: { summary: "Disputed claims paired with their counter-claims", auth: "public", query: s.listContestedQuerySchema } },
  "/api/search": { get: { summary: "Full-text search over claims, sources and speakers", auth: "public", query: s.searchQuerySchema } },
  "/api/sources": {
    get: { summary: "Sources, newest first (without their text)", auth: "public", query: s.searchPageQuerySchema },
    post: {
      summary: "A new source (JSON, or multipart with a .txt/.md/.html file)",
      auth: "content:write",
      body: s.createSourceSchema,
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
  "/api/sources/from-url": { post: { summary: "A new source from a web page: fetched (http/https only, time and size limits, bounded redirects, no private or loopback addresses), text and metadata extracted", auth: "content:write", body: s.createSourceFromUrlSchema } },
  "/api/sources/{id}": {
    get: { summary: "A source with its text", auth: "public" },
    patch: { summary: "Edit a source; new text makes a revision and re-anchors its claims", auth: "content:write", body: s.updateSourceSchema },
  },
  "/api/sources/{id}/claims": { get: { summary: "The claims made in a source, in text order", auth: "public" } },
  "/api/sources/{id}/annotations": { get: { summary: "The source's claims as a W3C AnnotationCollection", auth: "public" } },
  "/api/sources/{id}/revisions": { get: { summary: "Every revision of the text", auth: "public" } },
  "/api/sources/{id}/revisions/{revision}": { get: { summary: "One revision's text", auth: "public", pathParams: { revision: "the revision number" } } },
  "/api/sources/{id}/history": { get: { summary: "The source's field-level history", auth: "staff" } },
  "/api/sources/{id}/restore": { post: { summary: "Restore an earlier version", auth: "content:write", body: restoreVersionSchema } },
  "/api/sources/{id}/suggestions": { post: { summary: "Claim suggestions for the source text (or a range of it)", auth: "content:write", body: s.suggestionRangeSchema } },
  "/api/sources/{id}/suggestions/rejections": { post: { summary: "Reject a suggestion for good", auth: "content:write", body: s.rejectSuggestionSchema } },
  "/api/speakers": {
    get: { summary: "Speakers A–Z; q matches names and aliases", auth: "public", query: s.searchPageQuerySchema },
    post: { summary: "A new speaker", auth: "content:write", body: s.createSpeakerSchema },
  },
  "/api/speakers/match": { get: { summary: "The speaker a typed name means (name or alias, titles and party tags aside) and close ones", auth: "staff", query: s.speakerMatchQuerySchema } },
  "/api/speakers/{id}": {
    get: { summary: "A speaker with affiliation, affiliates and counts", auth: "public" },
    patch: { summary: "Edit a speaker", auth: "content:write", body: s.updateSpeakerSchema },
  },
  "/api/speakers/{id}/merge": { post: { summary: "Merge this speaker into another", auth: "speakers:merge", body: s.mergeSpeakerSchema } },
  "/api/speakers/{id}/timeline": { get: { summary: "A speaker's claims in stated order", auth: "public", query: s.speakerTimelineQuerySchema } },
  "/api/speakers/{id}/history": { get: { summary: "The speaker's field-level history", auth: "staff" } },
  "/api/speakers/{id}/restore": { post: { summary: "Restore an earlier version", auth: "content:write", body: restoreVersionSchema } },
  "/api/stories": {
    get: { summary: "Stories, most recently active first", auth: "public", query: s.searchPageQuerySchema },
    post: { summary: "A new story", auth: "content:write", body: s.createStorySchema },
  },
  "/api/stories/{id}": {
    get: { summary: "A story", auth: "public" },
    patch: { summary: "Edit a story", auth: "content:write", body: s.updateStorySchema },
  },
  "/api/stories/{id}/timeline": { get: { summary: "A story's claims in stated order with the links between them", auth: "public", query: s.timelineQuerySchema } },
  "/api/ratings": {
    get: { summary: "The rating scale", auth: "public" },
    post: { summary: "Add a verdict to the scale", auth: "scale:manage", body: createRatingSchema },
  },
  "/api/ratings/{id}": {
    patch: { summary: "Edit a verdict of the scale", auth: "scale:manage", body: updateRatingSchema },
    delete: { summary: "Remove an unused verdict", auth: "scale:manage" },
  },
  "/api/users": {
    get: { summary: "Users", auth: "users:manage" },
    post: { summary: "Create a user", auth: "users:manage", body: createUserSchema },
  },
  "/api/users/{id}": { patch: { summary: "Change a user's role, name or active state", auth: "users:manage", body: updateUserSchema, pathParams: { id: "the user id" } } },
  "/api/tokens": {
    get: { summary: "Your API tokens", auth: "tokens:own" },
    post: { summary: "Create an API token (the secret is returned once)", auth: "tokens:own", body: createTokenSchema },
  },
  "/api/tokens/{id}": { delete: { summary: "Revoke an API token", auth: "tokens:own" } },
  "/api/imports": {
    get: { summary: "The latest imports, newest first", auth: "imports:run" },
    post: {
      summary: "Import a file sent as the body; 202 with the import's id (poll GET /api/imports/{id})",
      auth: "imports:run",
      query: s.startImportQuerySchema,
      status: "202",
      fileBody: {
        "application/ld+json": "ClaimReview (object, array, @graph, DataFeed) or Web Annotation (annotation, collection, page, array)",
        "text/html": "a page whose ld+json blocks hold ClaimReview",
        "text/csv": "claims, in the columns GET /api/exports/claims.csv writes",
        "text/tab-separated-values": "the LIAR dataset (14 columns) or LIAR-PLUS (16)",
      },
    },
  },
  "/api/imports/{id}": { get: { summary: "An import's state, progress and report", auth: "imports:run" } },
  "/api/imports/{id}/undo": { post: { summary: "Undo an import as a whole (409 when anything has built on it since)", auth: "imports:run", status: "200" } },
  "/api/claimreview": { get: { summary: "Every published verdict as a schema.org DataFeed of ClaimReviews, 100 a page (Link rel=next)", auth: "public", query: s.claimReviewFeedQuerySchema, produces: "application/ld+json" } },
  "/api/exports/backup": { get: { summary: "The whole database as JSON Lines with a manifest, for `npm run restore` (no password hashes, tokens or sessions)", auth: "users:manage", produces: "application/jsonl" } },
  "/api/exports/annotations": { get: { summary: "Every anchored claim you may see, in every source, as one W3C AnnotationCollection (100 a page; a page's `next` link continues with ?after=)", auth: "public", produces: "application/ld+json" } },
  "/api/exports/claims.csv": { get: { summary: "Claims as CSV, with the claim list's filters (readable by the CSV import)", auth: "public", query: s.claimsExportQuerySchema, produces: "text/csv" } },
  "/api/oembed": { get: { summary: "oEmbed for a claim URL", auth: "public", query: s.oembedQuerySchema } },
  "/api/openapi.json": { get: { summary: "This document", auth: "public" } },
};

/** better-auth's endpoints staff use (served by its catch-all route, so not in OPERATIONS). */
const AUTH_PATHS = {
  "/api/auth/sign-in/email": {
    post: {
      summary: "Sign in; sets the session cookie (five attempts a minute per address)",
      security: [],
      "x-permission": "public",
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object", required: ["email", "password"], properties: { email: { type: "string", format: "email" }, password: { type: "string" }, rememberMe: { type: "boolean" } } } } },
      },
      responses: { "200": { description: "Signed in: the user, and a Set-Cookie header" }, "401": { description: "Wrong email or password" }, "429": { description: "Too many attempts" } },
    },
  },
  "/api/auth/sign-out": { post: { summary: "Sign out (ends the session)", security: [{ session: [] }], "x-permission": "staff", responses: { "200": { description: "Signed out" } } } },
  "/api/auth/get-session": { get: { summary: "The current session and user, or null", security: [{ session: [] }], "x-permission": "staff", responses: { "200": { description: "The session, or null" } } } },
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const ERROR = {
  type: "object",
  properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } }, current: {} }, required: ["code", "message"] } },
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(OPERATIONS)) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const [method, op] of Object.entries(methods)) {
      const parameters = [
        ...params.map((name) => ({ name, in: "path", required: true, description: op.pathParams?.[name] ?? "a numeric id", schema: name === "id" && !op.pathParams?.id ? { type: "integer", minimum: 1 } : { type: "string" } })),
        ...(op.query ? Object.entries((jsonSchema(op.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: false, schema })) : []),
      ];
      (paths[path] ??= {})[method] = {
        summary: op.summary,
        security: op.auth === "public" ? [] : [{ session: [] }, { token: [] }],
        "x-permission": op.auth,
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(op.body
          ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) }, ...(op.multipart ? { "multipart/form-data": { schema: op.multipart } } : {}) } } }
          : {}),
        ...(op.fileBody
          ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(op.fileBody).map(([type, description]) => [type, { schema: { type: "string", description } }])) } }
          : {}),
        responses: {
          [op.status ?? (method === "post" ? "201" : "200")]: { description: "OK", content: { [op.produces ?? "application/json"]: { schema: op.produces ? { type: "string" } : {} } } },
          default: { description: "An error: 400 bad input (fields named), 401, 403, 404, 409 stale version or illegal step, 429", content: { "application/json": { schema: ERROR } } },
        },
      };
    }
  }
  Object.assign(paths, AUTH_PATHS);
  return {
    openapi: "3.1.0",
    info: { title: "Counterpoint API", version: "1", description: "Claims, speakers, sources, counter-claims and verdicts. Offsets are Unicode code points; dates ISO-8601; lists paginated by cursor; every write names the version it was based on (body `version` or If-Match)." },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "counterpoint.session_token", description: "Set by POST /api/auth/sign-in/email; writes must come from the same origin." },
        token: { type: "http", scheme: "bearer", description: "An API token from /account (cp_…)." },
      },
    },
    paths,
  };
}
