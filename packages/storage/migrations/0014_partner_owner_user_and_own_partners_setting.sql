ALTER TABLE "partners" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "workspace_settings" ADD COLUMN "managers_edit_own_partners_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "partners_owner_user_idx" ON "partners" USING btree ("owner_user_id");