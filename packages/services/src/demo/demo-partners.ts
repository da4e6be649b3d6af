import { addDays, daysBetween, defined } from '@ptrack/domain';
import {
  ACCOUNT_SECTORS,
  ACCOUNT_STEMS,
  DEMO_TLD,
  FIRST_NAMES,
  INTRO_MECHANISMS,
  LAST_NAMES,
  ORIGIN_STORIES,
  OWNERS,
  PARTNER_INDUSTRIES,
  PARTNER_NOTES,
  PARTNER_STEMS,
  PARTNER_SUFFIXES,
  RELATIONSHIP_NOTES,
} from './demo-names';
import {
  type DemoAccount,
  type DemoContext,
  type DemoPartner,
  type PartnerProfile,
  slug,
  spread,
  workingInstant,
} from './demo-types';

const ACCOUNT_COUNT = 110;

/** Fictional customer companies, each with its own domain. */
export function buildAccounts({ rand }: DemoContext): DemoAccount[] {
  const seen = new Set<string>();
  const out: DemoAccount[] = [];
  while (out.length < ACCOUNT_COUNT) {
    const name = `${rand.pick(ACCOUNT_STEMS)} ${rand.pick(ACCOUNT_SECTORS)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, domain: `${slug(name)}.${DEMO_TLD}` });
  }
  return out;
}

export function personName(ctx: DemoContext): string {
  return `${ctx.rand.pick(FIRST_NAMES)} ${ctx.rand.pick(LAST_NAMES)}`;
}

/** A value of option list `list` by position, wrapping when the workspace's list is shorter. */
function option(ctx: DemoContext, list: keyof DemoContext['options'], index: number): string {
  const values = ctx.options[list];
  return defined(values[index % values.length]);
}

const STATUS_WEIGHTS = [
  [0, 45],
  [1, 25],
  [2, 15],
  [3, 15],
] as const; // Active, Testing, Paused, Inactive
const TYPE_WEIGHTS = [
  [0, 35],
  [1, 25],
  [2, 10],
  [3, 8],
  [4, 12],
  [5, 10],
] as const;
// Phase by program status: active partners are scaling, inactive ones never got past the start.
const PHASE_WEIGHTS: Record<number, readonly (readonly [number, number])[]> = {
  0: [
    [1, 25],
    [2, 45],
    [3, 30],
  ],
  1: [
    [0, 35],
    [1, 65],
  ],
  2: [
    [1, 60],
    [2, 40],
  ],
  3: [
    [0, 60],
    [1, 40],
  ],
};
const QUALIFICATION = [
  ['pursue', 55],
  ['polite-pass', 20],
  ['incomplete', 25],
] as const;

/** Partners of every type, archetype, status and phase, with qualification answers and optional scores. */
export function buildPartners(
  ctx: DemoContext,
  accounts: readonly DemoAccount[],
): { partners: DemoPartner[]; profiles: PartnerProfile[] } {
  const { rand } = ctx;
  const n = rand.int(38, 42);
  const statuses = spread(rand, n, STATUS_WEIGHTS);
  const types = spread(rand, n, TYPE_WEIGHTS);
  const archetypes = spread(
    rand,
    n,
    [0, 1, 2, 3].map((i) => [i, 1] as const),
  );
  const verdicts = spread(rand, n, QUALIFICATION);
  const stems = rand.shuffle(PARTNER_STEMS);
  const partners: DemoPartner[] = [];
  const profiles: PartnerProfile[] = [];
  for (let i = 0; i < n; i++) {
    const status = defined(statuses[i]);
    const type = defined(types[i]);
    const stem = defined(stems[i % stems.length]);
    const name = `${stem} ${rand.pick(defined(PARTNER_SUFFIXES[type]))}`;
    const domain = `${slug(name)}.${DEMO_TLD}`;
    const pm = personName(ctx);
    const [pmFirst, pmLast] = pm.split(' ') as [string, string];
    profiles.push({ status, strength: (3 - status) * 10 + rand.int(0, 12), dormant: status >= 2 });
    partners.push({
      name,
      type: option(ctx, 'partnerType', type),
      archetype: option(ctx, 'archetype', defined(archetypes[i])),
      slackChannel: rand.chance(0.7) ? `${slug(stem, '-')}-partners` : `ext-${slug(stem, '-')}`,
      industry: rand.pick(defined(PARTNER_INDUSTRIES[type])),
      website: `https://www.${domain}`,
      domain,
      ...qualification(ctx, defined(verdicts[i]), type, accounts),
      partnerManagerName: pm,
      partnerManagerEmail: `${slug(pmFirst)}.${slug(pmLast)}@${domain}`,
      partnerManagerSlack: `@${slug(pmFirst)}`,
      originStory: rand.pick(ORIGIN_STORIES),
      relationshipNotes: rand.pick(RELATIONSHIP_NOTES),
      programStatus: option(ctx, 'programStatus', status),
      owner: rand.pick(OWNERS),
      phase: option(ctx, 'phase', rand.weighted(defined(PHASE_WEIGHTS[status]))),
      notes: rand.chance(0.5) ? rand.pick(PARTNER_NOTES) : null,
      reviewedAt: reviewedAt(ctx, status),
    });
  }
  // Phases follow the status, but every phase should show up once.
  for (const [p, label] of ctx.options.phase.entries()) {
    if (!partners.some((x) => x.phase === label)) defined(partners[(p * 7) % n]).phase = label;
  }
  scoreIpp(ctx, partners, profiles);
  return { partners, profiles };
}

type Qualification = Pick<DemoPartner, 'icpMatch' | 'introMechanism' | 'economicsOk' | 'namedAccounts'>;

/** Answers to the 4 questions that lead to the intended verdict (docs/RULES.md, qualification verdict). */
function qualification(ctx: DemoContext, verdict: string, type: number, accounts: readonly DemoAccount[]): Qualification {
  const { rand } = ctx;
  const named = (k: number) => rand.shuffle(accounts.map((_, i) => i)).slice(0, k);
  const mechanism = rand.pick(defined(INTRO_MECHANISMS[type]));
  if (verdict === 'pursue')
    return { icpMatch: 'yes', introMechanism: mechanism, economicsOk: 'yes', namedAccounts: named(rand.int(3, 6)) };
  if (verdict === 'polite-pass') {
    const why = rand.int(0, 2);
    return {
      icpMatch: why === 0 ? 'no' : 'yes',
      introMechanism: rand.chance(0.6) ? mechanism : null,
      economicsOk: why === 2 ? 'no' : rand.pick(['yes', null] as const),
      namedAccounts: named(why === 1 ? rand.int(1, 2) : rand.int(0, 4)),
    };
  }
  // Incomplete: nothing fails, something is still unanswered.
  const missing = rand.int(0, 3);
  return {
    icpMatch: missing === 0 ? null : 'yes',
    introMechanism: missing === 1 ? null : mechanism,
    economicsOk: missing === 2 ? null : 'yes',
    namedAccounts: named(missing === 3 ? 0 : rand.int(3, 5)),
  };
}

/** Active partners mostly reviewed this week (docs/RULES.md "CURRENT WEEK = Y"); quiet ones weeks ago or never. */
function reviewedAt(ctx: DemoContext, status: number): Date | null {
  const { rand } = ctx;
  const roll = rand.float();
  const thisWeek = status <= 1 ? 0.45 : 0.1;
  if (roll < thisWeek) {
    return workingInstant(ctx, addDays(ctx.weekStartDate, rand.int(0, daysBetween(ctx.weekStartDate, ctx.today))));
  }
  if (roll < thisWeek + 0.35) return workingInstant(ctx, addDays(ctx.weekStartDate, -rand.int(1, 30)));
  return null;
}

// Score ranges of the IPP bands (docs/RULES.md: Strategic ≥ 40, Good 30–39, Evaluate 20–29, Pass < 20).
const BAND_RANGES = [
  [40, 48],
  [30, 39],
  [20, 29],
  [8, 19],
] as const;

/** IPP scores for ~60% of partners, the strongest ones in the higher bands; enterprise evaluation for a few. */
function scoreIpp(ctx: DemoContext, partners: DemoPartner[], profiles: PartnerProfile[]): void {
  const { rand } = ctx;
  const scored = rand
    .shuffle(partners.map((_, i) => i))
    .slice(0, Math.round(partners.length * 0.6))
    .map((i) => ({ i, key: defined(profiles[i]).strength + rand.int(0, 8) }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map((s) => s.i);
  const bands = spread(rand, scored.length, [
    [0, 25],
    [1, 35],
    [2, 25],
    [3, 15],
  ]).sort();
  for (const [k, i] of scored.entries()) {
    const [low, high] = defined(BAND_RANGES[defined(bands[k])], 'an IPP band');
    const dims = splitScore(ctx, rand.int(low, high));
    const partner = defined(partners[i]);
    Object.assign(partner, {
      icpAlignment: dims[0],
      revenuePathClarity: dims[1],
      archetypeFit: dims[2],
      economics: dims[3],
      strategicValue: dims[4],
    });
    if (k < 5) Object.assign(partner, enterpriseEvaluation(ctx, defined(partner.domain ?? undefined, 'a demo partner domain')));
  }
}

/** Five dimensions 0–10 that add up to `total`. */
function splitScore({ rand }: DemoContext, total: number): number[] {
  const dims = [0, 1, 2, 3, 4].map((d) => Math.floor(total / 5) + (d < total % 5 ? 1 : 0));
  for (let moves = 0; moves < 6; moves++) {
    const from = rand.int(0, 4);
    const to = rand.int(0, 4);
    if (defined(dims[from]) > 0 && defined(dims[to]) < 10) {
      dims[from] = defined(dims[from]) - 1;
      dims[to] = defined(dims[to]) + 1;
    }
  }
  return dims;
}

function enterpriseEvaluation(ctx: DemoContext, domain: string): Partial<DemoPartner> {
  const { rand } = ctx;
  const score = () => rand.int(2, 5);
  const jvp = rand.int(0, 2);
  return {
    capacity: score(),
    capability: score(),
    commitment: score(),
    pillarPartnershipsManagement: score(),
    pillarPartnerMarketing: score(),
    pillarPartnerEnablement: score(),
    pillarPartnerOperations: score(),
    pillarCrossFunctional: score(),
    pillarCustomerCentric: score(),
    enterpriseTier: option(ctx, 'enterpriseTier', rand.int(1, 4)),
    jvpStatus: option(ctx, 'jvpStatus', jvp),
    jvpDate: jvp === 0 ? addDays(ctx.today, -rand.int(20, 200)) : null,
    jvpLink: jvp === 0 ? `https://docs.${DEMO_TLD}/jvp/${domain.split('.')[0]}` : null,
  };
}
