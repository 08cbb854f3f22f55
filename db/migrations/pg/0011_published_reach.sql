ALTER TABLE "sources" ADD COLUMN "publishable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "published_claims" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "speakers" ADD COLUMN "published_claims" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "published_claims" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "sources_public_created_idx" ON "sources" USING btree ("created_at","id") WHERE published_claims > 0;--> statement-breakpoint
CREATE INDEX "speakers_public_name_idx" ON "speakers" USING btree (lower("name"),"id") WHERE published_claims > 0;--> statement-breakpoint
CREATE INDEX "stories_public_updated_idx" ON "stories" USING btree ("updated_at","id") WHERE published_claims > 0;--> statement-breakpoint
-- published_claims on speakers, stories and sources: kept by the database from every write path,
-- so readers' lists and pages show only what has a published claim with an index read, no count.
CREATE FUNCTION cp_claims_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
    UPDATE speakers SET published_claims = published_claims - 1 WHERE id = OLD.speaker_id;
    UPDATE stories SET published_claims = published_claims - 1 WHERE id = OLD.story_id;
    UPDATE sources SET published_claims = published_claims - 1 WHERE id = OLD.source_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'published' THEN
    UPDATE speakers SET published_claims = published_claims + 1 WHERE id = NEW.speaker_id;
    UPDATE stories SET published_claims = published_claims + 1 WHERE id = NEW.story_id;
    UPDATE sources SET published_claims = published_claims + 1 WHERE id = NEW.source_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claims_published" AFTER INSERT OR DELETE OR UPDATE OF status, speaker_id, story_id, source_id ON "claims" FOR EACH ROW EXECUTE FUNCTION cp_claims_published();
--> statement-breakpoint
UPDATE speakers SET published_claims = (SELECT count(*) FROM claims c WHERE c.speaker_id = speakers.id AND c.status = 'published');
--> statement-breakpoint
UPDATE stories SET published_claims = (SELECT count(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'published');
--> statement-breakpoint
UPDATE sources SET published_claims = (SELECT count(*) FROM claims c WHERE c.source_id = sources.id AND c.status = 'published');
