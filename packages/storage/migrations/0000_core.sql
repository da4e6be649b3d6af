CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"name_key" text NOT NULL,
	"domain_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"rep_id" uuid,
	"due_date" date NOT NULL,
	"type" text NOT NULL,
	"notes" text,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"metric" text DEFAULT 'qualified-conversations' NOT NULL,
	"target" integer DEFAULT 3 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text,
	"is_current" boolean DEFAULT true NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"source" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"partner_id" uuid,
	"operation" text NOT NULL,
	"field" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "custom_field_defs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_named_accounts" (
	"partner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partner_named_accounts_partner_id_account_id_pk" PRIMARY KEY("partner_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "partner_stats" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"first_touch_date" date,
	"last_touch_date" date,
	"tier1_reps" integer DEFAULT 0 NOT NULL,
	"tier2_reps" integer DEFAULT 0 NOT NULL,
	"tier3_reps" integer DEFAULT 0 NOT NULL,
	"tier4_reps" integer DEFAULT 0 NOT NULL,
	"total_reps" integer DEFAULT 0 NOT NULL,
	"jordan_count" integer DEFAULT 0 NOT NULL,
	"tier12_rep_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reps_who_deliver" integer DEFAULT 0 NOT NULL,
	"intros_made" integer DEFAULT 0 NOT NULL,
	"qualified_conversations" integer DEFAULT 0 NOT NULL,
	"deals_brought_in" integer DEFAULT 0 NOT NULL,
	"open_deals" integer DEFAULT 0 NOT NULL,
	"closed_won" integer DEFAULT 0 NOT NULL,
	"closed_lost" integer DEFAULT 0 NOT NULL,
	"pipeline_value_minor" bigint DEFAULT 0 NOT NULL,
	"next_action_id" uuid,
	"next_action_date" date,
	"next_action_type" text,
	"next_action_rep_id" uuid,
	"next_action_rep_name" text,
	"next_action_notes" text,
	"plan_progress" integer
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text,
	"archetype" text,
	"slack_channel" text,
	"industry" text,
	"website" text,
	"domain" text,
	"icp_match" text,
	"intro_mechanism" text,
	"economics_ok" text,
	"partner_manager_name" text,
	"partner_manager_email" text,
	"partner_manager_slack" text,
	"origin_story" text,
	"relationship_notes" text,
	"program_status" text,
	"owner" text,
	"phase" text,
	"hubspot_company_id" text,
	"notes" text,
	"icp_alignment" smallint,
	"revenue_path_clarity" smallint,
	"archetype_fit" smallint,
	"economics" smallint,
	"strategic_value" smallint,
	"capacity" smallint,
	"capability" smallint,
	"commitment" smallint,
	"pillar_partnerships_management" smallint,
	"pillar_partner_marketing" smallint,
	"pillar_partner_enablement" smallint,
	"pillar_partner_operations" smallint,
	"pillar_cross_functional" smallint,
	"pillar_customer_centric" smallint,
	"enterprise_tier" text,
	"jvp_status" text,
	"jvp_date" date,
	"jvp_link" text,
	"reviewed_at" timestamp with time zone,
	"baseline" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"rep_id" uuid,
	"account_id" uuid,
	"introduced_at" date NOT NULL,
	"stage" text NOT NULL,
	"amount_minor" bigint,
	"expected_close_date" date,
	"hubspot_deal_id" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rep_stats" (
	"rep_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"first_touch_date" date,
	"last_touch_date" date,
	"last_inbound_date" date,
	"last_referral_date" date,
	"referral_count" integer DEFAULT 0 NOT NULL,
	"open_deal_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"title" text,
	"engagement_tier" smallint,
	"quality_score" smallint,
	"shares_account_list" boolean DEFAULT false NOT NULL,
	"suggests_joint_activities" boolean DEFAULT false NOT NULL,
	"intros_without_proof" boolean DEFAULT false NOT NULL,
	"responsive" boolean DEFAULT false NOT NULL,
	"stuck_building_rapport" boolean DEFAULT false NOT NULL,
	"lip_service_only" boolean DEFAULT false NOT NULL,
	"expects_us_to_bring_everything" boolean DEFAULT false NOT NULL,
	"waits_for_deals" boolean DEFAULT false NOT NULL,
	"notes" text,
	"hubspot_contact_id" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"rep_id" uuid,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"week_starts_on" smallint DEFAULT 1 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"cadences" jsonb NOT NULL,
	"ipp_bands" jsonb NOT NULL,
	"option_lists" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_rep_id_reps_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."reps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_plans" ADD CONSTRAINT "activation_plans_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_named_accounts" ADD CONSTRAINT "partner_named_accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_named_accounts" ADD CONSTRAINT "partner_named_accounts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_stats" ADD CONSTRAINT "partner_stats_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_rep_id_reps_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."reps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_stats" ADD CONSTRAINT "rep_stats_rep_id_reps_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."reps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_stats" ADD CONSTRAINT "rep_stats_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reps" ADD CONSTRAINT "reps_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_rep_id_reps_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."reps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_domain_key_uq" ON "accounts" USING btree ("domain_key") WHERE domain_key is not null;--> statement-breakpoint
CREATE INDEX "accounts_name_key_idx" ON "accounts" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "actions_open_due_idx" ON "actions" USING btree ("due_date","id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "actions_partner_open_idx" ON "actions" USING btree ("partner_id","due_date") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "actions_rep_open_idx" ON "actions" USING btree ("rep_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "actions_partner_idx" ON "actions" USING btree ("partner_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activation_plans_current_uq" ON "activation_plans" USING btree ("partner_id") WHERE is_current;--> statement-breakpoint
CREATE INDEX "activation_plans_partner_idx" ON "activation_plans" USING btree ("partner_id","start_date");--> statement-breakpoint
CREATE INDEX "change_history_partner_idx" ON "change_history" USING btree ("partner_id","id");--> statement-breakpoint
CREATE INDEX "change_history_entity_idx" ON "change_history" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_defs_entity_key_uq" ON "custom_field_defs" USING btree ("entity","key");--> statement-breakpoint
CREATE INDEX "pna_account_idx" ON "partner_named_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "partner_stats_next_action_idx" ON "partner_stats" USING btree ("next_action_date");--> statement-breakpoint
CREATE INDEX "partner_stats_last_touch_idx" ON "partner_stats" USING btree ("last_touch_date");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_name_lower_uq" ON "partners" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "partners_name_sort_idx" ON "partners" USING btree (lower("name") collate "C","id");--> statement-breakpoint
CREATE INDEX "partners_hubspot_company_idx" ON "partners" USING btree ("hubspot_company_id");--> statement-breakpoint
CREATE INDEX "partners_updated_idx" ON "partners" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "referrals_partner_idx" ON "referrals" USING btree ("partner_id","introduced_at");--> statement-breakpoint
CREATE INDEX "referrals_rep_idx" ON "referrals" USING btree ("rep_id");--> statement-breakpoint
CREATE INDEX "referrals_account_idx" ON "referrals" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_hubspot_deal_uq" ON "referrals" USING btree ("hubspot_deal_id") WHERE hubspot_deal_id is not null;--> statement-breakpoint
CREATE INDEX "rep_stats_partner_idx" ON "rep_stats" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reps_partner_name_uq" ON "reps" USING btree ("partner_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "reps_email_uq" ON "reps" USING btree (lower("email")) WHERE email is not null;--> statement-breakpoint
CREATE INDEX "reps_hubspot_contact_idx" ON "reps" USING btree ("hubspot_contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_name_uq" ON "saved_views" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "touches_partner_time_idx" ON "touches" USING btree ("partner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touches_rep_time_idx" ON "touches" USING btree ("rep_id","direction","occurred_at");