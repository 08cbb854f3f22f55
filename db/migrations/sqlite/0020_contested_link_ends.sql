ALTER TABLE `claim_links` ADD `from_story_id` integer;--> statement-breakpoint
ALTER TABLE `claim_links` ADD `to_story_id` integer;--> statement-breakpoint
ALTER TABLE `claim_links` ADD `from_speaker_id` integer;--> statement-breakpoint
ALTER TABLE `claim_links` ADD `to_speaker_id` integer;--> statement-breakpoint
ALTER TABLE `claim_links` ADD `both_published` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Each link's ends, kept by the database: the story and speaker of its two claims and whether
-- both are published, set as a link is written and moved with a claim's story, speaker or
-- publication, so the contested board by story or speaker reads one index in its order and no claim.
CREATE TRIGGER `claim_links_ends_ai` AFTER INSERT ON `claim_links`
BEGIN
  UPDATE claim_links SET
    from_story_id = (SELECT story_id FROM claims WHERE id = new.from_claim_id),
    from_speaker_id = (SELECT speaker_id FROM claims WHERE id = new.from_claim_id),
    to_story_id = (SELECT story_id FROM claims WHERE id = new.to_claim_id),
    to_speaker_id = (SELECT speaker_id FROM claims WHERE id = new.to_claim_id),
    both_published = (SELECT count(*) FROM claims WHERE id IN (new.from_claim_id, new.to_claim_id) AND status = 'published') = 2
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_links_ends_au` AFTER UPDATE OF from_claim_id, to_claim_id ON `claim_links`
BEGIN
  UPDATE claim_links SET
    from_story_id = (SELECT story_id FROM claims WHERE id = new.from_claim_id),
    from_speaker_id = (SELECT speaker_id FROM claims WHERE id = new.from_claim_id),
    to_story_id = (SELECT story_id FROM claims WHERE id = new.to_claim_id),
    to_speaker_id = (SELECT speaker_id FROM claims WHERE id = new.to_claim_id),
    both_published = (SELECT count(*) FROM claims WHERE id IN (new.from_claim_id, new.to_claim_id) AND status = 'published') = 2
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_link_ends_au` AFTER UPDATE OF story_id, speaker_id, status ON `claims`
WHEN old.story_id IS NOT new.story_id OR old.speaker_id IS NOT new.speaker_id OR (old.status = 'published') IS NOT (new.status = 'published')
BEGIN
  UPDATE claim_links SET from_story_id = new.story_id, from_speaker_id = new.speaker_id,
    both_published = new.status = 'published' AND EXISTS (SELECT 1 FROM claims o WHERE o.id = claim_links.to_claim_id AND o.status = 'published')
  WHERE from_claim_id = new.id;
  UPDATE claim_links SET to_story_id = new.story_id, to_speaker_id = new.speaker_id,
    both_published = new.status = 'published' AND EXISTS (SELECT 1 FROM claims o WHERE o.id = claim_links.from_claim_id AND o.status = 'published')
  WHERE to_claim_id = new.id;
END;
--> statement-breakpoint
-- The links already stored.
UPDATE claim_links SET
  from_story_id = (SELECT story_id FROM claims WHERE id = claim_links.from_claim_id),
  from_speaker_id = (SELECT speaker_id FROM claims WHERE id = claim_links.from_claim_id),
  to_story_id = (SELECT story_id FROM claims WHERE id = claim_links.to_claim_id),
  to_speaker_id = (SELECT speaker_id FROM claims WHERE id = claim_links.to_claim_id),
  both_published = (SELECT count(*) FROM claims WHERE id IN (claim_links.from_claim_id, claim_links.to_claim_id) AND status = 'published') = 2;
--> statement-breakpoint
CREATE INDEX `claim_links_disputes_to_story_idx` ON `claim_links` (`to_story_id`,`created_at`,`id`,`both_published`) WHERE kind = 'disputes';--> statement-breakpoint
CREATE INDEX `claim_links_disputes_from_story_idx` ON `claim_links` (`from_story_id`,`created_at`,`id`,`both_published`) WHERE kind = 'disputes';--> statement-breakpoint
CREATE INDEX `claim_links_disputes_to_speaker_idx` ON `claim_links` (`to_speaker_id`,`created_at`,`id`,`both_published`) WHERE kind = 'disputes';--> statement-breakpoint
CREATE INDEX `claim_links_disputes_from_speaker_idx` ON `claim_links` (`from_speaker_id`,`created_at`,`id`,`both_published`) WHERE kind = 'disputes';
--> statement-breakpoint
CREATE INDEX `sources_searchable_idx` ON `sources` (`id`) WHERE publishable = 1 AND published_claims > 0;