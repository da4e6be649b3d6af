CREATE TABLE "hubspot_connection" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"access_token" text,
	"client_secret" text,
	"base_url" text DEFAULT 'https://api.hubapi.com' NOT NULL,
	"stage_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"push_rep_edits" boolean DEFAULT false NOT NULL,
	"requests_per_10s" integer DEFAULT 190 NOT NULL,
	"search_per_second" integer DEFAULT 4 NOT NULL,
	"contacts_cursor" timestamp with time zone,
	"deals_cursor" timestamp with time zone,
	"last_push_at" timestamp with time zone,
	"setup_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hubspot_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "hubspot_runs_started_idx" ON "hubspot_runs" USING btree ("started_at");