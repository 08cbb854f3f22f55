ALTER TABLE "events" ADD COLUMN "reader_visible" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "events_reader_visible_idx" ON "events" USING btree ("id") WHERE reader_visible;