import { TZDate } from '@date-fns/tz';
import type { Cadences, IsoDate, OptionListName, PlanMetric, PlanStatus, ReferralStage, Tier, TouchKind } from '@ptrack/domain';
import { addDays } from '@ptrack/domain';
import type { partners, reps } from '@ptrack/storage';
import type { Random } from './random';

// The plain records of a demo workspace. Records point at each other by array index (`partner: 3` is
// records.partners[3]); the seeding service gives them database ids when it inserts them.

export type DemoInput = {
  seed: number;
  /** The current instant; "today" is its calendar day in `timeZone`. */
  now: Date;
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday (workspace setting). */
  weekStartsOn?: number;
  cadences?: Cadences;
  /** Days of the week follow-ups fall on (0 = Sunday …); Monday–Friday when absent. */
  workingDays?: readonly number[];
  /** The workspace's option lists; the defaults when absent. */
  options?: Partial<Record<OptionListName, readonly string[]>>;
};

type PartnerColumns = Omit<
  typeof partners.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'baseline' | 'custom' | 'hubspotCompanyId'
>;
export type DemoPartner = PartnerColumns & { name: string; namedAccounts: number[] };

type RepColumns = Omit<
  typeof reps.$inferInsert,
  'id' | 'partnerId' | 'createdAt' | 'updatedAt' | 'version' | 'custom' | 'hubspotContactId'
>;
export type DemoRep = RepColumns & { partner: number; name: string; engagementTier: Tier };

export type DemoAccount = { name: string; domain: string };

export type DemoTouch = {
  partner: number;
  rep: number | null;
  kind: TouchKind;
  direction: 'outbound' | 'inbound';
  occurredAt: Date;
  summary: string;
};

export type DemoAction = {
  partner: number;
  rep: number | null;
  dueDate: IsoDate;
  type: string;
  notes: string | null;
  status: 'open' | 'done' | 'skipped';
  completedAt: Date | null;
};

export type DemoReferral = {
  partner: number;
  rep: number | null;
  account: number;
  introducedAt: IsoDate;
  stage: ReferralStage;
  amountMinor: number | null;
  expectedCloseDate: IsoDate | null;
  notes: string | null;
};

export type DemoPlan = {
  partner: number;
  goal: string;
  metric: PlanMetric;
  target: number;
  startDate: IsoDate;
  endDate: IsoDate;
  /** The status the user set; null follows the suggestion. Closed plans keep how they ended. */
  status: PlanStatus | null;
  isCurrent: boolean;
  closedAt: Date | null;
};

export type DemoRecords = {
  today: IsoDate;
  accounts: DemoAccount[];
  partners: DemoPartner[];
  reps: DemoRep[];
  touches: DemoTouch[];
  actions: DemoAction[];
  referrals: DemoReferral[];
  plans: DemoPlan[];
};

/** What the builders share: the random source, the calendar and the option lists. */
export type DemoContext = {
  rand: Random;
  now: Date;
  today: IsoDate;
  timeZone: string;
  /** The first day of the current week in the workspace time zone. */
  weekStartDate: IsoDate;
  cadences: Cadences;
  workingDays: readonly number[];
  options: Record<OptionListName, readonly string[]>;
};

/** A partner's standing in the story: how strong it is and whether it has gone quiet. */
export type PartnerProfile = {
  /** Position of the program status: 0 Active, 1 Testing, 2 Paused, 3 Inactive. */
  status: number;
  strength: number;
  /** Paused and inactive partners: nobody has touched them in 30+ days (the Needs attention view). */
  dormant: boolean;
};

export function daysAgo(ctx: DemoContext, days: number): IsoDate {
  return addDays(ctx.today, -days);
}

/** The instant of a wall-clock time on a calendar day in the workspace time zone. */
export function localInstant(ctx: DemoContext, date: IsoDate, minuteOfDay: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60, ctx.timeZone).getTime());
}

/** An instant on `date` during working hours, never later than now. */
export function workingInstant(ctx: DemoContext, date: IsoDate, earliest = 8 * 60 + 30, latest = 17 * 60 + 30): Date {
  const at = localInstant(ctx, date, ctx.rand.int(earliest, latest));
  return at.getTime() > ctx.now.getTime() ? ctx.now : at;
}

/** Lower-case ASCII letters and digits only ("O'Donnell" → "odonnell", "Grünewald" → "grunewald"). */
export function slug(text: string, separator = ''): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(separator);
}

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * `n` values in random order in which every value appears at least once (when n allows) and the rest
 * follow the weights — so a small demo still shows every type, status and stage.
 */
export function spread<T>(rand: Random, n: number, entries: readonly (readonly [T, number])[]): T[] {
  const out = entries.slice(0, n).map(([v]) => v);
  while (out.length < n) out.push(rand.weighted(entries));
  return rand.shuffle(out);
}
