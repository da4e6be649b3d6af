-- Backfill of 0002: named-account counts for partners that existed before the column did.
UPDATE "partner_stats" s SET "named_account_count" = (
  SELECT count(*) FROM "partner_named_accounts" x WHERE x."partner_id" = s."partner_id"
);
