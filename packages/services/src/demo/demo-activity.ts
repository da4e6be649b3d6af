import {
  addDays,
  cadenceDays,
  DEFAULT_ACTION_TYPE,
  daysBetween,
  defined,
  scheduleAfterTouch,
  type TouchKind,
} from '@ptrack/domain';
import type { RepKind } from './demo-reps';
import { FOLLOW_UP_NOTES, INBOUND_SUMMARIES, OTHER_ACTION_NOTES, OUTBOUND_SUMMARIES, PARTNER_TOUCH_SUMMARIES } from './demo-text';
import {
  type DemoAccount,
  type DemoAction,
  type DemoContext,
  type DemoPartner,
  type DemoReferral,
  type DemoRep,
  type DemoTouch,
  daysAgo,
  fill,
  type PartnerProfile,
  workingInstant,
} from './demo-types';

const OUTBOUND_KINDS: readonly (readonly [TouchKind, number])[] = [
  ['email', 40],
  ['call', 14],
  ['meeting', 12],
  ['message', 16],
  ['in-person-visit', 3],
  ['collateral-sent', 7],
  ['proposal-sent', 3],
  ['other', 5],
];
const REPLY_KINDS = ['email', 'email', 'message', 'call', 'meeting'] as const;
// How often a rep answers an outbound touch, by tier (seed 001: 80% for the best reps, 20% for stale ones).
const RESPONSE_ODDS = { 1: 0.7, 2: 0.5, 3: 0.3, 4: 0.12 } as const;

type Bucket = 'overdue' | 'today' | 'upcoming' | 'dormant';

/**
 * A year of touches and the actions they imply: for each rep, conversations at about its tier's cadence
 * up to a last touch placed so that its open follow-up (last touch + cadence, docs/RULES.md cadence rule)
 * is overdue, due today or upcoming — the Today list is never empty.
 */
export function buildActivity(
  ctx: DemoContext,
  data: {
    partners: readonly DemoPartner[];
    profiles: readonly PartnerProfile[];
    reps: readonly DemoRep[];
    kinds: readonly RepKind[];
    referrals: readonly DemoReferral[];
    accounts: readonly DemoAccount[];
  },
): { touches: DemoTouch[]; actions: DemoAction[] } {
  const { rand } = ctx;
  const { partners, profiles, reps, kinds, referrals, accounts } = data;
  const touches: DemoTouch[] = [];
  const actions: DemoAction[] = [];
  const accountFor = (p: number) => {
    const named = defined(partners[p]).namedAccounts;
    return defined(accounts[named.length > 0 && rand.chance(0.7) ? rand.pick(named) : rand.int(0, accounts.length - 1)]).name;
  };
  const buckets = assignBuckets(ctx, reps, profiles);
  const lags: number[] = [];

  for (const [i, rep] of reps.entries()) {
    const tier = rep.engagementTier;
    const cadence = cadenceDays(tier, ctx.cadences);
    const lag = Math.min(360, lagFor(ctx, defined(buckets[i]), cadence));
    lags.push(lag);
    const firstAgo = rand.int(Math.min(365, lag + cadence), Math.min(365, lag + cadence * 26));
    const conversations: number[] = [];
    for (let d = lag; d <= firstAgo; d += Math.max(1, Math.round(cadence * (0.6 + 0.8 * rand.float())))) conversations.push(d);
    const opened: Date[] = [];
    for (const age of conversations) {
      const date = daysAgo(ctx, age);
      const values = { account: accountFor(rep.partner) };
      const inboundFirst = rand.chance(kinds[i] === 'jordan' ? 0.3 : 0.08);
      const meetingHeavy = kinds[i] === 'time-waster' && rep.stuckBuildingRapport;
      const kind = meetingHeavy && rand.chance(0.5) ? 'meeting' : rand.weighted(OUTBOUND_KINDS);
      const minute = rand.int(8 * 60 + 30, 15 * 60);
      const at = (offset: number) => workingInstant(ctx, date, minute + offset, minute + offset);
      if (inboundFirst) {
        const replyKind = rand.pick(REPLY_KINDS);
        touches.push(touch(rep, i, replyKind, 'inbound', at(0), fill(rand.pick(INBOUND_SUMMARIES[replyKind]), values)));
        touches.push(
          touch(rep, i, 'email', 'outbound', at(rand.int(20, 180)), fill(rand.pick(OUTBOUND_SUMMARIES.email), values)),
        );
      } else {
        touches.push(touch(rep, i, kind, 'outbound', at(0), fill(rand.pick(OUTBOUND_SUMMARIES[kind]), values)));
        const odds = kinds[i] === 'jordan' ? 0.85 : RESPONSE_ODDS[tier];
        if (rand.chance(odds)) {
          const replyKind = rand.pick(['email', 'message'] as const);
          const summary = fill(rand.pick(INBOUND_SUMMARIES[replyKind]), values);
          touches.push(touch(rep, i, replyKind, 'inbound', at(rand.int(20, 240)), summary));
        }
      }
      opened.push(at(0));
    }
    // The follow-ups the last few touches completed (log-touch completes a rep's open follow-up).
    for (let j = 0; j + 1 < conversations.length && j < 3; j++) {
      const due = addDays(daysAgo(ctx, defined(conversations[j + 1])), cadence);
      const skipped = rand.chance(0.1);
      actions.push({
        partner: rep.partner,
        rep: i,
        dueDate: due,
        type: DEFAULT_ACTION_TYPE,
        notes: skipped
          ? 'Skipped: covered in a group call'
          : fill(rand.pick(FOLLOW_UP_NOTES[tier]), { account: accountFor(rep.partner) }),
        status: skipped ? 'skipped' : 'done',
        completedAt: defined(opened[j]),
      });
    }
    // The open follow-up the cadence rule implies from the last touch; an inactive partner's were dropped.
    const next = scheduleAfterTouch({
      touchDate: daysAgo(ctx, lag),
      tier,
      cadences: ctx.cadences,
      workingDays: ctx.workingDays,
    });
    const dropped = defined(profiles[rep.partner]).status === 3;
    actions.push({
      partner: rep.partner,
      rep: i,
      dueDate: next.dueDate,
      type: next.type,
      notes: dropped
        ? 'Deprioritised: partner inactive'
        : fill(rand.pick(FOLLOW_UP_NOTES[tier]), { account: accountFor(rep.partner) }),
      status: dropped ? 'skipped' : 'open',
      completedAt: dropped ? workingInstant(ctx, daysAgo(ctx, rand.int(1, Math.max(1, lag - 1)))) : null,
    });
  }

  // Intros arrive as inbound emails — only where they don't postdate the rep's last touch.
  for (const r of referrals) {
    const age = daysBetween(r.introducedAt, ctx.today);
    if (r.rep === null || age < Math.max(1, defined(lags[r.rep]))) continue;
    const summary = `Intro: ${defined(accounts[r.account]).name}`;
    touches.push(touch(defined(reps[r.rep]), r.rep, 'email', 'inbound', workingInstant(ctx, r.introducedAt), summary));
  }
  touches.push(...partnerTouches(ctx, partners, profiles));
  actions.push(...otherActions(ctx, { partners, profiles, reps, kinds, referrals, accounts, accountFor }));
  return { touches, actions };
}

function touch(
  rep: DemoRep,
  i: number,
  kind: TouchKind,
  direction: 'outbound' | 'inbound',
  occurredAt: Date,
  summary: string,
): DemoTouch {
  return { partner: rep.partner, rep: i, kind, direction, occurredAt, summary };
}

/** Several reps overdue and several due today among the active partners; the rest upcoming. */
function assignBuckets(ctx: DemoContext, reps: readonly DemoRep[], profiles: readonly PartnerProfile[]): Bucket[] {
  const buckets: Bucket[] = reps.map((r) => (defined(profiles[r.partner]).dormant ? 'dormant' : 'upcoming'));
  const live = ctx.rand.shuffle(reps.flatMap((_, i) => (buckets[i] === 'upcoming' ? [i] : [])));
  const dueToday = Math.max(5, Math.round(live.length * 0.06));
  const overdue = Math.max(8, Math.round(live.length * 0.1));
  for (const [k, i] of live.entries()) {
    if (k < dueToday) buckets[i] = 'today';
    else if (k < dueToday + overdue) buckets[i] = 'overdue';
  }
  return buckets;
}

/** Days since the rep's last touch, so that last touch + cadence lands in the bucket. */
function lagFor({ rand }: DemoContext, bucket: Bucket, cadence: number): number {
  switch (bucket) {
    case 'today':
      return cadence;
    case 'overdue':
      return cadence + rand.int(1, Math.min(30, Math.max(3, Math.round(cadence / 2))));
    case 'upcoming':
      return rand.int(1, Math.max(1, cadence - 1));
    case 'dormant':
      // Needs attention (docs/RULES.md view): no touch in 30+ days; the follow-up at most a few weeks late.
      return rand.int(31, Math.max(45, cadence + 10));
  }
}

/** Touches with the partner's program manager, without a rep: syncs, QBRs, co-marketing. */
function partnerTouches(ctx: DemoContext, partners: readonly DemoPartner[], profiles: readonly PartnerProfile[]): DemoTouch[] {
  const { rand } = ctx;
  const out: DemoTouch[] = [];
  for (const [p, partner] of partners.entries()) {
    const { status, dormant } = defined(profiles[p]);
    const pm = partner.partnerManagerName?.split(' ')[0] ?? 'their partner manager';
    const newest = dormant ? rand.int(31, 150) : rand.int(1, status === 0 ? 20 : 45);
    const oldest = rand.int(Math.min(365, newest + 60), 365);
    for (let age = newest; age <= oldest; age += rand.int(20, 45)) {
      const kind = rand.pick(['meeting', 'meeting', 'call', 'email', 'message'] as const);
      const direction = rand.chance(0.75) ? 'outbound' : 'inbound';
      const summary = fill(rand.pick(PARTNER_TOUCH_SUMMARIES), { pm });
      out.push({ partner: p, rep: null, kind, direction, occurredAt: workingInstant(ctx, daysAgo(ctx, age)), summary });
    }
  }
  return out;
}

/** Actions of every type besides the cadence's follow-ups: some open, most done or skipped. */
function otherActions(
  ctx: DemoContext,
  data: {
    partners: readonly DemoPartner[];
    profiles: readonly PartnerProfile[];
    reps: readonly DemoRep[];
    kinds: readonly RepKind[];
    referrals: readonly DemoReferral[];
    accounts: readonly DemoAccount[];
    accountFor: (p: number) => string;
  },
): DemoAction[] {
  const { rand } = ctx;
  const types = ctx.options.actionType;
  const live = data.partners.flatMap((_, p) => (defined(data.profiles[p]).dormant ? [] : [p]));
  const deals = data.referrals.filter((r) => r.stage === 'deal' && r.rep !== null);
  const out: DemoAction[] = [];
  const count = Math.round(data.partners.length * 1.5);
  for (let k = 0; k < count; k++) {
    const typeIndex = k % types.length;
    const deal = typeIndex === 3 && deals.length > 0 ? rand.pick(deals) : null;
    const partner = deal ? deal.partner : rand.pick(live.length > 0 ? live : [0]);
    const candidates = data.reps.flatMap((r, i) => (r.partner === partner ? [i] : []));
    // Co-marketing and partner-level follow-ups are with the partner manager, not a rep.
    const rep = deal ? deal.rep : typeIndex === 0 || typeIndex === 4 || candidates.length === 0 ? null : rand.pick(candidates);
    const values = {
      account: deal ? defined(data.accounts[deal.account]).name : data.accountFor(partner),
      rep: rep === null ? 'them' : firstName(defined(data.reps[rep]).name),
      pm: defined(data.partners[partner]).partnerManagerName?.split(' ')[0] ?? 'their partner manager',
    };
    const notes = OTHER_ACTION_NOTES[defined(types[typeIndex])];
    const open = k % 3 === 0;
    const dueDate = addDays(ctx.today, open ? rand.int(-12, 14) : -rand.int(5, 200));
    const closedOn = addDays(dueDate, Math.min(rand.int(0, 3), daysBetween(dueDate, ctx.today) - 1));
    out.push({
      partner,
      rep,
      dueDate,
      type: defined(types[typeIndex]),
      notes: notes ? fill(rand.pick(notes), values) : null,
      status: open ? 'open' : rand.chance(0.7) ? 'done' : 'skipped',
      completedAt: open ? null : workingInstant(ctx, closedOn),
    });
  }
  return out;
}

/** The first word of a full name (the whole name when it has one word). */
function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}
