import { z } from 'zod';
import { Id, INT32_MAX, Int32, RecordMeta, Text, Version } from './common';
import { PartnerFilter } from './partner-filter';

const Days = z.int().min(1, 'must be at least 1 day').max(730, 'must be at most 730 days');

export const SettingsDto = z
  .object({
    timeZone: z.string(),
    weekStartsOn: z.int(),
    workingDays: z.array(z.int()),
    currency: z.string(),
    cadences: z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int() }),
    ippBands: z.object({ strategic: z.int(), good: z.int(), evaluate: z.int() }),
    optionLists: z.record(z.string(), z.array(z.string())),
    managersEditOwnPartnersOnly: z.boolean().describe('Managers edit only the partners they own'),
    hubspotPortalId: z.string().nullable().describe('The HubSpot account (portal) id that links to companies use'),
    today: z.string(),
    followUpDue: z
      .object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string() })
      .meta({ description: 'Per rep tier, when a follow-up done today is next due: today + the cadence, on a working day' }),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Settings' });
export type SettingsDto = z.infer<typeof SettingsDto>;

export const UpdateSettingsRequest = z
  .strictObject({
    version: Version,
    timeZone: z.string().max(100).optional(),
    weekStartsOn: z.int().min(0).max(6).optional(),
    workingDays: z
      .array(z.int().min(0, 'must be a day 0–6 (0 = Sunday)').max(6, 'must be a day 0–6 (0 = Sunday)'))
      .min(1, 'name at least one working day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'lists a day twice')
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .optional(),
    cadences: z.strictObject({ '1': Days, '2': Days, '3': Days, '4': Days }).optional(),
    ippBands: z
      .strictObject({ strategic: z.int().min(0).max(50), good: z.int().min(0).max(50), evaluate: z.int().min(0).max(50) })
      .optional(),
    optionLists: z.record(z.string(), z.array(Text(100).min(1)).min(1).max(200)).optional(),
    managersEditOwnPartnersOnly: z.boolean().optional(),
    hubspotPortalId: z
      .string()
      .regex(/^\d{1,20}$/, 'must be the digits of a HubSpot account (portal) id')
      .nullable()
      .optional(),
  })
  .meta({ id: 'UpdateSettingsRequest' });
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequest>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'checkbox', 'url'] as const;
export const CustomFieldDto = z
  .object({
    ...RecordMeta,
    entity: z.enum(['partner', 'rep']),
    key: z.string(),
    label: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string()),
    position: z.int(),
  })
  .meta({ id: 'CustomField' });
export type CustomFieldDto = z.infer<typeof CustomFieldDto>;
export const CreateCustomFieldRequest = z
  .strictObject({
    entity: z.enum(['partner', 'rep']),
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9_]{0,63}$/, 'must start with a lower-case letter and use letters, digits or _')
      .optional(),
    label: Text(100).min(1, 'must not be blank'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(Text(100).min(1)).max(200).default([]),
    position: Int32().min(0).optional(),
  })
  .meta({ id: 'CreateCustomFieldRequest' });
export type CreateCustomFieldRequest = z.infer<typeof CreateCustomFieldRequest>;
export const UpdateCustomFieldRequest = z
  .strictObject({
    version: Version,
    label: Text(100).min(1, 'must not be blank').optional(),
    options: z.array(Text(100).min(1)).max(200).optional(),
    position: Int32().min(0).optional(),
  })
  .meta({ id: 'UpdateCustomFieldRequest' });
export type UpdateCustomFieldRequest = z.infer<typeof UpdateCustomFieldRequest>;

export const SavedViewDto = z
  .object({
    ...RecordMeta,
    name: z.string(),
    builtIn: z.boolean(),
    description: z.string().nullable(),
    definition: z.object({
      filter: PartnerFilter.nullable(),
      sort: z.array(z.object({ field: z.string(), dir: z.enum(['asc', 'desc']) })),
      columns: z.array(z.string()),
    }),
  })
  .meta({ id: 'SavedView' });
export type SavedViewDto = z.infer<typeof SavedViewDto>;
export const ViewDefinitionInput = z.strictObject({
  filter: PartnerFilter.nullable().optional(),
  sort: z
    .array(z.strictObject({ field: z.string(), dir: z.enum(['asc', 'desc']) }))
    .max(10)
    .default([]),
  columns: z.array(z.string()).max(100).default([]),
});
export const CreateSavedViewRequest = z
  .strictObject({ name: Text(100).min(1, 'must not be blank'), definition: ViewDefinitionInput })
  .meta({ id: 'CreateSavedViewRequest' });
export type CreateSavedViewRequest = z.infer<typeof CreateSavedViewRequest>;
export const UpdateSavedViewRequest = z
  .strictObject({ version: Version, name: Text(100).min(1).optional(), definition: ViewDefinitionInput.optional() })
  .meta({ id: 'UpdateSavedViewRequest' });
export type UpdateSavedViewRequest = z.infer<typeof UpdateSavedViewRequest>;

export const DeleteQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(INT32_MAX)
    .optional()
    .meta({ description: 'Refuse the delete if the record changed' }),
});
export const ViewIdParams = z.strictObject({ id: z.union([Id, z.string().regex(/^[a-z0-9-]{1,40}$/)]) });
