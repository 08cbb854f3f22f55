/**
 * zod schemas and DTO types for administration (users, the rating scale) and API tokens,
 * shared by the route handlers (validation at the edge) and the admin and account forms.
 * Pure: safe in the browser.
 */
import { z } from "zod";
import { formatRatio, HEX_COLOUR, isReadableWithWhiteText, MIN_TEXT_CONTRAST, whiteTextContrast } from "./contrast";
import type { RatingDTO } from "./dto";
import { ROLES, type Role } from "./model";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";
import { versionSchema } from "./schemas/common";

export { MIN_PASSWORD_LENGTH };

// ---- DTOs ---------------------------------------------------------------------------------

export interface UserDTO {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** The version an edit is based on (optimistic concurrency; 409 when stale). */
  version: number;
}

export interface ApiTokenDTO {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time the secret is ever sent. */
export type NewApiTokenDTO = ApiTokenDTO & { token: string };

/** A verdict on the scale with its version (for edits); `usage` only for those who manage the scale. */
export interface ScaleRatingDTO extends RatingDTO {
  version: number;
  usage?: { claims: number; reviews: number };
}

export interface RatingScaleDTO {
  scale: { id: number; name: string };
  items: ScaleRatingDTO[];
}

// ---- users --------------------------------------------------------------------------------

const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });
const userName = z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

export const createUserSchema = z
  .object({
    email: z
      .string({ error: "must be an email address such as name@example.org" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "must be an email address such as name@example.org" }).max(320, "must be at most 320 characters")),
    name: userName,
    role: roleSchema,
    password: z
      .string({ error: "must be text" })
      .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "must be at most 200 characters")
      .superRefine((value, ctx) => {
        const problem = passwordProblem(value);
        if (problem && value.length >= MIN_PASSWORD_LENGTH) ctx.addIssue({ code: "custom", message: problem });
      }),
  })
  .strict();
export type CreateUserBody = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean({ error: "must be true or false" }).optional(),
    name: userName.optional(),
    version: versionSchema,
  })
  .strict()
  .refine((v) => v.role !== undefined || v.active !== undefined || v.name !== undefined, { message: "send at least one of role, active, name", path: ["_"] })
  .meta({ anyOf: [{ required: ["role"] }, { required: ["active"] }, { required: ["name"] }] });
export type UpdateUserBody = z.input<typeof updateUserSchema>;

/** A user id in a path (better-auth ids are opaque strings). */
export const userIdSchema = z.string().min(1, "must not be empty").max(100, "must be at most 100 characters");

// ---- the rating scale ---------------------------------------------------------------------

/**
 * A badge colour: #rrggbb, dark enough for the badge's white text to meet WCAG AA. Stored in
 * lower case.
 */
export const badgeColourSchema = z
  .string({ error: "must be a colour written #rrggbb" })
  .trim()
  .regex(HEX_COLOUR, "must be a colour written #rrggbb, such as #1a7f37")
  .transform((v) => v.toLowerCase())
  .superRefine((colour, ctx) => {
    if (isReadableWithWhiteText(colour)) return;
    ctx.addIssue({
      code: "custom",
      message: `is too light for white text: contrast ${formatRatio(whiteTextContrast(colour))} with white, needs at least ${MIN_TEXT_CONTRAST}:1 (WCAG AA) — choose a darker colour`,
    });
  });

const ratingFields = {
  key: z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(40, "must be at most 40 characters")
    .regex(/^[a-z][a-z0-9-]*$/, "must be a lowercase slug: a–z first, then a–z, 0–9 or -, such as mostly-true"),
  label: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
  description: z.string({ error: "must be text" }).trim().max(500, "must be at most 500 characters"),
  colour: badgeColourSchema,
  value: z.number({ error: "must be a number, or null for a verdict outside the numeric range" }).min(-1000, "must be at least -1000").max(1000, "must be at most 1000").nullable(),
  position: z.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must be 0 or more").max(10_000, "must be at most 10000"),
};

export const createRatingSchema = z
  .object({
    key: ratingFields.key,
    label: ratingFields.label,
    description: ratingFields.description.default(""),
    colour: ratingFields.colour,
    value: ratingFields.value.default(null),
    /** Where it sits in the scale; the end of the scale when left out. */
    position: ratingFields.position.optional(),
  })
  .strict();
export type CreateRatingInput = z.output<typeof createRatingSchema>;
export type CreateRatingBody = z.input<typeof createRatingSchema>;

export const updateRatingSchema = z
  .object({
    /** Present only to be refused with a clear message: published verdicts point at the key. */
    key: z.never({ error: "cannot be changed: published verdicts point at it (add a new verdict instead)" }).optional(),
    label: ratingFields.label.optional(),
    description: ratingFields.description.optional(),
    colour: ratingFields.colour.optional(),
    value: ratingFields.value.optional(),
    position: ratingFields.position.optional(),
    version: z.number({ error: "must be the version number you edited" }).int("must be a whole number").positive("must be positive"),
  })
  .strict();
export type UpdateRatingInput = z.output<typeof updateRatingSchema>;
export type UpdateRatingBody = z.input<typeof updateRatingSchema>;

// ---- API tokens ---------------------------------------------------------------------------

/**
 * When a token stops working: an ISO date-time, or a calendar date (the token then works
 * through that whole day, UTC). Must be in the future. Normalised to an ISO date-time; an empty
 * string means "never".
 */
const expiresAtSchema = z
  .string({ error: "must be a date YYYY-MM-DD or an ISO date-time" })
  .trim()
  .transform((v, ctx): string | null => {
    if (v === "") return null;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
    const when = new Date(dateOnly ? `${v}T23:59:59.999Z` : v);
    const isoLike = dateOnly || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v);
    if (!isoLike || Number.isNaN(when.getTime()) || (dateOnly && when.toISOString().slice(0, 10) !== v)) {
      ctx.addIssue({ code: "custom", message: "must be a date YYYY-MM-DD or an ISO date-time such as 2030-01-31T12:00:00Z" });
      return z.NEVER;
    }
    if (when.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", message: "must be in the future" });
      return z.NEVER;
    }
    return when.toISOString();
  })
  .meta({ description: "a date YYYY-MM-DD or an ISO date-time, in the future; empty for never", pattern: "^$|^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$" });

export const createTokenSchema = z
  .object({
    name: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    expiresAt: expiresAtSchema.nullish(),
  })
  .strict();
export type CreateTokenBody = z.input<typeof createTokenSchema>;

/** GET /api/tokens query: an admin may list another user's tokens. */
export const listTokensQuerySchema = z.object({ user: userIdSchema.optional() });
