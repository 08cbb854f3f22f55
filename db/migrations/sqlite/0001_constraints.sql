-- Constraints drizzle-kit cannot express in the schema.

-- One link of a given kind between two claims, whichever direction it was drawn in.
CREATE UNIQUE INDEX `claim_links_pair_kind_unique` ON `claim_links` (min(`from_claim_id`, `to_claim_id`), max(`from_claim_id`, `to_claim_id`), `kind`);
--> statement-breakpoint
-- The events log is append-only.
CREATE TRIGGER `events_no_update` BEFORE UPDATE ON `events`
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `events_no_delete` BEFORE DELETE ON `events`
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
