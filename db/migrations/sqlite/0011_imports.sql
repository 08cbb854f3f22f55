CREATE TABLE `import_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scheme` text NOT NULL,
	`key` text NOT NULL,
	`claim_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_keys_scheme_key_unique` ON `import_keys` (`scheme`,`key`);--> statement-breakpoint
CREATE INDEX `import_keys_claim_idx` ON `import_keys` (`claim_id`);--> statement-breakpoint
CREATE TABLE `import_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_records_action_check" CHECK(action IN ('create', 'update'))
);
--> statement-breakpoint
CREATE INDEX `import_records_import_idx` ON `import_records` (`import_id`,`id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`format` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`dry_run` integer DEFAULT false NOT NULL,
	`filename` text,
	`actor` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`refused` integer DEFAULT 0 NOT NULL,
	`report` text,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`undone_at` text,
	`undone_by` text,
	CONSTRAINT "imports_format_check" CHECK(format IN ('claimreview', 'web-annotation', 'csv', 'liar')),
	CONSTRAINT "imports_state_check" CHECK(state IN ('queued', 'running', 'done', 'failed', 'undone'))
);
--> statement-breakpoint
CREATE INDEX `imports_actor_idx` ON `imports` (`actor`,`id`);--> statement-breakpoint
CREATE INDEX `imports_created_at_idx` ON `imports` (`created_at`);