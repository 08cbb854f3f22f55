DROP INDEX "evidence_claim_idx";--> statement-breakpoint
CREATE INDEX "evidence_claim_idx" ON "evidence" USING btree ("claim_id","created_at");