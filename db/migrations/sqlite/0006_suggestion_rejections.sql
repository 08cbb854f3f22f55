CREATE TABLE `suggestion_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`exact` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestion_rejections_source_idx` ON `suggestion_rejections` (`source_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_rejections_span_unique` ON `suggestion_rejections` (`source_id`,`exact`,`start`);