import type { SignalKey } from '@ptrack/catalog';
import type { Tier } from '@ptrack/domain';
import { defined } from '@ptrack/domain';
import { REP_TITLES } from './demo-names';
import { personName } from './demo-partners';
import { JORDAN_NOTES, TIME_WASTER_NOTES } from './demo-text';
import {
  type DemoAccount,
  type DemoContext,
  type DemoPartner,
  type DemoRep,
  fill,
  type PartnerProfile,
  slug,
} from './demo-types';

// Reps per partner and tier odds by program status (Active, Testing, Paused, Inactive): seed 001 —
// most reps are warming or stale, a few carry active deals.
const REP_COUNT: readonly (readonly [number, number])[] = [
  [6, 9],
  [3, 6],
  [2, 4],
  [1, 3],
];
const TIER_WEIGHTS: readonly (readonly (readonly [Tier, number])[])[] = [
  [
    [1, 18],
    [2, 27],
    [3, 30],
    [4, 25],
  ],
  [
    [1, 6],
    [2, 22],
    [3, 45],
    [4, 27],
  ],
  [
    [2, 8],
    [3, 32],
    [4, 60],
  ],
  [
    [3, 20],
    [4, 80],
  ],
];
// Odds of a Jordan and of a time-waster by tier (seed 001: Jordans are few, and they bring the deals).
const JORDAN_ODDS: Record<Tier, number> = { 1: 0.3, 2: 0.1, 3: 0.03, 4: 0.01 };
const TIME_WASTER_ODDS: Record<Tier, number> = { 1: 0, 2: 0.12, 3: 0.12, 4: 0.12 };

export type RepKind = 'jordan' | 'time-waster' | 'regular';

/** Reps for every partner, with emails on the partner's domain, tiers, quality scores and signals. */
export function buildReps(
  ctx: DemoContext,
  partners: readonly DemoPartner[],
  profiles: readonly PartnerProfile[],
  accounts: readonly DemoAccount[],
): { reps: DemoRep[]; kinds: RepKind[] } {
  const { rand } = ctx;
  const reps: DemoRep[] = [];
  const kinds: RepKind[] = [];
  for (const [p, partner] of partners.entries()) {
    const status = defined(profiles[p]).status;
    const [low, high] = defined(REP_COUNT[status]);
    const typeIndex = Math.max(0, ctx.options.partnerType.indexOf(partner.type ?? ''));
    const names = new Set<string>();
    const count = rand.int(low, high);
    while (names.size < count) names.add(personName(ctx));
    for (const name of names) {
      const tier = rand.weighted(defined(TIER_WEIGHTS[status]));
      const kind: RepKind = rand.chance(JORDAN_ODDS[tier])
        ? 'jordan'
        : rand.chance(TIME_WASTER_ODDS[tier])
          ? 'time-waster'
          : 'regular';
      const [first, last] = name.split(' ') as [string, string];
      const account = rand.pick(accounts).name;
      reps.push({
        partner: p,
        name,
        email: `${slug(first)}.${slug(last)}@${partner.domain}`,
        title: rand.pick(defined(REP_TITLES[typeIndex % REP_TITLES.length])),
        engagementTier: tier,
        ...qualityOf(ctx, kind, tier),
        notes:
          kind === 'jordan'
            ? fill(rand.pick(JORDAN_NOTES), { account })
            : kind === 'time-waster'
              ? rand.pick(TIME_WASTER_NOTES)
              : null,
      });
      kinds.push(kind);
    }
  }
  ensureKinds(ctx, reps, kinds);
  return { reps, kinds };
}

type Quality = Pick<DemoRep, 'qualityScore' | SignalKey>;

const NO_SIGNALS = {
  sharesAccountList: false,
  suggestsJointActivities: false,
  introsWithoutProof: false,
  responsive: false,
  stuckBuildingRapport: false,
  lipServiceOnly: false,
  expectsUsToBringEverything: false,
  waitsForDeals: false,
};

/** Quality score and signals (docs/RULES.md: a Jordan has quality ≥ 8, or ≥ 3 Jordan signals and no time-waster signal). */
function qualityOf({ rand }: DemoContext, kind: RepKind, tier: Tier): Quality {
  switch (kind) {
    case 'jordan': {
      // Either scored high, or recognised by the signals alone.
      const bySignals = rand.chance(0.4);
      const skip = bySignals ? rand.int(0, 4) : rand.int(0, 1);
      return {
        ...NO_SIGNALS,
        qualityScore: bySignals ? rand.pick([6, 7, null] as const) : rand.int(8, 10),
        sharesAccountList: skip !== 0,
        suggestsJointActivities: skip !== 1,
        introsWithoutProof: skip !== 2,
        responsive: skip !== 3,
      };
    }
    case 'time-waster': {
      const first = rand.int(0, 3);
      const second = rand.chance(0.4) ? rand.int(0, 3) : first;
      const has = (i: number) => first === i || second === i;
      return {
        ...NO_SIGNALS,
        qualityScore: rand.chance(0.8) ? rand.int(2, 5) : null,
        responsive: has(0), // stuck building rapport: they do take the meetings
        stuckBuildingRapport: has(0),
        lipServiceOnly: has(1),
        expectsUsToBringEverything: has(2),
        waitsForDeals: has(3),
      };
    }
    case 'regular':
      return {
        ...NO_SIGNALS,
        qualityScore: rand.chance(0.8) ? rand.int(tier <= 2 ? 5 : 3, 7) : null,
        responsive: rand.chance(tier <= 2 ? 0.6 : 0.2),
        sharesAccountList: rand.chance(tier <= 2 ? 0.3 : 0.05),
      };
    default: {
      const never: never = kind;
      throw new Error(`unknown rep kind ${String(never)}`);
    }
  }
}

/** A demo shows a few of each: at least 3 Jordans and 3 time-wasters whatever the seed. */
function ensureKinds(ctx: DemoContext, reps: DemoRep[], kinds: RepKind[]): void {
  for (const wanted of ['jordan', 'time-waster'] as const) {
    const regular = kinds.flatMap((k, i) =>
      k === 'regular' && (wanted === 'jordan') === defined(reps[i]).engagementTier <= 2 ? [i] : [],
    );
    for (const i of regular.slice(0, Math.max(0, 3 - kinds.filter((k) => k === wanted).length))) {
      const notes = wanted === 'jordan' ? defined(JORDAN_NOTES[0]) : defined(TIME_WASTER_NOTES[0]);
      Object.assign(defined(reps[i]), qualityOf(ctx, wanted, defined(reps[i]).engagementTier), { notes });
      kinds[i] = wanted;
    }
  }
}
