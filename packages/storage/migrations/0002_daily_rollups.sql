ALTER TABLE "partner_stats" ADD COLUMN "named_account_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "reps_bringing_deals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "reps_engaged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "rollup_as_of" date;--> statement-breakpoint
CREATE INDEX "partner_stats_rollup_as_of_idx" ON "partner_stats" USING btree ("rollup_as_of");