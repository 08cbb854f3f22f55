ALTER TABLE `events` ADD `reader_visible` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `events_reader_visible_idx` ON `events` (`id`) WHERE reader_visible = 1;