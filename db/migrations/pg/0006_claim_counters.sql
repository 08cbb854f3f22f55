DROP INDEX "claims_speaker_stated_idx";--> statement-breakpoint
DROP INDEX "claims_story_stated_idx";--> statement-breakpoint
DROP INDEX "claims_status_created_idx";--> statement-breakpoint
DROP INDEX "claims_created_at_idx";--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "dispute_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "public_dispute_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "request_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "verdict_at" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "queue_reason" text GENERATED ALWAYS AS (CASE WHEN status = 'in_review' THEN 'in_review' WHEN status = 'returned' THEN 'returned' WHEN dispute_count > 0 AND rating_id IS NULL AND status <> 'archived' THEN 'contested' END) STORED;--> statement-breakpoint
CREATE INDEX "claims_speaker_created_idx" ON "claims" USING btree ("speaker_id","created_at","id","status");--> statement-breakpoint
CREATE INDEX "claims_story_created_idx" ON "claims" USING btree ("story_id","created_at","id","status");--> statement-breakpoint
CREATE INDEX "claims_speaker_timeline_idx" ON "claims" USING btree ("speaker_id",coalesce("stated_on", '9999-12-31'),"created_at","id","status");--> statement-breakpoint
CREATE INDEX "claims_story_timeline_idx" ON "claims" USING btree ("story_id",coalesce("stated_on", '9999-12-31'),"created_at","id","status");--> statement-breakpoint
CREATE INDEX "claims_scorecard_idx" ON "claims" USING btree ("speaker_id","status","rating_id","public_dispute_count","dispute_count");--> statement-breakpoint
CREATE INDEX "claims_story_span_idx" ON "claims" USING btree ("story_id","status","speaker_id","stated_on");--> statement-breakpoint
CREATE INDEX "claims_contested_idx" ON "claims" USING btree ("story_id","speaker_id","status","public_dispute_count") WHERE dispute_count > 0;--> statement-breakpoint
CREATE INDEX "claims_queue_idx" ON "claims" USING btree ("request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_reason_idx" ON "claims" USING btree ("queue_reason","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_story_idx" ON "claims" USING btree ("story_id","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_speaker_idx" ON "claims" USING btree ("speaker_id","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_queue_assignee_idx" ON "claims" USING btree ("assignee_id","request_count" DESC NULLS LAST,"created_at","id") WHERE queue_reason IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_verdict_at_idx" ON "claims" USING btree ("status","verdict_at","id") WHERE rating_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_story_verdict_at_idx" ON "claims" USING btree ("story_id","status","verdict_at","id") WHERE rating_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "claims_speaker_verdict_at_idx" ON "claims" USING btree ("speaker_id","status","verdict_at","id") WHERE rating_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "events_link_before_from_idx" ON "events" USING btree (((before ->> 'fromClaimId')::integer)) WHERE entity_type = 'link';--> statement-breakpoint
CREATE INDEX "events_link_before_to_idx" ON "events" USING btree (((before ->> 'toClaimId')::integer)) WHERE entity_type = 'link';--> statement-breakpoint
CREATE INDEX "events_link_after_from_idx" ON "events" USING btree (((after ->> 'fromClaimId')::integer)) WHERE entity_type = 'link';--> statement-breakpoint
CREATE INDEX "events_link_after_to_idx" ON "events" USING btree (((after ->> 'toClaimId')::integer)) WHERE entity_type = 'link';--> statement-breakpoint
CREATE INDEX "claims_status_created_idx" ON "claims" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "claims_created_at_idx" ON "claims" USING btree ("created_at","id");