ALTER TABLE `sources` ADD `publishable` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `published_claims` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `sources_public_created_idx` ON `sources` (`created_at`,`id`) WHERE published_claims > 0;--> statement-breakpoint
ALTER TABLE `speakers` ADD `published_claims` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `speakers_public_name_idx` ON `speakers` ("name" COLLATE NOCASE,`id`) WHERE published_claims > 0;--> statement-breakpoint
ALTER TABLE `stories` ADD `published_claims` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `stories_public_updated_idx` ON `stories` (`updated_at`,`id`) WHERE published_claims > 0;--> statement-breakpoint
-- published_claims on speakers, stories and sources: kept by the database from every write path,
-- so readers' lists and pages show only what has a published claim with an index read, no count.
CREATE TRIGGER `claims_published_ai` AFTER INSERT ON `claims` WHEN new.status = 'published'
BEGIN
  UPDATE speakers SET published_claims = published_claims + 1 WHERE id = new.speaker_id;
  UPDATE stories SET published_claims = published_claims + 1 WHERE id = new.story_id;
  UPDATE sources SET published_claims = published_claims + 1 WHERE id = new.source_id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_published_ad` AFTER DELETE ON `claims` WHEN old.status = 'published'
BEGIN
  UPDATE speakers SET published_claims = published_claims - 1 WHERE id = old.speaker_id;
  UPDATE stories SET published_claims = published_claims - 1 WHERE id = old.story_id;
  UPDATE sources SET published_claims = published_claims - 1 WHERE id = old.source_id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_published_au` AFTER UPDATE OF status, speaker_id, story_id, source_id ON `claims`
WHEN old.status = 'published' OR new.status = 'published'
BEGIN
  UPDATE speakers SET published_claims = published_claims - 1 WHERE id = old.speaker_id AND old.status = 'published';
  UPDATE stories SET published_claims = published_claims - 1 WHERE id = old.story_id AND old.status = 'published';
  UPDATE sources SET published_claims = published_claims - 1 WHERE id = old.source_id AND old.status = 'published';
  UPDATE speakers SET published_claims = published_claims + 1 WHERE id = new.speaker_id AND new.status = 'published';
  UPDATE stories SET published_claims = published_claims + 1 WHERE id = new.story_id AND new.status = 'published';
  UPDATE sources SET published_claims = published_claims + 1 WHERE id = new.source_id AND new.status = 'published';
END;
--> statement-breakpoint
UPDATE speakers SET published_claims = (SELECT count(*) FROM claims c WHERE c.speaker_id = speakers.id AND c.status = 'published');
--> statement-breakpoint
UPDATE stories SET published_claims = (SELECT count(*) FROM claims c WHERE c.story_id = stories.id AND c.status = 'published');
--> statement-breakpoint
UPDATE sources SET published_claims = (SELECT count(*) FROM claims c WHERE c.source_id = sources.id AND c.status = 'published');
