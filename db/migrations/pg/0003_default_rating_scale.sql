-- The default rating scale every database starts with (twin of the SQLite 0002_default_rating_scale.sql).
-- Numeric values run from 1 (false) to 5 (true) so ClaimReview ratingValue, worstRating and
-- bestRating can be derived; "unproven" sits outside the numeric range.
INSERT INTO "rating_scales" ("name", "is_default") VALUES ('Counterpoint default', true);
--> statement-breakpoint
INSERT INTO "ratings" ("scale_id", "key", "label", "description", "colour", "value", "position")
SELECT s.id, r.key, r.label, r.description, r.colour, r.value, r.position
FROM "rating_scales" s, (VALUES
  ('true', 'True', 'Accurate, with nothing significant missing.', '#1a7f37', 5::double precision, 1),
  ('mostly-true', 'Mostly true', 'Accurate but needs clarification or additional information.', '#4a7d1e', 4, 2),
  ('half-true', 'Half true', 'Partially accurate; leaves out important details or takes things out of context.', '#8a6100', 3, 3),
  ('mostly-false', 'Mostly false', 'Contains an element of truth but ignores facts that would give a different impression.', '#b4490f', 2, 4),
  ('false', 'False', 'Not accurate.', '#b3261e', 1, 5),
  ('misleading', 'Misleading', 'Accurate in parts, but framed to leave a false impression.', '#7b3fa0', 2, 6),
  ('unproven', 'Unproven', 'The evidence available cannot show it true or false.', '#5f6b7a', NULL, 7)
) AS r(key, label, description, colour, value, position)
WHERE s.is_default;
