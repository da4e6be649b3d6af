CREATE TABLE "rollup_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"as_of" date
);
--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "archetype" text;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "program_status" text;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "phase" text;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "ipp_score" integer;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "qualification" text DEFAULT 'incomplete' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "partner_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "partner_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "partner_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "baseline_intros" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "baseline_qualified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "baseline_deals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "baseline_won" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD COLUMN "plan_status" text;--> statement-breakpoint
CREATE INDEX "actions_open_due_day_idx" ON "actions" USING btree ((case when status = 'open' then due_date end));--> statement-breakpoint
CREATE INDEX "partner_stats_name_sort_idx" ON "partner_stats" USING btree ("name_key" collate "C","partner_id");