import { z } from 'zod';
import { PerformanceDto } from './partners';

export const DashboardDto = z
  .object({
    today: z.string(),
    partnerCount: z.int(),
    repCount: z.int(),
    tierDistribution: z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int(), unassigned: z.int() }),
    plansByStatus: z.object({ 'on-track': z.int(), 'at-risk': z.int(), delivered: z.int(), failed: z.int(), none: z.int() }),
    funnel: PerformanceDto,
    pipelineByPartner: z.array(
      z.object({ partnerId: z.string(), name: z.string(), pipelineValueMinor: z.int(), openDeals: z.int() }),
    ),
    needsAttentionCount: z.int(),
    overdueActions: z.int(),
    benchmarks: z.object({
      qualifiedConvosPer90Days: z.object({ target: z.int(), partnersMeeting: z.int(), partnersWithPlans: z.int() }),
      introToDealConversion: z.object({ min: z.number(), max: z.number(), actual: z.number().nullable() }),
      partnerSourcedRevenueShare: z.object({ min: z.number(), max: z.number() }),
    }),
  })
  .meta({ id: 'Dashboard' });
export type DashboardDto = z.infer<typeof DashboardDto>;

export const HealthDto = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storage: z.object({ kind: z.enum(['pglite', 'postgres']), location: z.string() }),
  time: z.string(),
});
