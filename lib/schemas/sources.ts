/** Sources: creating one from its text, and editing its metadata or text (a new revision). */
import { z } from "zod";
import { SOURCE_KINDS } from "../model";
import { calendarDateSchema, versionSchema } from "./common";
import { httpUrl, optionalText } from "./fields";

/** The most a source's text may hold: 5 MiB of UTF-8 (about 5 million Latin characters). */
export const MAX_SOURCE_TEXT_BYTES = 5 * 1024 * 1024;

const sourceText = z
  .string({ error: "must be text" })
  .refine((t) => t.trim().length > 0, "must not be empty")
  .refine((t) => new TextEncoder().encode(t).length <= MAX_SOURCE_TEXT_BYTES, `must be at most ${MAX_SOURCE_TEXT_BYTES / 1024 / 1024} MB`)
  .meta({ pattern: "\\S", description: `not blank; at most ${MAX_SOURCE_TEXT_BYTES / 1024 / 1024} MB of UTF-8` });

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
    /** Readers may see the whole text (an editor's decision: a document the newsroom owns or may reproduce). */
    publishable: z.boolean({ error: "must be true or false" }).optional(),
    version: versionSchema,
  })
  .strict()
  .superRefine((u, ctx) => {
    if (u.revisionNote && u.text === undefined) ctx.addIssue({ code: "custom", path: ["revisionNote"], message: "goes with a change to the text: send text too" });
  })
  .meta({ dependentSchemas: { revisionNote: { anyOf: [{ required: ["text"] }, { properties: { revisionNote: { anyOf: [{ type: "null" }, { pattern: "^\\s*$" }] } } }] } } });
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

/** What a client sends (before defaults are applied), for typing request bodies. */
export type CreateSourceBody = z.input<typeof createSourceSchema>;
export type UpdateSourceBody = z.input<typeof updateSourceSchema>;

/** POST /api/sources/from-url: the page to fetch, and what kind of source it is. */
export const createSourceFromUrlSchema = z.object({
  url: httpUrl,
  kind: sourceFields.kind.default("article"),
});
