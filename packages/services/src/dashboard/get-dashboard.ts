import type { DashboardDto } from '@ptrack/contracts';
import {
  BUILT_IN_VIEWS,
  INTRO_TO_DEAL_BENCHMARK,
  PARTNER_SOURCED_REVENUE_BENCHMARK,
  QUALIFIED_CONVOS_BENCHMARK,
} from '@ptrack/domain';
import { dashboardFigures } from '@ptrack/storage';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { ensureDailyRollups } from '../rollups';
import { calendarOf, loadSettings } from '../settings';

/** The program at a glance (docs/RULES.md, Dashboard): tiers, plans, funnel, pipeline, attention, targets. */
export async function getDashboard(ctx: ServiceContext): Promise<DashboardDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { today, weekStart } = calendarOf(settings, ctx.now());
    const needsAttention = BUILT_IN_VIEWS.find((v) => v.id === 'needs-attention')?.definition.filter;
    if (!needsAttention) throw new Error('the built-in view needs-attention has no filter');
    await ensureDailyRollups(tx, today);
    const f = await dashboardFigures(tx, { today, weekStart, ippBands: settings.ippBands, needsAttention });
    return {
      today,
      partnerCount: f.partnerCount,
      repCount: f.repCount,
      tierDistribution: f.tiers,
      plansByStatus: f.plans,
      funnel: {
        ...f.funnel,
        introToDealConversion: f.funnel.introsMade > 0 ? f.funnel.dealsBroughtIn / f.funnel.introsMade : null,
      },
      pipelineByPartner: f.topPipeline,
      needsAttentionCount: f.needsAttention,
      overdueActions: f.overdueActions,
      benchmarks: {
        qualifiedConvosPer90Days: {
          target: QUALIFIED_CONVOS_BENCHMARK,
          partnersMeeting: f.partnersWith3QualifiedIn90Days,
          partnersWithPlans: f.partnerCount - f.plans.none,
        },
        introToDealConversion: {
          ...INTRO_TO_DEAL_BENCHMARK,
          actual: f.funnel.introsMade > 0 ? f.funnel.dealsBroughtIn / f.funnel.introsMade : null,
        },
        partnerSourcedRevenueShare: { ...PARTNER_SOURCED_REVENUE_BENCHMARK },
      },
    };
  });
}
