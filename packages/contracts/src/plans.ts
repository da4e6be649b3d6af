import { PLAN_METRICS, PLAN_STATUSES } from '@ptrack/domain';
import { z } from 'zod';
import { Id, IsoDate, Prose, RecordMeta, Version } from './common';

export const CreatePlanRequest = z
  .strictObject({
    partnerId: Id,
    goal: Prose(500).min(1, 'must not be blank'),
    metric: z.enum(PLAN_METRICS).default('qualified-conversations'),
    target: z.int().min(1, 'must be at least 1').max(10_000).default(3),
    startDate: IsoDate.optional().meta({ description: 'Defaults to today; the plan ends 90 days later' }),
    status: z.enum(PLAN_STATUSES).nullable().optional(),
  })
  .meta({ id: 'CreatePlanRequest' });
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const UpdatePlanRequest = z
  .strictObject({
    version: Version,
    goal: Prose(500).min(1, 'must not be blank').optional(),
    metric: z.enum(PLAN_METRICS).optional(),
    target: z.int().min(1, 'must be at least 1').max(10_000).optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    status: z.enum(PLAN_STATUSES).nullable().optional().meta({ description: 'null: follow the suggestion' }),
  })
  .meta({ id: 'UpdatePlanRequest' });
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

export const PlanDto = z
  .object({
    ...RecordMeta,
    partnerId: Id,
    goal: z.string(),
    metric: z.enum(PLAN_METRICS),
    target: z.int(),
    startDate: IsoDate,
    endDate: IsoDate,
    status: z.enum(PLAN_STATUSES).nullable(),
    suggestedStatus: z.enum(PLAN_STATUSES),
    effectiveStatus: z.enum(PLAN_STATUSES),
    progress: z.int(),
    isCurrent: z.boolean(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'ActivationPlan' });
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanListQuery = z.strictObject({ partnerId: Id });
