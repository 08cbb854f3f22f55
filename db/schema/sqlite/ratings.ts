import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, hexColourCheck, isTrue, keyCheck, nowIso, serialId, versioned } from "./columns";

/** A rating scale; exactly one is the default used for new verdicts. */
export const ratingScales = sqliteTable(
  "rating_scales",
  {
    id: serialId(),
    name: text("name").notNull(),
    isDefault: bool("is_default").notNull().default(false),
    ...versioned(),
  },
  (t) => [uniqueIndex("rating_scales_one_default").on(t.isDefault).where(isTrue("is_default"))],
);

/**
 * One verdict on a scale. `value` orders verdicts numerically (higher = more accurate) so
 * ClaimReview ratingValue/bestRating/worstRating can be derived; NULL for verdicts such as
 * "unproven" that sit outside the numeric range.
 */
export const ratings = sqliteTable(
  "ratings",
  {
    id: serialId(),
    scaleId: integer("scale_id")
      .notNull()
      .references(() => ratingScales.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
    colour: text("colour").notNull(),
    value: real("value"),
    position: integer("position").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [
    uniqueIndex("ratings_scale_key_unique").on(t.scaleId, t.key),
    index("ratings_scale_position_idx").on(t.scaleId, t.position),
    check("ratings_colour_check", hexColourCheck("colour")),
    check("ratings_key_check", keyCheck("key")),
  ],
);
