import { z } from 'zod';
import { CustomValues, Email, Id, IsoDate, OptionalProse, OptionalText, RecordMeta, Text, Version } from './common';

const Tier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  message: 'must be a tier from 1 to 4',
});

export const RepFields = {
  partnerId: Id,
  name: Text(200).min(1, 'must not be blank'),
  email: Email.nullable().optional(),
  title: OptionalText(200),
  engagementTier: Tier.nullable().optional(),
  qualityScore: z
    .int({ message: 'must be a whole number from 1 to 10' })
    .min(1, 'must be from 1 to 10')
    .max(10, 'must be from 1 to 10')
    .nullable()
    .optional(),
  sharesAccountList: z.boolean().optional(),
  suggestsJointActivities: z.boolean().optional(),
  introsWithoutProof: z.boolean().optional(),
  responsive: z.boolean().optional(),
  stuckBuildingRapport: z.boolean().optional(),
  lipServiceOnly: z.boolean().optional(),
  expectsUsToBringEverything: z.boolean().optional(),
  waitsForDeals: z.boolean().optional(),
  notes: OptionalProse(20000),
  hubspotContactId: z
    .string()
    .regex(/^\d{1,20}$/, 'must be a HubSpot contact id (digits)')
    .nullable()
    .optional(),
  custom: CustomValues.optional(),
};

export const CreateRepRequest = z.strictObject(RepFields).meta({ id: 'CreateRepRequest' });
export type CreateRepRequest = z.infer<typeof CreateRepRequest>;
export const UpdateRepRequest = z
  .strictObject({
    ...RepFields,
    partnerId: RepFields.partnerId.optional(),
    name: RepFields.name.optional(),
    version: Version,
  })
  .meta({ id: 'UpdateRepRequest' });
export type UpdateRepRequest = z.infer<typeof UpdateRepRequest>;

export const RepDto = z
  .object({
    ...RecordMeta,
    partnerId: Id,
    partnerName: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
    engagementTier: z.int().nullable(),
    qualityScore: z.int().nullable(),
    sharesAccountList: z.boolean(),
    suggestsJointActivities: z.boolean(),
    introsWithoutProof: z.boolean(),
    responsive: z.boolean(),
    stuckBuildingRapport: z.boolean(),
    lipServiceOnly: z.boolean(),
    expectsUsToBringEverything: z.boolean(),
    waitsForDeals: z.boolean(),
    notes: z.string().nullable(),
    hubspotContactId: z.string().nullable(),
    custom: z.record(z.string(), z.unknown()),
    isJordan: z.boolean(),
    isTimeWaster: z.boolean(),
    suggestedTier: z.int().nullable().meta({ description: 'Null until the rep has history (a touch, an intro or a deal)' }),
    jordanReason: z.string().meta({ description: 'Which condition of the Jordan rule decided isJordan' }),
    timeWasterReason: z.string().nullable().meta({ description: 'Why the rep is a time-waster; null when not one' }),
    suggestedTierReason: z
      .string()
      .nullable()
      .meta({ description: 'The condition of the suggested-tier rule; null with suggestedTier' }),
    cadenceDays: z.int(),
    cadenceTier: z
      .int()
      .meta({ description: 'The tier whose cadence applies: the rep tier, or the untiered tier for a rep without one' }),
    suggestedNextDueDate: IsoDate.meta({
      description:
        'When a follow-up done today is next due: today in the workspace time zone + the cadence, moved to a working day',
    }),
    lastContactDate: z.string().nullable(),
    introductionsMade: z.int(),
    responseRate: z.number().nullable(),
    nextAction: z.object({ id: Id, dueDate: z.string(), type: z.string(), notes: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'Rep' });
export type RepDto = z.infer<typeof RepDto>;

export const RepListQuery = z.strictObject({
  partnerId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
});
