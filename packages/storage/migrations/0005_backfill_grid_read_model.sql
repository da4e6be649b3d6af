-- Backfill of 0004: the grid's copy of each partner's own columns. The calendar-dependent columns
-- (plan status, reps bringing deals / engaged) follow at the first read: rollup_state starts empty,
-- which makes that read recompute them for every partner.
UPDATE "partner_stats" s SET
  "name" = p."name",
  "name_key" = lower(p."name"),
  "type" = p."type",
  "archetype" = p."archetype",
  "program_status" = p."program_status",
  "phase" = p."phase",
  "owner" = p."owner",
  "industry" = p."industry",
  "ipp_score" = CASE WHEN p."icp_alignment" IS NULL OR p."revenue_path_clarity" IS NULL OR p."archetype_fit" IS NULL
                       OR p."economics" IS NULL OR p."strategic_value" IS NULL THEN NULL
                     ELSE p."icp_alignment" + p."revenue_path_clarity" + p."archetype_fit" + p."economics" + p."strategic_value" END,
  "qualification" = CASE
    WHEN p."icp_match" = 'no' OR s."named_account_count" BETWEEN 1 AND 2 OR p."economics_ok" = 'no' THEN 'polite-pass'
    WHEN p."icp_match" = 'yes' AND s."named_account_count" >= 3 AND coalesce(btrim(p."intro_mechanism"), '') <> ''
         AND p."economics_ok" = 'yes' THEN 'pursue'
    ELSE 'incomplete' END,
  "reviewed_at" = p."reviewed_at",
  "partner_created_at" = p."created_at",
  "partner_updated_at" = p."updated_at",
  "partner_version" = p."version",
  "baseline_intros" = coalesce((p."baseline"->>'introsMade')::int, 0),
  "baseline_qualified" = coalesce((p."baseline"->>'qualifiedConversations')::int, 0),
  "baseline_deals" = coalesce((p."baseline"->>'dealsBroughtIn')::int, 0),
  "baseline_won" = coalesce((p."baseline"->>'closedWon')::int, 0)
FROM "partners" p
WHERE p."id" = s."partner_id";
