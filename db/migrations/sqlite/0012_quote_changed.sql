-- A claim whose quote no longer equals its anchored span (a revision moved the anchor onto other
-- words) waits in the queue as 'quote_changed' until someone accepts the new words or keeps the
-- old quote. The generated column is recreated with its indexes (SQLite cannot alter one).
DROP INDEX `claims_queue_idx`;--> statement-breakpoint
DROP INDEX `claims_queue_reason_idx`;--> statement-breakpoint
DROP INDEX `claims_queue_story_idx`;--> statement-breakpoint
DROP INDEX `claims_queue_speaker_idx`;--> statement-breakpoint
DROP INDEX `claims_queue_assignee_idx`;--> statement-breakpoint
ALTER TABLE `claims` DROP COLUMN `queue_reason`;--> statement-breakpoint
ALTER TABLE `claims` ADD `queue_reason` text GENERATED ALWAYS AS (CASE WHEN anchor_state = 'anchored' AND quote IS NOT NULL AND quote <> anchor_exact AND status <> 'archived' THEN 'quote_changed' WHEN status = 'in_review' THEN 'in_review' WHEN status = 'returned' THEN 'returned' WHEN dispute_count > 0 AND rating_id IS NULL AND status <> 'archived' THEN 'contested' END) VIRTUAL;--> statement-breakpoint
CREATE INDEX `claims_queue_idx` ON `claims` ("request_count" DESC,`created_at`,`id`) WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_queue_reason_idx` ON `claims` (`queue_reason`,"request_count" DESC,`created_at`,`id`) WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_queue_story_idx` ON `claims` (`story_id`,"request_count" DESC,`created_at`,`id`) WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_queue_speaker_idx` ON `claims` (`speaker_id`,"request_count" DESC,`created_at`,`id`) WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_queue_assignee_idx` ON `claims` (`assignee_id`,"request_count" DESC,`created_at`,`id`) WHERE queue_reason IS NOT NULL;
