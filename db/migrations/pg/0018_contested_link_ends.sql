ALTER TABLE "claim_links" ADD COLUMN "from_story_id" integer;--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "to_story_id" integer;--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "from_speaker_id" integer;--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "to_speaker_id" integer;--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "both_published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Each link's ends, kept by the database (twin of the SQLite migration): the story and
-- speaker of its two claims and whether both are published, set as a link is written and moved
-- with a claim's story, speaker or publication, so the contested board by story or speaker reads
-- one index in its order and no claim.
CREATE FUNCTION cp_claim_links_ends() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE from_published boolean;
DECLARE to_published boolean;
BEGIN
  SELECT story_id, speaker_id, status = 'published' INTO NEW.from_story_id, NEW.from_speaker_id, from_published FROM claims WHERE id = NEW.from_claim_id;
  SELECT story_id, speaker_id, status = 'published' INTO NEW.to_story_id, NEW.to_speaker_id, to_published FROM claims WHERE id = NEW.to_claim_id;
  NEW.both_published := coalesce(from_published AND to_published, false);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claim_links_ends" BEFORE INSERT OR UPDATE OF from_claim_id, to_claim_id ON "claim_links" FOR EACH ROW EXECUTE FUNCTION cp_claim_links_ends();
--> statement-breakpoint
CREATE FUNCTION cp_claims_link_ends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim_links SET from_story_id = NEW.story_id, from_speaker_id = NEW.speaker_id,
    both_published = NEW.status = 'published' AND EXISTS (SELECT 1 FROM claims o WHERE o.id = claim_links.to_claim_id AND o.status = 'published')
  WHERE from_claim_id = NEW.id;
  UPDATE claim_links SET to_story_id = NEW.story_id, to_speaker_id = NEW.speaker_id,
    both_published = NEW.status = 'published' AND EXISTS (SELECT 1 FROM claims o WHERE o.id = claim_links.from_claim_id AND o.status = 'published')
  WHERE to_claim_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claims_link_ends_au" AFTER UPDATE OF story_id, speaker_id, status ON "claims" FOR EACH ROW
WHEN (OLD.story_id IS DISTINCT FROM NEW.story_id OR OLD.speaker_id IS DISTINCT FROM NEW.speaker_id OR (OLD.status = 'published') IS DISTINCT FROM (NEW.status = 'published'))
EXECUTE FUNCTION cp_claims_link_ends();
--> statement-breakpoint
-- The links already stored.
UPDATE claim_links l SET from_story_id = f.story_id, from_speaker_id = f.speaker_id, to_story_id = t.story_id, to_speaker_id = t.speaker_id,
  both_published = f.status = 'published' AND t.status = 'published'
FROM claims f, claims t WHERE f.id = l.from_claim_id AND t.id = l.to_claim_id;
--> statement-breakpoint
CREATE INDEX "claim_links_disputes_to_story_idx" ON "claim_links" USING btree ("to_story_id","created_at","id","both_published") WHERE kind = 'disputes';--> statement-breakpoint
CREATE INDEX "claim_links_disputes_from_story_idx" ON "claim_links" USING btree ("from_story_id","created_at","id","both_published") WHERE kind = 'disputes';--> statement-breakpoint
CREATE INDEX "claim_links_disputes_to_speaker_idx" ON "claim_links" USING btree ("to_speaker_id","created_at","id","both_published") WHERE kind = 'disputes';--> statement-breakpoint
CREATE INDEX "claim_links_disputes_from_speaker_idx" ON "claim_links" USING btree ("from_speaker_id","created_at","id","both_published") WHERE kind = 'disputes';
--> statement-breakpoint
CREATE INDEX "sources_searchable_idx" ON "sources" USING btree ("id") WHERE publishable AND published_claims > 0;