-- The default rating scale every database starts with; admins can edit it in the app.
-- Numeric values run from 1 (false) to 5 (true) so ClaimReview ratingValue, worstRating and
-- bestRating can be derived; "unproven" sits outside the numeric range.
INSERT INTO `rating_scales` (`name`, `is_default`) VALUES ('Counterpoint default', 1);
--> statement-breakpoint
INSERT INTO `ratings` (`scale_id`, `key`, `label`, `description`, `colour`, `value`, `position`)
SELECT s.id, r.key, r.label, r.description, r.colour, r.value, r.position
FROM `rating_scales` s, (
  SELECT 'true' AS key, 'True' AS label, 'Accurate, with nothing significant missing.' AS description, '#1a7f37' AS colour, 5 AS value, 1 AS position
  UNION ALL SELECT 'mostly-true', 'Mostly true', 'Accurate but needs clarification or additional information.', '#4a7d1e', 4, 2
  UNION ALL SELECT 'half-true', 'Half true', 'Partially accurate; leaves out important details or takes things out of context.', '#8a6100', 3, 3
  UNION ALL SELECT 'mostly-false', 'Mostly false', 'Contains an element of truth but ignores facts that would give a different impression.', '#b4490f', 2, 4
  UNION ALL SELECT 'false', 'False', 'Not accurate.', '#b3261e', 1, 5
  UNION ALL SELECT 'misleading', 'Misleading', 'Accurate in parts, but framed to leave a false impression.', '#7b3fa0', 2, 6
  UNION ALL SELECT 'unproven', 'Unproven', 'The evidence available cannot show it true or false.', '#5f6b7a', NULL, 7
) r
WHERE s.is_default = 1;
