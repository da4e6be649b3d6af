CREATE INDEX "actions_partner_due_idx" ON "actions" USING btree ("partner_id","due_date","id");--> statement-breakpoint
CREATE INDEX "actions_rep_due_idx" ON "actions" USING btree ("rep_id","due_date","id");--> statement-breakpoint
CREATE INDEX "touches_rep_timeline_idx" ON "touches" USING btree ("rep_id","occurred_at","id");