import {
  addDays,
  defined,
  type IsoDate,
  PLAN_STATUSES,
  type PlanMetric,
  type PlanStatus,
  planEndDate,
  planProgress,
  REFERRAL_STAGES,
  type ReferralStage,
  suggestPlanStatus,
} from '@ptrack/domain';
import type { RepKind } from './demo-reps';
import { REFERRAL_NOTES } from './demo-text';
import {
  type DemoContext,
  type DemoPartner,
  type DemoPlan,
  type DemoReferral,
  type DemoRep,
  daysAgo,
  localInstant,
  type PartnerProfile,
  spread,
} from './demo-types';

const TARGETS: Record<PlanMetric, number> = { 'qualified-conversations': 3, intros: 5, deals: 2, 'closed-won': 1 };

function goalOf(metric: PlanMetric, target: number, partner: string): string {
  switch (metric) {
    case 'qualified-conversations':
      return `${target} qualified convos from ${partner} reps`; // seed 000's example goal
    case 'intros':
      return `${target} intros from ${partner} reps`;
    case 'deals':
      return `${target} deals sourced by ${partner}`;
    case 'closed-won':
      return `First closed-won deal with ${partner}`;
  }
}

/** Stages a referral introduced `age` days ago may plausibly have reached. */
function stagesAt(age: number): readonly ReferralStage[] {
  if (age < 14) return ['intro', 'qualified'];
  if (age < 45) return ['intro', 'qualified', 'qualified', 'deal', 'closed-lost'];
  return ['intro', 'qualified', 'deal', 'closed-won', 'closed-won', 'closed-lost'];
}

/** Stages that count towards a plan metric (the funnel is cumulative), by age. */
function countingStagesAt(metric: PlanMetric, age: number): readonly ReferralStage[] {
  switch (metric) {
    case 'intros':
      return stagesAt(age);
    case 'qualified-conversations':
      return stagesAt(age)
        .filter((s) => s !== 'intro')
        .concat(age < 14 ? [] : ['deal']);
    case 'deals':
      return age < 30 ? ['deal'] : ['deal', 'closed-won', 'closed-lost'];
    case 'closed-won':
      return ['closed-won'];
  }
}

const NOT_COUNTING: Record<PlanMetric, readonly ReferralStage[]> = {
  intros: [],
  'qualified-conversations': ['intro'],
  deals: ['intro', 'qualified'],
  'closed-won': ['intro', 'qualified'],
};

type Intent = PlanStatus;
const INTENT_ORDER: readonly Intent[] = ['delivered', 'on-track', 'at-risk', 'failed'];

/** When the plan started (days ago) and how many counting referrals it has, so it suggests `intent`. */
function planShape(ctx: DemoContext, intent: Intent, target: number): { startAgo: number; progress: number } {
  const { rand } = ctx;
  switch (intent) {
    case 'delivered':
      return { startAgo: rand.int(35, 88), progress: target + rand.int(0, 1) };
    case 'at-risk': {
      // docs/RULES.md: 30+ days in, progress under half the pro-rated target.
      const startAgo = rand.int(35, 85);
      return { startAgo, progress: rand.int(0, Math.ceil((target * startAgo) / 180) - 1) };
    }
    case 'failed':
      return { startAgo: rand.int(95, 130), progress: rand.int(0, target - 1) };
    case 'on-track': {
      const startAgo = rand.int(30, 80);
      const least = Math.ceil((target * startAgo) / 180);
      if (rand.chance(0.5) && least <= target - 1) return { startAgo, progress: rand.int(least, target - 1) };
      return { startAgo: rand.int(3, 28), progress: rand.int(0, target - 1) };
    }
  }
}

// A realistic program turns 5–10 % of intros into deals (the benchmark the dashboard draws): the demo
// aims at the middle of that band.
const DEMO_INTRO_TO_DEAL = 0.075;
const DEAL_STAGES: ReadonlySet<ReferralStage> = new Set(['deal', 'closed-won', 'closed-lost']);

/**
 * Most intros go nowhere. Adds intros that stayed intros, mostly from the stronger partners, until intros
 * to deals converts at DEMO_INTRO_TO_DEAL; each is older than its partner's current plan window, so no
 * plan's progress changes.
 */
function addIntrosThatWentNowhere(
  { rand }: DemoContext,
  referrals: readonly DemoReferral[],
  profiles: readonly PartnerProfile[],
  windowOf: readonly number[],
  add: (partner: number, age: number) => void,
): void {
  const deals = referrals.filter((r) => DEAL_STAGES.has(r.stage)).length;
  const wanted = Math.round(deals / DEMO_INTRO_TO_DEAL);
  const windowDay = (p: number) => defined(windowOf[p], `the plan window of demo partner ${p}`);
  const open = profiles.flatMap((profile, p) =>
    windowDay(p) < 300 && !profile.dormant ? [[p, profile.strength + 1] as const] : [],
  );
  if (open.length === 0) return;
  for (let k = referrals.length; k < wanted; k++) {
    const p = rand.weighted(open);
    add(p, rand.int(windowDay(p) + 1, 365));
  }
}

/** Referrals at every stage and 90-day plans in every status, current and past. */
export function buildPipeline(
  ctx: DemoContext,
  partners: readonly DemoPartner[],
  profiles: readonly PartnerProfile[],
  reps: readonly DemoRep[],
  kinds: readonly RepKind[],
  accountCount: number,
): { referrals: DemoReferral[]; plans: DemoPlan[] } {
  const { rand } = ctx;
  const referrals: DemoReferral[] = [];
  const plans: DemoPlan[] = [];
  const repsOf = partners.map((_, p) => reps.flatMap((r, i) => (r.partner === p ? [i] : [])));

  // Which partners run a current plan, and how each is going: the stronger the partner, the better.
  const holders = partners
    .map((_, p) => p)
    .filter((p) => defined(profiles[p]).status <= 1 || (defined(profiles[p]).status === 2 && rand.chance(0.6)))
    .map((p) => ({ p, key: defined(profiles[p]).strength + rand.int(0, 10) }))
    .sort((a, b) => b.key - a.key || a.p - b.p);
  const intents = spread(rand, holders.length, [
    ['delivered', 25],
    ['on-track', 35],
    ['at-risk', 25],
    ['failed', 15],
  ] as const).sort((a, b) => INTENT_ORDER.indexOf(a) - INTENT_ORDER.indexOf(b));
  const intentOf = new Map(holders.map((h, k) => [h.p, defined(intents[k])]));

  const addReferral = (p: number, age: number, stage: ReferralStage, used: Set<number>) => {
    const introducedAt = daysAgo(ctx, age);
    const named = defined(partners[p]).namedAccounts.filter((a) => !used.has(a));
    let account = named.length > 0 && rand.chance(0.5) ? rand.pick(named) : rand.int(0, accountCount - 1);
    while (used.has(account)) account = (account + 1) % accountCount;
    used.add(account);
    referrals.push({
      partner: p,
      rep: pickRep(ctx, defined(repsOf[p]), reps, kinds, stage),
      account,
      introducedAt,
      stage,
      amountMinor: stage === 'intro' && rand.chance(0.6) ? null : rand.int(30, 500) * 50_000, // $15k–$250k
      expectedCloseDate: closeDate(ctx, introducedAt, stage),
      notes: rand.chance(0.4) ? rand.pick(REFERRAL_NOTES) : null,
    });
  };

  const usedOf = partners.map(() => new Set<number>());
  const windowOf = partners.map(() => 0);
  for (const [p, partner] of partners.entries()) {
    const { status } = defined(profiles[p]);
    const used = defined(usedOf[p]);
    const intent = intentOf.get(p);
    let oldestWindowDay = 0;
    if (intent) {
      const metric = rand.weighted([
        ['qualified-conversations', 70],
        ['intros', 10],
        ['deals', 10],
        ['closed-won', 10],
      ] as const);
      const target = TARGETS[metric];
      const { startAgo, progress } = planShape(ctx, intent, target);
      const startDate = daysAgo(ctx, startAgo);
      plans.push(plan(p, partner.name, metric, target, startDate, null, true, null));
      const newest = Math.max(1, startAgo - 90);
      for (let k = 0; k < progress; k++) {
        const age = rand.int(newest, startAgo);
        addReferral(p, age, rand.pick(countingStagesAt(metric, age)), used);
      }
      for (let k = rand.int(0, 2); k > 0 && NOT_COUNTING[metric].length > 0; k--) {
        addReferral(p, rand.int(newest, startAgo), rand.pick(NOT_COUNTING[metric]), used);
      }
      oldestWindowDay = startAgo;
      // Partners well into the program keep the history of their earlier tests.
      let nextStart = startDate;
      for (let k = status === 0 && rand.chance(0.6) ? rand.int(1, 2) : 0; k > 0; k--) {
        const start = addDays(nextStart, -90 - rand.int(0, 10));
        const ended: PlanStatus = rand.chance(0.6) ? 'delivered' : 'failed';
        plans.push(
          plan(p, partner.name, 'qualified-conversations', 3, start, ended, false, localInstant(ctx, nextStart, 9 * 60)),
        );
        nextStart = start;
      }
    } else if (status >= 2) {
      // Paused and inactive partners: the last test failed and was closed.
      const start = daysAgo(ctx, rand.int(150, 300));
      const closed = addDays(planEndDate(start), rand.int(0, 14));
      plans.push(plan(p, partner.name, 'qualified-conversations', 3, start, 'failed', false, localInstant(ctx, closed, 17 * 60)));
    }
    windowOf[p] = oldestWindowDay;
    // Older referrals, before the current plan's window: the partner's track record.
    const background = [rand.int(2, 6), rand.int(0, 3), rand.int(0, 2), rand.int(0, 2)][status] ?? 0;
    for (let k = 0; k < background && oldestWindowDay < 330; k++) {
      const age = rand.int(Math.max(oldestWindowDay + 1, defined(profiles[p]).dormant ? 40 : 2), 365);
      addReferral(p, age, rand.pick(stagesAt(age)), used);
    }
  }

  // Every stage shows up in the funnel, whatever the seed.
  const strongest = defined(
    [...profiles.keys()].sort((a, b) => defined(profiles[b]).strength - defined(profiles[a]).strength)[0],
    'a demo partner',
  );
  for (const stage of REFERRAL_STAGES) {
    if (!referrals.some((r) => r.stage === stage)) addReferral(strongest, 140 + REFERRAL_STAGES.indexOf(stage), stage, new Set());
  }
  addIntrosThatWentNowhere(ctx, referrals, profiles, windowOf, (p, age) => {
    // One referral per account and partner: a partner that has introduced half the accounts stops.
    const used = defined(usedOf[p]);
    if (used.size < accountCount / 2) addReferral(p, age, 'intro', used);
  });
  settlePlanStatuses(ctx, plans, referrals);
  return { referrals, plans };
}

function plan(
  partner: number,
  name: string,
  metric: PlanMetric,
  target: number,
  startDate: IsoDate,
  status: PlanStatus | null,
  isCurrent: boolean,
  closedAt: Date | null,
): DemoPlan {
  return {
    partner,
    goal: goalOf(metric, target, name),
    metric,
    target,
    startDate,
    endDate: planEndDate(startDate),
    status,
    isCurrent,
    closedAt,
  };
}

/** The rep who made the intro: deals come from Tier 1 reps and Jordans (seed 001); a few come from nobody in particular. */
function pickRep(
  { rand }: DemoContext,
  candidates: readonly number[],
  reps: readonly DemoRep[],
  kinds: readonly RepKind[],
  stage: ReferralStage,
): number | null {
  if (candidates.length === 0 || rand.chance(0.1)) return null;
  const byTier = stage === 'deal' ? [0, 12, 3, 1, 0.2] : [0, 6, 3, 1, 0.3];
  return rand.weighted(
    candidates.map((i) => [i, (byTier[defined(reps[i]).engagementTier] ?? 0) * (kinds[i] === 'jordan' ? 3 : 1)] as const),
  );
}

function closeDate({ rand, today }: DemoContext, introducedAt: IsoDate, stage: ReferralStage): IsoDate | null {
  if (stage === 'closed-won' || stage === 'closed-lost') {
    const close = addDays(introducedAt, rand.int(20, 120));
    return close < today ? close : addDays(today, -1) < introducedAt ? introducedAt : addDays(today, -1);
  }
  return stage === 'intro' && rand.chance(0.5) ? null : addDays(today, rand.int(14, 150));
}

/**
 * Current plans follow the suggestion (docs/RULES.md: a set status stands, otherwise the suggestion)
 * except a few the user has set — and every status appears at least once on the dashboard.
 */
function settlePlanStatuses(ctx: DemoContext, plans: DemoPlan[], referrals: readonly DemoReferral[]): void {
  const { rand, today } = ctx;
  const current = plans.filter((p) => p.isCurrent);
  const suggested = new Map(
    current.map((plan) => {
      const own = referrals.filter((r) => r.partner === plan.partner);
      const progress = planProgress(plan.metric, own, plan);
      return [
        plan,
        suggestPlanStatus({ progress, target: plan.target, startDate: plan.startDate, endDate: plan.endDate, today }),
      ];
    }),
  );
  for (const plan of current) {
    const s = defined(suggested.get(plan));
    // The user is more worried than the rule about a plan that is on track but has nothing yet.
    if (s === 'on-track' && rand.chance(0.2)) plan.status = 'at-risk';
    else if (s === 'delivered' && rand.chance(0.3)) plan.status = 'delivered';
  }
  const effective = () => current.map((plan) => plan.status ?? defined(suggested.get(plan)));
  for (const wanted of PLAN_STATUSES) {
    if (effective().includes(wanted)) continue;
    const counts = PLAN_STATUSES.map((s) => effective().filter((e) => e === s).length);
    const common = defined(PLAN_STATUSES[counts.indexOf(Math.max(...counts))]);
    const donor = current.find((plan) => plan.status === null && suggested.get(plan) === common);
    if (donor) donor.status = wanted;
  }
}
