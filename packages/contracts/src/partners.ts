import { type GridFieldDef, type GridFieldKind, PARTNER_GRID_FIELDS } from '@ptrack/catalog';
import { z } from 'zod';
import {
  CustomValues,
  Email,
  Id,
  Instant,
  IsoDate,
  OptionalProse,
  OptionalText,
  RecordMeta,
  Text,
  Url,
  Version,
  YesNoValue,
} from './common';

const Score = (min: number, max: number) =>
  z
    .int({ message: `must be a whole number from ${min} to ${max}` })
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`)
    .nullable();

export const NamedAccountInput = z.union([
  Text(200).min(1, 'must not be blank'),
  z.strictObject({ name: Text(200).min(1, 'must not be blank'), domain: OptionalText(253) }),
]);

/** Every field a person edits on a partner (docs/RULES.md, Partner sections 1–10 and the optional sections). */
export const PartnerFields = {
  name: Text(200).min(1, 'must not be blank'),
  type: OptionalText(100),
  archetype: OptionalText(100),
  slackChannel: OptionalText(200),
  industry: OptionalText(200),
  website: Url.nullable().optional(),
  domain: OptionalText(253),
  icpMatch: YesNoValue.optional(),
  namedAccounts: z.array(NamedAccountInput).max(200).optional(),
  introMechanism: OptionalProse(2000),
  economicsOk: YesNoValue.optional(),
  partnerManagerName: OptionalText(200),
  partnerManagerEmail: Email.nullable().optional(),
  partnerManagerSlack: OptionalText(200),
  originStory: OptionalProse(5000),
  relationshipNotes: OptionalProse(5000),
  programStatus: OptionalText(100),
  owner: OptionalText(200),
  /** The owning user; `owner` stays a label until one is assigned. */
  ownerUserId: Id.nullable().optional(),
  phase: OptionalText(100),
  hubspotCompanyId: z
    .string()
    .regex(/^\d{1,20}$/, 'must be a HubSpot company id (digits)')
    .nullable()
    .optional(),
  notes: OptionalProse(20000),
  icpAlignment: Score(0, 10).optional(),
  revenuePathClarity: Score(0, 10).optional(),
  archetypeFit: Score(0, 10).optional(),
  economics: Score(0, 10).optional(),
  strategicValue: Score(0, 10).optional(),
  capacity: Score(1, 5).optional(),
  capability: Score(1, 5).optional(),
  commitment: Score(1, 5).optional(),
  pillarPartnershipsManagement: Score(1, 5).optional(),
  pillarPartnerMarketing: Score(1, 5).optional(),
  pillarPartnerEnablement: Score(1, 5).optional(),
  pillarPartnerOperations: Score(1, 5).optional(),
  pillarCrossFunctional: Score(1, 5).optional(),
  pillarCustomerCentric: Score(1, 5).optional(),
  enterpriseTier: OptionalText(100),
  jvpStatus: OptionalText(100),
  jvpDate: IsoDate.nullable().optional(),
  jvpLink: Url.nullable().optional(),
  reviewedAt: Instant.nullable().optional(),
  custom: CustomValues.optional(),
};

export const CreatePartnerRequest = z.strictObject(PartnerFields).meta({ id: 'CreatePartnerRequest' });
export type CreatePartnerRequest = z.infer<typeof CreatePartnerRequest>;

export const UpdatePartnerRequest = z
  .strictObject({ ...PartnerFields, name: PartnerFields.name.optional(), version: Version })
  .meta({ id: 'UpdatePartnerRequest' });
export type UpdatePartnerRequest = z.infer<typeof UpdatePartnerRequest>;

export const AccountRef = z.object({ id: Id, name: z.string(), domain: z.string().nullable() });

const QuestionResult = z.enum(['pass', 'fail', 'unanswered']);
export const QualificationDto = z.object({
  verdict: z.enum(['pursue', 'polite-pass', 'incomplete']),
  questions: z.object({
    icpMatch: QuestionResult,
    namedAccounts: QuestionResult,
    introMechanism: QuestionResult,
    economicsOk: QuestionResult,
  }),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});

export const NextActionDto = z
  .object({
    id: Id,
    dueDate: IsoDate,
    type: z.string(),
    repId: Id.nullable(),
    repName: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .nullable();

export const PerformanceDto = z.object({
  introsMade: z.int(),
  qualifiedConversations: z.int(),
  dealsBroughtIn: z.int(),
  openDeals: z.int(),
  closedWon: z.int(),
  closedLost: z.int(),
  pipelineValueMinor: z.int(),
  introToDealConversion: z.number().nullable(),
});

export const RollupDto = z.object({
  repsPerTier: z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int() }),
  totalReps: z.int(),
  tier12RepNames: z.array(z.string()),
  jordanCount: z.int(),
  repsBringingDeals: z.int(),
  repsEngaged: z.int(),
  totalEngaged: z.int(),
  repsWhoDeliver: z.int(),
  nextAction: NextActionDto,
});

const partnerFieldOutputs = {
  name: z.string(),
  type: z.string().nullable(),
  archetype: z.string().nullable(),
  slackChannel: z.string().nullable(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  domain: z.string().nullable(),
  icpMatch: YesNoValue,
  namedAccounts: z.array(AccountRef),
  introMechanism: z.string().nullable(),
  economicsOk: YesNoValue,
  partnerManagerName: z.string().nullable(),
  partnerManagerEmail: z.string().nullable(),
  partnerManagerSlack: z.string().nullable(),
  originStory: z.string().nullable(),
  relationshipNotes: z.string().nullable(),
  programStatus: z.string().nullable(),
  owner: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  phase: z.string().nullable(),
  hubspotCompanyId: z.string().nullable(),
  notes: z.string().nullable(),
  icpAlignment: z.int().nullable(),
  revenuePathClarity: z.int().nullable(),
  archetypeFit: z.int().nullable(),
  economics: z.int().nullable(),
  strategicValue: z.int().nullable(),
  capacity: z.int().nullable(),
  capability: z.int().nullable(),
  commitment: z.int().nullable(),
  pillarPartnershipsManagement: z.int().nullable(),
  pillarPartnerMarketing: z.int().nullable(),
  pillarPartnerEnablement: z.int().nullable(),
  pillarPartnerOperations: z.int().nullable(),
  pillarCrossFunctional: z.int().nullable(),
  pillarCustomerCentric: z.int().nullable(),
  enterpriseTier: z.string().nullable(),
  jvpStatus: z.string().nullable(),
  jvpDate: z.string().nullable(),
  jvpLink: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
};

export const PartnerDto = z
  .object({
    ...RecordMeta,
    ...partnerFieldOutputs,
    ippScore: z.int().nullable(),
    partnerStatus: z.string().nullable(),
    reviewedThisWeek: z.boolean(),
    qualification: QualificationDto,
    rollup: RollupDto,
    performance: PerformanceDto,
    firstTouchDate: z.string().nullable(),
    lastEngagementDate: z.string().nullable(),
    daysSinceLastTouch: z.int().nullable(),
    hubspotUrl: z.string().nullable(),
  })
  .meta({ id: 'Partner' });
export type PartnerDto = z.infer<typeof PartnerDto>;

type ZodOfKind<K extends GridFieldKind> = K extends 'number' | 'money'
  ? z.ZodInt
  : K extends 'boolean'
    ? z.ZodBoolean
    : z.ZodString;
type ZodOfField<F extends GridFieldDef> = F extends { nonNull: true }
  ? ZodOfKind<F['kind']>
  : z.ZodNullable<ZodOfKind<F['kind']>>;
type GridShape<F extends GridFieldDef> = { [G in F as G['key']]: ZodOfField<G> };

function zodOfKind(kind: GridFieldKind): z.ZodInt | z.ZodBoolean | z.ZodString {
  if (kind === 'number' || kind === 'money') return z.int();
  return kind === 'boolean' ? z.boolean() : z.string();
}

/** The zod shape of a catalog's grid fields: numbers as integers, every field nullable unless `nonNull`. */
export function gridFieldsShape<const F extends GridFieldDef>(fields: readonly F[]): GridShape<F> {
  const entries = fields.map((f) => [f.key, f.nonNull ? zodOfKind(f.kind) : zodOfKind(f.kind).nullable()] as const);
  return Object.fromEntries(entries) as GridShape<F>;
}

/** One row of the partner grid: the catalog's grid fields, and the names of the Tier 1–2 reps. */
export const PartnerListRowDto = z
  .object({
    id: Id,
    version: z.int(),
    ...gridFieldsShape(PARTNER_GRID_FIELDS),
    tier12RepNames: z.array(z.string()),
  })
  .meta({ id: 'PartnerListRow' });
export type PartnerListRowDto = z.infer<typeof PartnerListRowDto>;

export const PartnerListQuery = z.strictObject({
  view: z.string().max(100).optional().meta({ description: 'A view: a built-in view id or name, or a saved view id or name' }),
  q: z.string().trim().max(200).optional().meta({ description: 'Search in name, type, industry, owner, notes' }),
  sort: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Comma-separated fields, "-" for descending, e.g. -pipelineValueMinor,name' }),
  filter: z.string().max(10_000).optional().meta({ description: 'A filter as JSON (see the view definitions)' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional(),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;

export const PartnerListResponse = z.object({
  items: z.array(PartnerListRowDto),
  nextCursor: z.string().nullable(),
  total: z.int(),
  today: IsoDate,
});
export type PartnerListResponse = z.infer<typeof PartnerListResponse>;

export const HistoryEntryDto = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  source: z.string(),
  entityType: z.string(),
  entityId: Id,
  operation: z.enum(['create', 'update', 'delete']),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const HistoryResponse = z.object({ items: z.array(HistoryEntryDto), nextCursor: z.string().nullable() });
export type HistoryEntryDto = z.infer<typeof HistoryEntryDto>;
