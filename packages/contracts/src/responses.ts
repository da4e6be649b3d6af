import { z } from 'zod';
import { AccountDto, ActionDto, ReferralDto, TouchDto } from './activity';
import { Id, Instant } from './common';
import { PlanDto } from './plans';
import { RepDto } from './reps';
import { CustomFieldDto, SavedViewDto } from './settings';

// List responses and list queries of the REST API that the feature files do not declare themselves.

const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const RepListResponse = z.object({ items: z.array(RepDto), nextCursor: z.string().nullable() }).meta({ id: 'RepList' });
export type RepListResponse = z.infer<typeof RepListResponse>;

export const TouchListQuery = z.strictObject({
  partnerId: Id.optional(),
  repId: Id.optional(),
  limit: Limit(500, 100),
  cursor: z.string().max(2000).optional(),
});
export type TouchListQuery = z.infer<typeof TouchListQuery>;
export const TouchListResponse = z
  .object({ items: z.array(TouchDto), nextCursor: z.string().nullable() })
  .meta({ id: 'TouchList' });
export type TouchListResponse = z.infer<typeof TouchListResponse>;

export const ActionListResponse = z
  .object({ items: z.array(ActionDto), nextCursor: z.string().nullable() })
  .meta({ id: 'ActionList' });
export type ActionListResponse = z.infer<typeof ActionListResponse>;

export const ReferralListResponse = z
  .object({ items: z.array(ReferralDto), nextCursor: z.string().nullable() })
  .meta({ id: 'ReferralList' });
export type ReferralListResponse = z.infer<typeof ReferralListResponse>;

export const AccountListResponse = z
  .object({ items: z.array(AccountDto), nextCursor: z.string().nullable() })
  .meta({ id: 'AccountList' });
export type AccountListResponse = z.infer<typeof AccountListResponse>;

export const PlanListResponse = z.object({ items: z.array(PlanDto) }).meta({ id: 'ActivationPlanList' });
export type PlanListResponse = z.infer<typeof PlanListResponse>;

/**
 * A view as listed: built-in views have slug ids ("needs-attention"), saved views uuids, so the list
 * cannot reuse SavedViewDto, whose id is a uuid.
 */
export const ViewDto = z
  .object({
    id: z.string().meta({ description: 'A built-in view slug, or a saved view uuid' }),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.int(),
    name: z.string(),
    builtIn: z.boolean(),
    description: z.string().nullable(),
    definition: SavedViewDto.shape.definition,
  })
  .meta({ id: 'View' });
export type ViewDto = z.infer<typeof ViewDto>;
export const ViewListResponse = z.object({ items: z.array(ViewDto) }).meta({ id: 'ViewList' });
export type ViewListResponse = z.infer<typeof ViewListResponse>;

export const CustomFieldListQuery = z.strictObject({ entity: z.enum(['partner', 'rep']).optional() });
export const CustomFieldListResponse = z.object({ items: z.array(CustomFieldDto) }).meta({ id: 'CustomFieldList' });
export type CustomFieldListResponse = z.infer<typeof CustomFieldListResponse>;

export const HistoryQuery = z.strictObject({
  limit: Limit(500, 100),
  cursor: z.string().max(2000).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;
