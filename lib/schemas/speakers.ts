/** Speakers: creating, editing and merging them. */
import { z } from "zod";
import { SPEAKER_KINDS } from "../model";
import { idSchema, versionSchema } from "./common";
import { optionalText } from "./fields";

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

/** GET /api/speakers/match: the name typed in the speaker picker. */
export const speakerMatchQuerySchema = z.object({ name: createSpeakerSchema.shape.name });

/** What a client sends (before defaults are applied), for typing request bodies. */
export type CreateSpeakerBody = z.input<typeof createSpeakerSchema>;
export type UpdateSpeakerBody = z.input<typeof updateSpeakerSchema>;
