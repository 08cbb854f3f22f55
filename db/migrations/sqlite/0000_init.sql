CREATE TABLE `source_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`text` text NOT NULL,
	`note` text,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_revisions_source_revision_unique` ON `source_revisions` (`source_id`,`revision`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'article' NOT NULL,
	`publisher` text,
	`author` text,
	`url` text,
	`published_on` text,
	`language` text DEFAULT 'en' NOT NULL,
	`text` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "sources_kind_check" CHECK(kind IN ('article', 'report', 'statement', 'transcript', 'social-post')),
	CONSTRAINT "sources_published_on_check" CHECK(published_on IS NULL OR (published_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(published_on) = published_on)),
	CONSTRAINT "sources_text_check" CHECK(length(text) > 0)
);
--> statement-breakpoint
CREATE INDEX `sources_created_at_idx` ON `sources` (`created_at`);--> statement-breakpoint
CREATE INDEX `sources_published_on_idx` ON `sources` (`published_on`);--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'person' NOT NULL,
	`description` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`affiliation_id` integer,
	`merged_into_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`affiliation_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "speakers_kind_check" CHECK(kind IN ('person', 'organisation', 'government', 'other')),
	CONSTRAINT "speakers_name_check" CHECK(length(trim(name)) > 0),
	CONSTRAINT "speakers_aliases_check" CHECK(json_valid(aliases) AND json_type(aliases) = 'array'),
	CONSTRAINT "speakers_affiliation_check" CHECK(affiliation_id IS NULL OR affiliation_id <> id)
);
--> statement-breakpoint
CREATE INDEX `speakers_name_idx` ON `speakers` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `speakers_affiliation_idx` ON `speakers` (`affiliation_id`);--> statement-breakpoint
CREATE INDEX `speakers_merged_into_idx` ON `speakers` (`merged_into_id`);--> statement-breakpoint
CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "stories_title_check" CHECK(length(trim(title)) > 0)
);
--> statement-breakpoint
CREATE INDEX `stories_title_idx` ON `stories` ("title" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `stories_updated_at_idx` ON `stories` (`updated_at`);--> statement-breakpoint
CREATE TABLE `rating_scales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_scales_one_default` ON `rating_scales` (`is_default`) WHERE is_default = 1;--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scale_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`colour` text NOT NULL,
	`value` real,
	`position` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`scale_id`) REFERENCES `rating_scales`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ratings_colour_check" CHECK(colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
	CONSTRAINT "ratings_key_check" CHECK(key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_scale_key_unique` ON `ratings` (`scale_id`,`key`);--> statement-breakpoint
CREATE INDEX `ratings_scale_position_idx` ON `ratings` (`scale_id`,`position`);--> statement-breakpoint
CREATE TABLE `claim_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_claim_id` integer NOT NULL,
	`to_claim_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`from_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claim_links_kind_check" CHECK(kind IN ('disputes', 'supports', 'qualifies', 'same-as', 'responds-to')),
	CONSTRAINT "claim_links_no_self_link" CHECK(from_claim_id <> to_claim_id)
);
--> statement-breakpoint
CREATE INDEX `claim_links_from_kind_idx` ON `claim_links` (`from_claim_id`,`kind`);--> statement-breakpoint
CREATE INDEX `claim_links_to_kind_idx` ON `claim_links` (`to_claim_id`,`kind`);--> statement-breakpoint
CREATE INDEX `claim_links_kind_created_idx` ON `claim_links` (`kind`,`created_at`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`quote` text,
	`speaker_id` integer NOT NULL,
	`source_id` integer,
	`story_id` integer,
	`stated_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`rating_id` integer,
	`rationale` text,
	`published_at` text,
	`anchor_exact` text,
	`anchor_prefix` text,
	`anchor_suffix` text,
	`anchor_start` integer,
	`anchor_end` integer,
	`anchor_revision` integer,
	`anchor_state` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_status_check" CHECK(status IN ('draft', 'in_review', 'returned', 'published', 'archived')),
	CONSTRAINT "claims_text_check" CHECK(length(trim(text)) > 0),
	CONSTRAINT "claims_stated_on_check" CHECK(stated_on IS NULL OR (stated_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(stated_on) = stated_on)),
	CONSTRAINT "claims_anchor_state_check" CHECK(anchor_state IS NULL OR anchor_state IN ('anchored', 'orphan')),
	CONSTRAINT "claims_anchor_check" CHECK((anchor_state IS NULL AND anchor_exact IS NULL AND anchor_start IS NULL AND anchor_end IS NULL)
        OR (anchor_state IS NOT NULL AND source_id IS NOT NULL AND anchor_exact IS NOT NULL AND length(anchor_exact) > 0
            AND anchor_prefix IS NOT NULL AND anchor_suffix IS NOT NULL AND anchor_revision IS NOT NULL
            AND anchor_start >= 0 AND anchor_end > anchor_start))
);
--> statement-breakpoint
CREATE INDEX `claims_speaker_stated_idx` ON `claims` (`speaker_id`,`stated_on`);--> statement-breakpoint
CREATE INDEX `claims_source_idx` ON `claims` (`source_id`);--> statement-breakpoint
CREATE INDEX `claims_story_stated_idx` ON `claims` (`story_id`,`stated_on`);--> statement-breakpoint
CREATE INDEX `claims_status_created_idx` ON `claims` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `claims_rating_idx` ON `claims` (`rating_id`);--> statement-breakpoint
CREATE INDEX `claims_created_at_idx` ON `claims` (`created_at`);--> statement-breakpoint
CREATE INDEX `claims_stated_on_idx` ON `claims` (`stated_on`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`source_id` integer,
	`url` text,
	`stance` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`anchor_exact` text,
	`anchor_prefix` text,
	`anchor_suffix` text,
	`anchor_start` integer,
	`anchor_end` integer,
	`created_by` text DEFAULT 'system' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evidence_stance_check" CHECK(stance IN ('supports', 'refutes', 'context')),
	CONSTRAINT "evidence_target_check" CHECK(source_id IS NOT NULL OR url IS NOT NULL),
	CONSTRAINT "evidence_anchor_check" CHECK(anchor_start IS NULL OR (source_id IS NOT NULL AND anchor_start >= 0 AND anchor_end > anchor_start))
);
--> statement-breakpoint
CREATE INDEX `evidence_claim_idx` ON `evidence` (`claim_id`);--> statement-breakpoint
CREATE INDEX `evidence_source_idx` ON `evidence` (`source_id`);--> statement-breakpoint
CREATE TABLE `check_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`reason` text NOT NULL,
	`requester` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_requests_claim_idx` ON `check_requests` (`claim_id`);--> statement-breakpoint
CREATE INDEX `check_requests_requester_idx` ON `check_requests` (`requester`,`created_at`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "comments_body_check" CHECK(length(trim(body)) > 0)
);
--> statement-breakpoint
CREATE INDEX `comments_claim_idx` ON `comments` (`claim_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`rating_id` integer NOT NULL,
	`rationale` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`author_id` text NOT NULL,
	`decided_by` text,
	`decision_comment` text,
	`decided_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reviews_state_check" CHECK(state IN ('pending', 'approved', 'returned', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `reviews_claim_idx` ON `reviews` (`claim_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_rating_idx` ON `reviews` (`rating_id`);--> statement-breakpoint
CREATE INDEX `reviews_state_idx` ON `reviews` (`state`,`created_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`comment` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "events_entity_type_check" CHECK(entity_type IN ('source', 'speaker', 'story', 'claim', 'link', 'evidence', 'review', 'comment', 'rating', 'user', 'token')),
	CONSTRAINT "events_json_check" CHECK((before IS NULL OR json_valid(before)) AND (after IS NULL OR json_valid(after)))
);
--> statement-breakpoint
CREATE INDEX `events_entity_idx` ON `events` (`entity_type`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_actor_idx` ON `events` (`actor`,`id`);--> statement-breakpoint
CREATE INDEX `events_created_at_idx` ON `events` (`created_at`);