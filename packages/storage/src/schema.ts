import type { ActionStatus, Direction, PlanMetric, PlanStatus, ReferralStage, Tier, TouchKind, YesNo } from '@ptrack/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Column helpers shared by every user-editable record (docs/RULES.md: createdAt, updatedAt, version).
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);
const day = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const workspaceSettings = pgTable('workspace_settings', {
  id: smallint('id').primaryKey().default(1),
  timeZone: text('time_zone').notNull().default('UTC'),
  weekStartsOn: smallint('week_starts_on').notNull().default(1),
  // Days of the week follow-ups may fall on (0 = Sunday … 6 = Saturday); Monday–Friday by default.
  workingDays: jsonb('working_days').$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
  currency: text('currency').notNull().default('USD'),
  cadences: jsonb('cadences').$type<Record<'1' | '2' | '3' | '4', number>>().notNull(),
  ippBands: jsonb('ipp_bands').$type<{ strategic: number; good: number; evaluate: number }>().notNull(),
  optionLists: jsonb('option_lists').$type<Record<string, string[]>>().notNull(),
  managersEditOwnPartnersOnly: boolean('managers_edit_own_partners_only').notNull().default(false),
  // The HubSpot account (portal) that links to records go to; learned from an imported sheet's links.
  hubspotPortalId: text('hubspot_portal_id'),
  updatedAt: updatedAt(),
  version: version(),
});

export const customFieldDefs = pgTable(
  'custom_field_defs',
  {
    id: id(),
    entity: text('entity').$type<'partner' | 'rep'>().notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<'text' | 'number' | 'date' | 'select' | 'checkbox' | 'url'>().notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('custom_field_defs_entity_key_uq').on(t.entity, t.key)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    name: text('name').notNull(),
    domain: text('domain'),
    // Normalised keys (docs/RULES.md: matching is by normalised domain, else normalised name).
    nameKey: text('name_key').notNull(),
    domainKey: text('domain_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('accounts_domain_key_uq').on(t.domainKey).where(sql`domain_key is not null`),
    index('accounts_name_key_idx').on(t.nameKey),
  ],
);

export const partners = pgTable(
  'partners',
  {
    id: id(),
    name: text('name').notNull(),
    type: text('type'),
    archetype: text('archetype'),
    slackChannel: text('slack_channel'),
    industry: text('industry'),
    website: text('website'),
    domain: text('domain'),
    icpMatch: text('icp_match').$type<YesNo>(),
    introMechanism: text('intro_mechanism'),
    economicsOk: text('economics_ok').$type<YesNo>(),
    partnerManagerName: text('partner_manager_name'),
    partnerManagerEmail: text('partner_manager_email'),
    partnerManagerSlack: text('partner_manager_slack'),
    originStory: text('origin_story'),
    relationshipNotes: text('relationship_notes'),
    programStatus: text('program_status'),
    owner: text('owner'),
    // The owning user; `owner` stays as a label until one is assigned (the users table comes with accounts).
    ownerUserId: uuid('owner_user_id'),
    phase: text('phase'),
    hubspotCompanyId: text('hubspot_company_id'),
    notes: text('notes'),
    // Optional IPP section (each 0–10).
    icpAlignment: smallint('icp_alignment'),
    revenuePathClarity: smallint('revenue_path_clarity'),
    archetypeFit: smallint('archetype_fit'),
    economics: smallint('economics'),
    strategicValue: smallint('strategic_value'),
    // Optional enterprise evaluation (each 1–5).
    capacity: smallint('capacity'),
    capability: smallint('capability'),
    commitment: smallint('commitment'),
    pillarPartnershipsManagement: smallint('pillar_partnerships_management'),
    pillarPartnerMarketing: smallint('pillar_partner_marketing'),
    pillarPartnerEnablement: smallint('pillar_partner_enablement'),
    pillarPartnerOperations: smallint('pillar_partner_operations'),
    pillarCrossFunctional: smallint('pillar_cross_functional'),
    pillarCustomerCentric: smallint('pillar_customer_centric'),
    enterpriseTier: text('enterprise_tier'),
    jvpStatus: text('jvp_status'),
    jvpDate: day('jvp_date'),
    jvpLink: text('jvp_link'),
    reviewedAt: instant('reviewed_at'),
    // Performance baselines carried over from a migrated sheet, added to computed figures.
    baseline: jsonb('baseline').$type<Record<string, number>>().notNull().default({}),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('partners_name_lower_uq').on(sql`lower(${t.name})`),
    index('partners_name_sort_idx').on(sql`lower(${t.name}) collate "C"`, t.id),
    index('partners_hubspot_company_idx').on(t.hubspotCompanyId),
    index('partners_updated_idx').on(t.updatedAt),
    index('partners_owner_user_idx').on(t.ownerUserId),
  ],
);

export const partnerNamedAccounts = pgTable(
  'partner_named_accounts',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.accountId] }), index('pna_account_idx').on(t.accountId)],
);

export const reps = pgTable(
  'reps',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    engagementTier: smallint('engagement_tier').$type<Tier>(),
    qualityScore: smallint('quality_score'),
    sharesAccountList: boolean('shares_account_list').notNull().default(false),
    suggestsJointActivities: boolean('suggests_joint_activities').notNull().default(false),
    introsWithoutProof: boolean('intros_without_proof').notNull().default(false),
    responsive: boolean('responsive').notNull().default(false),
    stuckBuildingRapport: boolean('stuck_building_rapport').notNull().default(false),
    lipServiceOnly: boolean('lip_service_only').notNull().default(false),
    expectsUsToBringEverything: boolean('expects_us_to_bring_everything').notNull().default(false),
    waitsForDeals: boolean('waits_for_deals').notNull().default(false),
    notes: text('notes'),
    hubspotContactId: text('hubspot_contact_id'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('reps_partner_name_uq').on(t.partnerId, sql`lower(${t.name})`),
    uniqueIndex('reps_email_uq').on(sql`lower(${t.email})`).where(sql`email is not null`),
    index('reps_hubspot_contact_idx').on(t.hubspotContactId),
  ],
);

export const touches = pgTable(
  'touches',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    repId: uuid('rep_id').references(() => reps.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<TouchKind>().notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    occurredAt: instant('occurred_at').notNull(),
    summary: text('summary'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('touches_partner_time_idx').on(t.partnerId, t.occurredAt),
    index('touches_rep_time_idx').on(t.repId, t.direction, t.occurredAt),
    // Timelines: a rep's touches newest first (GET /api/touches?repId=).
    index('touches_rep_timeline_idx').on(t.repId, t.occurredAt, t.id),
  ],
);

/** An open action's due day, null for a done or skipped one: counts of due actions filter on it (indexed). */
export const OPEN_DUE_DAY = sql`(case when status = 'open' then due_date end)`;

export const actions = pgTable(
  'actions',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    repId: uuid('rep_id').references(() => reps.id, { onDelete: 'cascade' }),
    dueDate: day('due_date').notNull(),
    type: text('type').notNull(),
    notes: text('notes'),
    status: text('status').$type<ActionStatus>().notNull().default('open'),
    completedAt: instant('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // Today list: open actions by due date; partner rollup: earliest open action per partner.
    index('actions_open_due_idx').on(t.dueDate, t.id).where(sql`status = 'open'`),
    // Counting what is due: the planner keeps statistics on this expression, so it estimates the few open
    // actions due by a date correctly instead of multiplying "open" by "due by then" over all actions.
    index('actions_open_due_day_idx').on(OPEN_DUE_DAY),
    index('actions_partner_open_idx').on(t.partnerId, t.dueDate).where(sql`status = 'open'`),
    index('actions_rep_open_idx').on(t.repId).where(sql`status = 'open'`),
    index('actions_partner_idx').on(t.partnerId, t.updatedAt),
    // Action lists by partner or rep, in due-date order (GET /api/actions?partnerId=|repId=).
    index('actions_partner_due_idx').on(t.partnerId, t.dueDate, t.id),
    index('actions_rep_due_idx').on(t.repId, t.dueDate, t.id),
  ],
);

export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    repId: uuid('rep_id').references(() => reps.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    introducedAt: day('introduced_at').notNull(),
    stage: text('stage').$type<ReferralStage>().notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    expectedCloseDate: day('expected_close_date'),
    hubspotDealId: text('hubspot_deal_id'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('referrals_partner_idx').on(t.partnerId, t.introducedAt),
    index('referrals_rep_idx').on(t.repId),
    index('referrals_account_idx').on(t.accountId),
    uniqueIndex('referrals_hubspot_deal_uq').on(t.hubspotDealId).where(sql`hubspot_deal_id is not null`),
  ],
);

export const activationPlans = pgTable(
  'activation_plans',
  {
    id: id(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    goal: text('goal').notNull(),
    metric: text('metric').$type<PlanMetric>().notNull().default('qualified-conversations'),
    target: integer('target').notNull().default(3),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    // The status the user set; null means "follow the suggestion" (docs/RULES.md: a set status stands).
    status: text('status').$type<PlanStatus>(),
    isCurrent: boolean('is_current').notNull().default(true),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('activation_plans_current_uq').on(t.partnerId).where(sql`is_current`),
    index('activation_plans_partner_idx').on(t.partnerId, t.startDate),
  ],
);

export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('saved_views_name_uq').on(sql`lower(${t.name})`)],
);

export const changeHistory = pgTable(
  'change_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
    source: text('source').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    partnerId: uuid('partner_id'),
    operation: text('operation').$type<'create' | 'update' | 'delete'>().notNull(),
    field: text('field'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('change_history_partner_idx').on(t.partnerId, t.id),
    index('change_history_entity_idx').on(t.entityType, t.entityId, t.id),
  ],
);

// Maintained rollups (issue: lists must not recompute from raw touches per request). Refreshed in the
// same transaction as every write that can change them; time-dependent figures ("in the last 90 days",
// days since last touch) are derived from these stored dates at read time with the workspace's today.
export const repStats = pgTable(
  'rep_stats',
  {
    repId: uuid('rep_id')
      .primaryKey()
      .references(() => reps.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    firstTouchDate: day('first_touch_date'),
    lastTouchDate: day('last_touch_date'),
    lastInboundDate: day('last_inbound_date'),
    lastReferralDate: day('last_referral_date'),
    referralCount: integer('referral_count').notNull().default(0),
    openDealCount: integer('open_deal_count').notNull().default(0),
  },
  (t) => [index('rep_stats_partner_idx').on(t.partnerId)],
);

export const partnerStats = pgTable(
  'partner_stats',
  {
    partnerId: uuid('partner_id')
      .primaryKey()
      .references(() => partners.id, { onDelete: 'cascade' }),
    // The partner's own grid columns, copied here so the grid filters and sorts one table.
    name: text('name').notNull().default(''),
    nameKey: text('name_key').notNull().default(''),
    type: text('type'),
    archetype: text('archetype'),
    programStatus: text('program_status'),
    phase: text('phase'),
    owner: text('owner'),
    industry: text('industry'),
    ippScore: integer('ipp_score'),
    qualification: text('qualification').notNull().default('incomplete'),
    reviewedAt: instant('reviewed_at'),
    partnerCreatedAt: instant('partner_created_at'),
    partnerUpdatedAt: instant('partner_updated_at'),
    partnerVersion: integer('partner_version').notNull().default(1),
    baselineIntros: integer('baseline_intros').notNull().default(0),
    baselineQualified: integer('baseline_qualified').notNull().default(0),
    baselineDeals: integer('baseline_deals').notNull().default(0),
    baselineWon: integer('baseline_won').notNull().default(0),
    baselinePipeline: bigint('baseline_pipeline', { mode: 'number' }).notNull().default(0),
    planStatus: text('plan_status'),
    firstTouchDate: day('first_touch_date'),
    lastTouchDate: day('last_touch_date'),
    tier1Reps: integer('tier1_reps').notNull().default(0),
    tier2Reps: integer('tier2_reps').notNull().default(0),
    tier3Reps: integer('tier3_reps').notNull().default(0),
    tier4Reps: integer('tier4_reps').notNull().default(0),
    totalReps: integer('total_reps').notNull().default(0),
    jordanCount: integer('jordan_count').notNull().default(0),
    tier12RepNames: jsonb('tier12_rep_names').$type<string[]>().notNull().default([]),
    repsWhoDeliver: integer('reps_who_deliver').notNull().default(0),
    introsMade: integer('intros_made').notNull().default(0),
    qualifiedConversations: integer('qualified_conversations').notNull().default(0),
    dealsBroughtIn: integer('deals_brought_in').notNull().default(0),
    openDeals: integer('open_deals').notNull().default(0),
    closedWon: integer('closed_won').notNull().default(0),
    closedLost: integer('closed_lost').notNull().default(0),
    pipelineValueMinor: bigint('pipeline_value_minor', { mode: 'number' }).notNull().default(0),
    nextActionId: uuid('next_action_id'),
    nextActionDate: day('next_action_date'),
    nextActionType: text('next_action_type'),
    nextActionRepId: uuid('next_action_rep_id'),
    nextActionRepName: text('next_action_rep_name'),
    nextActionNotes: text('next_action_notes'),
    planProgress: integer('plan_progress'),
    namedAccountCount: integer('named_account_count').notNull().default(0),
    // Figures that move with the calendar ("in the last 90 days"), kept for the day in rollupAsOf and
    // recomputed in one set-based pass when the workspace's today moves on (or a write clears the date).
    repsBringingDeals: integer('reps_bringing_deals').notNull().default(0),
    repsEngaged: integer('reps_engaged').notNull().default(0),
    rollupAsOf: day('rollup_as_of'),
  },
  (t) => [
    index('partner_stats_next_action_idx').on(t.nextActionDate),
    index('partner_stats_last_touch_idx').on(t.lastTouchDate),
    index('partner_stats_rollup_as_of_idx').on(t.rollupAsOf),
    index('partner_stats_name_sort_idx').on(sql`${t.nameKey} collate "C"`, t.partnerId),
  ],
);

// The day the calendar-dependent rollups of every partner were last brought up to (refreshDailyRollups).
// Derived state, like the stats tables: not backed up, rebuilt when missing.
export const rollupState = pgTable('rollup_state', {
  id: smallint('id').primaryKey().default(1),
  asOf: day('as_of'),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

// A spreadsheet import (issue 5): the uploaded file is kept with its mapping so the preview and the
// apply read the same bytes, and `appliedRows` records how far the apply got — each batch of rows and
// this counter commit together, so an interrupted apply resumes after its last whole batch.
export const sheetImports = pgTable(
  'sheet_imports',
  {
    id: id(),
    entity: text('entity').$type<'partner' | 'rep'>().notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    sheet: text('sheet'),
    /** The uploaded file's size; 0 once the file is let go (its chunks deleted). */
    contentBytes: integer('content_bytes').notNull().default(0),
    contentHash: text('content_hash').notNull(),
    mapping: jsonb('mapping').$type<unknown>().notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<'previewed' | 'applying' | 'applied'>().notNull().default('previewed'),
    totalRows: integer('total_rows').notNull().default(0),
    appliedRows: integer('applied_rows').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, number>>().notNull().default({}),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('sheet_imports_created_idx').on(t.createdAt)],
);

// The uploaded file in pieces of at most 512 KiB: one large bytea value grows the embedded database's
// WebAssembly heap by ten times its size for good (measured: a 41 MiB upload took RSS from 290 to
// 790 MB), while pieces pass through a small, reused buffer.
export const sheetImportChunks = pgTable(
  'sheet_import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => sheetImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

// A column mapping saved for the next import of the same kind of sheet ("Mappings can be edited and
// saved for the next import").
export const sheetMappings = pgTable(
  'sheet_mappings',
  {
    id: id(),
    entity: text('entity').$type<'partner' | 'rep'>().notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<unknown>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('sheet_mappings_name_uq').on(t.entity, sql`lower(${t.name})`)],
);

// ---- Digests and calendar feed (issue 6, build point 7) ----
// One row: where the Monday digest goes and when. The Slack webhook URL and SMTP password are secrets,
// stored here and never returned by the API; the calendar token is the secret part of the ICS feed URL.
export type DigestRecipient = { owner: string; email: string | null; slackMention: string | null };
export const digestSettings = pgTable('digest_settings', {
  id: smallint('id').primaryKey().default(1),
  scheduleEnabled: boolean('schedule_enabled').notNull().default(false),
  scheduleWeekday: smallint('schedule_weekday').notNull().default(1),
  scheduleTime: text('schedule_time').notNull().default('08:00'),
  scheduleChannels: jsonb('schedule_channels').$type<('slack' | 'email')[]>().notNull().default(['slack', 'email']),
  skipEmpty: boolean('skip_empty').notNull().default(false),
  baseUrl: text('base_url'),
  slackWebhookUrl: text('slack_webhook_url'),
  smtpHost: text('smtp_host'),
  smtpPort: integer('smtp_port'),
  smtpSecurity: text('smtp_security').$type<'tls' | 'starttls' | 'none'>().notNull().default('starttls'),
  smtpUser: text('smtp_user'),
  smtpPassword: text('smtp_password'),
  fromAddress: text('from_address'),
  defaultEmail: text('default_email'),
  recipients: jsonb('recipients').$type<DigestRecipient[]>().notNull().default([]),
  calendarToken: text('calendar_token'),
  // The workspace day of the last scheduled send, so a retried job does not send the same digest twice.
  lastScheduledDay: day('last_scheduled_day'),
  updatedAt: updatedAt(),
  version: version(),
});

// ---- Background jobs (issue 6) ----
// One row per run of a background job (a scheduled tick or a "Run now"), updated as it moves from
// queued to running to succeeded/failed; a failed attempt with retries left goes back to queued with its
// error kept. The queue itself is pg-boss's (its own `pgboss` schema); this is what people read.
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    job: text('job').notNull(),
    trigger: text('trigger').$type<'scheduled' | 'manual'>().notNull(),
    // The queue's id for the run, so every attempt of one queued job updates the same row.
    queueJobId: text('queue_job_id').notNull(),
    status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull(),
    attempt: integer('attempt').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    requestedBy: text('requested_by'),
    queuedAt: instant('queued_at').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    // json, not jsonb: it keeps the order the job gave its counts in ("rows, bytes, kept, deleted").
    counts: json('counts').$type<Record<string, number>>().notNull().default({}),
    summary: text('summary'),
    error: text('error'),
  },
  (t) => [uniqueIndex('job_runs_queue_job_uq').on(t.queueJobId), index('job_runs_job_queued_idx').on(t.job, t.queuedAt)],
);

// ── HubSpot sync (issue 6) ────────────────────────────────────────────────────────────────────────
// The one connection of the workspace. The token and client secret are stored but never returned by the
// API or logged (the API says `configured` and the token's last 4 characters).
export const hubspotConnection = pgTable('hubspot_connection', {
  id: smallint('id').primaryKey().default(1),
  accessToken: text('access_token'),
  clientSecret: text('client_secret'),
  baseUrl: text('base_url').notNull().default('https://api.hubapi.com'),
  // Pipeline/stage → referral stage ("pipelineId/stageId" or "stageId").
  stageMap: jsonb('stage_map').$type<Record<string, string>>().notNull().default({}),
  pushRepEdits: boolean('push_rep_edits').notNull().default(false),
  requestsPer10s: integer('requests_per_10s').notNull().default(190),
  searchPerSecond: integer('search_per_second').notNull().default(4),
  // Incremental pulls search "last modified ≥ cursor"; set only once a sync has applied everything before it.
  contactsCursor: instant('contacts_cursor'),
  dealsCursor: instant('deals_cursor'),
  lastPushAt: instant('last_push_at'),
  setupAt: instant('setup_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

// One pull or push. `cursor` is where an interrupted run resumes: it moves forward in the same
// transaction as the page it follows, so a page is either applied with its cursor or not at all.
export const hubspotRuns = pgTable(
  'hubspot_runs',
  {
    id: id(),
    kind: text('kind').$type<'full' | 'incremental' | 'push'>().notNull(),
    status: text('status').$type<'running' | 'succeeded' | 'failed'>().notNull().default('running'),
    cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull().default({}),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    failures: jsonb('failures').$type<{ object: string; id: string; reason: string }[]>().notNull().default([]),
    requests: integer('requests').notNull().default(0),
    error: text('error'),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('hubspot_runs_started_idx').on(t.startedAt)],
);
