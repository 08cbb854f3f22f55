DROP INDEX `evidence_claim_idx`;--> statement-breakpoint
CREATE INDEX `evidence_claim_idx` ON `evidence` (`claim_id`,`created_at`);