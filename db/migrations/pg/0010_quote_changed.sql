-- A claim whose quote no longer equals its anchored span (a revision moved the anchor onto other
-- words) waits in the queue as 'quote_changed' until someone accepts the new words or keeps the
-- old quote. Dropping the generated column drops its partial indexes; they are made again.
ALTER TABLE "claims" DROP COLUMN "queue_reason";--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "queue_reason" text GENERATED ALWAYS AS (CASE WHEN anchor_state = 'anchored' AND quote IS NOT NULL AND quote <> anchor_exact AND status <> 'archived' THEN 'quote_changed' WHEN status = 'in_review' THEN 'in_review' WHEN status = 'returned' THEN 'returned' WHEN dispute_count > 0 AND rating_id IS NULL AND status <> 'archived' THEN 'contested' END) STORED;--> statement-breakpoint
CREATE INDEX "claims_queue_idx" ON "claims" USING btree ("request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_reason_idx" ON "claims" USING btree ("queue_reason","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_story_idx" ON "claims" USING btree ("story_id","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_speaker_idx" ON "claims" USING btree ("speaker_id","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_assignee_idx" ON "claims" USING btree ("assignee_id","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;
