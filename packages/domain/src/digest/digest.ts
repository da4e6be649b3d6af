import { addDays, type IsoDate, startOfWeek, type WeekStartsOn } from '../calendar';

/** One open action as a digest lists it (the Today list's own row, trimmed to what a digest shows). */
export type DigestAction = {
  id: string;
  partnerId: string;
  partnerName: string;
  repName: string | null;
  type: string;
  notes: string | null;
  dueDate: IsoDate;
  daysOverdue: number;
};

/** A partner a digest names: a plan at risk, or no touch in a while (`daysSinceLastTouch` null = never). */
export type DigestPartner = { id: string; name: string; daysSinceLastTouch: number | null };

export type DigestCounts = {
  overdue: number;
  dueToday: number;
  laterThisWeek: number;
  plansAtRisk: number;
  needsAttention: number;
};

/** One owner's Monday list. `owner` null is the Unassigned digest (partners with no owner). */
export type OwnerDigest = {
  owner: string | null;
  today: IsoDate;
  weekEnd: IsoDate;
  overdue: DigestAction[];
  dueToday: DigestAction[];
  laterThisWeek: DigestAction[];
  plansAtRisk: DigestPartner[];
  needsAttention: DigestPartner[];
  counts: DigestCounts;
};

export type DigestSources = {
  today: IsoDate;
  weekEnd: IsoDate;
  /** Every partner's owner by partner id (null or blank: unassigned). */
  ownerByPartner: ReadonlyMap<string, string | null>;
  /** The Today list: open actions due today or earlier, oldest first. */
  dueByToday: readonly DigestAction[];
  /** Open actions due after today up to the end of the week. */
  laterThisWeek: readonly DigestAction[];
  plansAtRisk: readonly DigestPartner[];
  needsAttention: readonly DigestPartner[];
};

/** The last day of the week that holds `today` (weeks start on `weekStartsOn`, 0 = Sunday). */
export function endOfWeek(today: IsoDate, weekStartsOn: WeekStartsOn): IsoDate {
  return addDays(startOfWeek(today, weekStartsOn), 6);
}

/** How owners are told apart: `owner` is free text, so " Dana" and "dana" are one person. */
export function ownerKey(owner: string | null | undefined): string {
  return (owner ?? '').trim().toLowerCase();
}

/** The owner's name as shown (the first spelling, trimmed); null for no owner. */
function ownerName(owner: string | null | undefined): string | null {
  const name = (owner ?? '').trim();
  return name === '' ? null : name;
}

export const UNASSIGNED_LABEL = 'Unassigned';

export function ownerLabel(owner: string | null): string {
  return owner ?? UNASSIGNED_LABEL;
}

/**
 * Splits the workspace's lists into one digest per owner: every owner with anything in any list gets
 * one, and partners without an owner go to the Unassigned digest (`owner` null), which comes last.
 * Each list keeps the order it came in; the first spelling of an owner's name is the one shown.
 */
export function composeDigests(sources: DigestSources): OwnerDigest[] {
  const digests = new Map<string, OwnerDigest>();
  const digestOf = (partnerId: string): OwnerDigest => {
    const raw = sources.ownerByPartner.get(partnerId) ?? null;
    const key = ownerKey(raw);
    let digest = digests.get(key);
    if (!digest) {
      digest = emptyDigest(ownerName(raw), sources.today, sources.weekEnd);
      digests.set(key, digest);
    }
    return digest;
  };
  for (const action of sources.dueByToday) {
    const digest = digestOf(action.partnerId);
    (action.dueDate < sources.today ? digest.overdue : digest.dueToday).push(action);
  }
  for (const action of sources.laterThisWeek) {
    if (action.dueDate > sources.today && action.dueDate <= sources.weekEnd)
      digestOf(action.partnerId).laterThisWeek.push(action);
  }
  for (const partner of sources.plansAtRisk) digestOf(partner.id).plansAtRisk.push(partner);
  for (const partner of sources.needsAttention) digestOf(partner.id).needsAttention.push(partner);
  const all = [...digests.values()].map(withCounts);
  return all.sort((a, b) => {
    if (a.owner === null || b.owner === null) return a.owner === null ? (b.owner === null ? 0 : 1) : -1;
    return a.owner.localeCompare(b.owner);
  });
}

/** A digest with nothing in it, for an owner who has nothing this week. */
export function emptyDigest(owner: string | null, today: IsoDate, weekEnd: IsoDate): OwnerDigest {
  return withCounts({
    owner,
    today,
    weekEnd,
    overdue: [],
    dueToday: [],
    laterThisWeek: [],
    plansAtRisk: [],
    needsAttention: [],
    counts: { overdue: 0, dueToday: 0, laterThisWeek: 0, plansAtRisk: 0, needsAttention: 0 },
  });
}

function withCounts(d: OwnerDigest): OwnerDigest {
  return {
    ...d,
    counts: {
      overdue: d.overdue.length,
      dueToday: d.dueToday.length,
      laterThisWeek: d.laterThisWeek.length,
      plansAtRisk: d.plansAtRisk.length,
      needsAttention: d.needsAttention.length,
    },
  };
}

export function isDigestEmpty(d: OwnerDigest): boolean {
  return Object.values(d.counts).every((n) => n === 0);
}

/** The digest of one owner (matched like ownerKey), or an empty one when they have nothing. */
export function digestFor(digests: readonly OwnerDigest[], owner: string | null, today: IsoDate, weekEnd: IsoDate): OwnerDigest {
  const key = ownerKey(owner);
  const found = digests.find((d) => ownerKey(d.owner) === key);
  return found ?? emptyDigest(ownerName(owner), today, weekEnd);
}
