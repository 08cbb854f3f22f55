import { check, doublePrecision, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { bool, hexColourCheck, isTrue, keyCheck, nowIso, serialId, versioned } from "./columns";

/** A rating scale; exactly one is the default used for new verdicts (see db/schema/sqlite/ratings.ts). */
export const ratingScales = pgTable(
  "rating_scales",
  {
    id: serialId(),
    name: text("name").notNull(),
    isDefault: bool("is_default").notNull().default(false),
    ...versioned(),
  },
  (t) => [uniqueIndex("rating_scales_one_default").on(t.isDefault).where(isTrue("is_default"))],
);

/** One verdict on a scale; `value` orders verdicts numerically (NULL for "unproven"). */
export const ratings = pgTable(
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
    value: doublePrecision("value"),
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
