import { ACTION_STATUSES, DIRECTIONS, REFERRAL_STAGES, TOUCH_KINDS } from '@ptrack/domain';
import { z } from 'zod';
import { Id, Instant, IsoDate, MoneyMinor, OptionalProse, OptionalText, RecordMeta, Text, Version } from './common';

// Touches ------------------------------------------------------------------------------------------
export const LogTouchRequest = z
  .strictObject({
    partnerId: Id.optional(),
    repId: Id.nullable().optional(),
    kind: z.enum(TOUCH_KINDS),
    direction: z.enum(DIRECTIONS).default('outbound'),
    occurredAt: Instant.optional().meta({ description: 'Defaults to now' }),
    summary: OptionalProse(5000),
    next: z
      .strictObject({
        dueDate: IsoDate.optional(),
        type: Text(100).min(1).optional(),
        notes: OptionalProse(2000),
        skip: z.boolean().optional().meta({ description: 'Schedule no follow-up' }),
      })
      .optional()
      .meta({ description: 'Override the follow-up the cadence would schedule' }),
  })
  .refine((t) => t.partnerId !== undefined || (t.repId ?? null) !== null, {
    message: 'give partnerId or repId',
    path: ['partnerId'],
  })
  .meta({ id: 'LogTouchRequest' });
export type LogTouchRequest = z.infer<typeof LogTouchRequest>;

export const TouchDto = z
  .object({
    ...RecordMeta,
    partnerId: Id,
    repId: Id.nullable(),
    kind: z.string(),
    direction: z.enum(DIRECTIONS),
    occurredAt: z.string(),
    summary: z.string().nullable(),
  })
  .meta({ id: 'Touch' });
export type TouchDto = z.infer<typeof TouchDto>;

// Actions ------------------------------------------------------------------------------------------
export const CreateActionRequest = z
  .strictObject({
    partnerId: Id.optional(),
    repId: Id.nullable().optional(),
    dueDate: IsoDate,
    type: Text(100).min(1, 'must not be blank').default('Follow-up'),
    notes: OptionalProse(2000),
  })
  .refine((a) => a.partnerId !== undefined || (a.repId ?? null) !== null, {
    message: 'give partnerId or repId',
    path: ['partnerId'],
  })
  .meta({ id: 'CreateActionRequest' });
export type CreateActionRequest = z.infer<typeof CreateActionRequest>;

export const UpdateActionRequest = z
  .strictObject({
    version: Version,
    repId: Id.nullable().optional(),
    dueDate: IsoDate.optional(),
    type: Text(100).min(1, 'must not be blank').optional(),
    notes: OptionalProse(2000),
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .meta({ id: 'UpdateActionRequest' });
export type UpdateActionRequest = z.infer<typeof UpdateActionRequest>;

export const CompleteActionRequest = z
  .strictObject({
    version: Version.optional(),
    next: z
      .strictObject({
        dueDate: IsoDate.optional(),
        type: Text(100).min(1).optional(),
        notes: OptionalProse(2000),
        skip: z.boolean().optional(),
      })
      .optional()
      .meta({ description: 'The next action; by default one at the rep cadence' }),
    touch: z
      .strictObject({
        kind: z.enum(TOUCH_KINDS),
        direction: z.enum(DIRECTIONS).default('outbound'),
        summary: OptionalText(5000),
      })
      .optional()
      .meta({ description: "What happened: logs a touch with the action's rep (or partner), now, in the same step" }),
  })
  .meta({ id: 'CompleteActionRequest' });
export type CompleteActionRequest = z.infer<typeof CompleteActionRequest>;

export const SnoozeActionRequest = z
  .strictObject({
    version: Version.optional(),
    until: IsoDate.optional(),
    days: z.int().min(1).max(365).optional(),
  })
  .refine((s) => s.until !== undefined || s.days !== undefined, { message: 'give until or days', path: ['until'] })
  .meta({ id: 'SnoozeActionRequest' });
export type SnoozeActionRequest = z.infer<typeof SnoozeActionRequest>;

export const ActionDto = z
  .object({
    ...RecordMeta,
    partnerId: Id,
    partnerName: z.string(),
    repId: Id.nullable(),
    repName: z.string().nullable(),
    repTier: z.int().nullable(),
    repIsJordan: z.boolean(),
    dueDate: IsoDate,
    type: z.string(),
    notes: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    completedAt: z.string().nullable(),
    daysOverdue: z.int(),
  })
  .meta({ id: 'Action' });
export type ActionDto = z.infer<typeof ActionDto>;

/**
 * An action as Today lists it: with what Done (or a touch) today would schedule next for its rep, so the
 * dialog shows the server's date and cadence instead of working them out (docs/RULES.md cadence rule).
 */
export const TodayActionDto = ActionDto.extend({
  suggestedNextDueDate: IsoDate.nullable().meta({
    description:
      "When the rep's next follow-up is due if done today: today in the workspace time zone + the rep tier's cadence, moved to a working day; null without a rep (nothing is scheduled unless a date is picked)",
  }),
  cadenceDays: z.int().nullable().meta({ description: "Days between follow-ups at the rep's tier; null without a rep" }),
  cadenceTier: z
    .int()
    .nullable()
    .meta({ description: 'The tier whose cadence applies (the untiered tier for a rep without one); null without a rep' }),
}).meta({ id: 'TodayAction' });
export type TodayActionDto = z.infer<typeof TodayActionDto>;

export const LogTouchResponse = z.object({
  touch: TouchDto,
  completed: z.array(ActionDto),
  next: ActionDto.nullable(),
});
export const CompleteActionResponse = z.object({ action: ActionDto, next: ActionDto.nullable(), touch: TouchDto.nullable() });

export const ActionListQuery = z.strictObject({
  partnerId: Id.optional(),
  repId: Id.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
});

export const TodayQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
  due: z
    .enum(['all', 'overdue'])
    .default('all')
    .meta({ description: '`overdue`: page through the overdue actions only (due today ones are in dueTodayItems)' }),
});
export type TodayQuery = z.infer<typeof TodayQuery>;

export const TodayResponse = z
  .object({
    today: IsoDate,
    timeZone: z.string(),
    overdue: z.int().meta({ description: 'Open actions due before today (all of them, not just this page)' }),
    dueToday: z.int(),
    items: z.array(TodayActionDto).meta({ description: 'Overdue then due today (or overdue only), oldest first, one page' }),
    dueTodayItems: z
      .array(TodayActionDto)
      .meta({ description: 'The actions due today (the first 200), so they never hide behind an overdue backlog' }),
    nextCursor: z.string().nullable(),
    upcoming: z.array(TodayActionDto).meta({ description: 'Open actions due in the next 7 days' }),
  })
  .meta({ id: 'Today' });
export type TodayResponse = z.infer<typeof TodayResponse>;

export const RescheduleOverdueRequest = z
  .strictObject({
    startDate: IsoDate.meta({ description: 'The first day to move them to: today or later' }),
    perDay: z
      .int()
      .min(1, 'must be at least 1')
      .max(500)
      .optional()
      .meta({ description: 'Spread them, oldest first, this many per working day; all on startDate when absent' }),
  })
  .meta({ id: 'RescheduleOverdueRequest' });
export type RescheduleOverdueRequest = z.infer<typeof RescheduleOverdueRequest>;
export const RescheduleOverdueResponse = z
  .object({ moved: z.int(), firstDate: IsoDate.nullable(), lastDate: IsoDate.nullable() })
  .meta({ id: 'RescheduleOverdueResponse' });
export type RescheduleOverdueResponse = z.infer<typeof RescheduleOverdueResponse>;

// Referrals ----------------------------------------------------------------------------------------
const referralFields = {
  partnerId: Id,
  repId: Id.nullable().optional(),
  account: z
    .union([Text(200).min(1), z.strictObject({ name: Text(200).min(1), domain: OptionalText(253) }), z.strictObject({ id: Id })])
    .nullable()
    .optional()
    .meta({ description: 'An account name, {name, domain}, or {id}' }),
  introducedAt: IsoDate,
  stage: z.enum(REFERRAL_STAGES).default('intro'),
  amountMinor: MoneyMinor.nullable().optional(),
  expectedCloseDate: IsoDate.nullable().optional(),
  hubspotDealId: z
    .string()
    .regex(/^\d{1,20}$/, 'must be a HubSpot deal id (digits)')
    .nullable()
    .optional(),
  notes: OptionalProse(5000),
};
export const CreateReferralRequest = z.strictObject(referralFields).meta({ id: 'CreateReferralRequest' });
export type CreateReferralRequest = z.infer<typeof CreateReferralRequest>;
export const UpdateReferralRequest = z
  .strictObject({
    ...referralFields,
    partnerId: Id.optional(),
    introducedAt: IsoDate.optional(),
    stage: z.enum(REFERRAL_STAGES).optional(),
    version: Version,
  })
  .meta({ id: 'UpdateReferralRequest' });
export type UpdateReferralRequest = z.infer<typeof UpdateReferralRequest>;
export const ReferralDto = z
  .object({
    ...RecordMeta,
    partnerId: Id,
    repId: Id.nullable(),
    accountId: Id.nullable(),
    accountName: z.string().nullable(),
    introducedAt: IsoDate,
    stage: z.enum(REFERRAL_STAGES),
    amountMinor: z.int().nullable(),
    expectedCloseDate: z.string().nullable(),
    hubspotDealId: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Referral' });
export type ReferralDto = z.infer<typeof ReferralDto>;
export const ReferralListQuery = z.strictObject({
  partnerId: Id.optional(),
  repId: Id.optional(),
  stage: z.enum(REFERRAL_STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
});

// Accounts -----------------------------------------------------------------------------------------
export const CreateAccountRequest = z
  .strictObject({ name: Text(200).min(1, 'must not be blank'), domain: OptionalText(253) })
  .meta({ id: 'CreateAccountRequest' });
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;
export const UpdateAccountRequest = z
  .strictObject({ name: Text(200).min(1, 'must not be blank').optional(), domain: OptionalText(253), version: Version })
  .meta({ id: 'UpdateAccountRequest' });
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;
export const AccountDto = z.object({ ...RecordMeta, name: z.string(), domain: z.string().nullable() }).meta({ id: 'Account' });
export type AccountDto = z.infer<typeof AccountDto>;
export const AccountListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
});
