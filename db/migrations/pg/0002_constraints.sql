-- Constraints drizzle-kit cannot express in the schema (twin of the SQLite 0001_constraints.sql).

-- One link of a given kind between two claims, whichever direction it was drawn in.
CREATE UNIQUE INDEX "claim_links_pair_kind_unique" ON "claim_links" (least("from_claim_id", "to_claim_id"), greatest("from_claim_id", "to_claim_id"), "kind");
--> statement-breakpoint
-- The events log is append-only.
CREATE FUNCTION cp_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" FOR EACH ROW EXECUTE FUNCTION cp_events_append_only();
--> statement-breakpoint
CREATE TRIGGER "events_no_delete" BEFORE DELETE ON "events" FOR EACH ROW EXECUTE FUNCTION cp_events_append_only();
--> statement-breakpoint
CREATE TRIGGER "events_no_truncate" BEFORE TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION cp_events_append_only();
