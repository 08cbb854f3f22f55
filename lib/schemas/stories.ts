/** Stories: creating and editing them. */
import { z } from "zod";
import { versionSchema } from "./common";
import { optionalText } from "./fields";

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
