import { defined, normaliseCompanyName } from '@ptrack/domain';
import {
  accounts,
  actions,
  activationPlans,
  partnerNamedAccounts,
  partnerStats,
  partners,
  reps,
  sqlArray,
  type Tx,
} from '@ptrack/storage';
import { and, asc, eq, sql } from 'drizzle-orm';
import { inSequence } from '../context';

// What an import batch compares its rows with: the partners they name (by HubSpot id or name) and,
// for those, their named accounts, current plan, open actions, reps and computed figures — each read
// in one query for the whole batch.

export type PartnerRecord = typeof partners.$inferSelect;
export type PlanRecord = typeof activationPlans.$inferSelect;
export type ActionRecord = typeof actions.$inferSelect;

export type ExistingPartner = {
  record: PartnerRecord;
  namedAccounts: string[];
  plan: PlanRecord | null;
  openActions: ActionRecord[];
  /** Reps by lower-cased name → id. */
  reps: Map<string, string>;
  /** Figures from recorded referrals only (without the baseline), and the touch dates. */
  computed: {
    introsMade: number;
    qualifiedConversations: number;
    dealsBroughtIn: number;
    closedWon: number;
    pipelineValueMinor: number;
  };
  firstTouchDate: string | null;
  lastTouchDate: string | null;
  /** The current plan's status in force: the one set, else the suggestion. */
  planStatus: string | null;
};

export type PartnerState = {
  byHubspotId: Map<string, ExistingPartner>;
  byName: Map<string, ExistingPartner>;
};

const nameKey = (name: string) => name.trim().toLowerCase();

export async function readPartnerState(tx: Tx, names: string[], hubspotIds: string[]): Promise<PartnerState> {
  const state: PartnerState = { byHubspotId: new Map(), byName: new Map() };
  if (names.length === 0 && hubspotIds.length === 0) return state;
  const keys = [...new Set(names.map(nameKey))];
  const found = await tx
    .select()
    .from(partners)
    .where(
      sql`lower(${partners.name}) = any(${sqlArray(keys, 'text')}) or ${partners.hubspotCompanyId} = any(${sqlArray([...new Set(hubspotIds)], 'text')})`,
    );
  if (found.length === 0) return state;
  const ids = found.map((p) => p.id);

  const [named, plans, open, repRows, stats] = await inSequence(
    () =>
      tx
        .select({ partnerId: partnerNamedAccounts.partnerId, name: accounts.name })
        .from(partnerNamedAccounts)
        .innerJoin(accounts, eq(accounts.id, partnerNamedAccounts.accountId))
        .where(sql`${partnerNamedAccounts.partnerId} = any(${sqlArray(ids, 'uuid')})`)
        .orderBy(asc(partnerNamedAccounts.partnerId), asc(partnerNamedAccounts.position)),
    () =>
      tx
        .select()
        .from(activationPlans)
        .where(and(sql`${activationPlans.partnerId} = any(${sqlArray(ids, 'uuid')})`, eq(activationPlans.isCurrent, true))),
    () =>
      tx
        .select()
        .from(actions)
        .where(and(sql`${actions.partnerId} = any(${sqlArray(ids, 'uuid')})`, eq(actions.status, 'open')))
        .orderBy(asc(actions.dueDate), asc(actions.id)),
    () =>
      tx
        .select({ id: reps.id, partnerId: reps.partnerId, name: reps.name })
        .from(reps)
        .where(sql`${reps.partnerId} = any(${sqlArray(ids, 'uuid')})`),
    () =>
      tx
        .select()
        .from(partnerStats)
        .where(sql`${partnerStats.partnerId} = any(${sqlArray(ids, 'uuid')})`),
  );

  const byId = new Map<string, ExistingPartner>();
  for (const record of found) {
    const existing: ExistingPartner = {
      record,
      namedAccounts: [],
      plan: null,
      openActions: [],
      reps: new Map(),
      computed: { introsMade: 0, qualifiedConversations: 0, dealsBroughtIn: 0, closedWon: 0, pipelineValueMinor: 0 },
      firstTouchDate: null,
      lastTouchDate: null,
      planStatus: null,
    };
    byId.set(record.id, existing);
    state.byName.set(nameKey(record.name), existing);
    if (record.hubspotCompanyId) state.byHubspotId.set(record.hubspotCompanyId, existing);
  }
  for (const n of named) byId.get(n.partnerId)?.namedAccounts.push(n.name);
  for (const p of plans) defined(byId.get(p.partnerId)).plan = p;
  for (const a of open) byId.get(a.partnerId)?.openActions.push(a);
  for (const r of repRows) byId.get(r.partnerId)?.reps.set(nameKey(r.name), r.id);
  for (const s of stats) {
    const e = byId.get(s.partnerId);
    if (!e) continue;
    e.computed = {
      introsMade: s.introsMade,
      qualifiedConversations: s.qualifiedConversations,
      dealsBroughtIn: s.dealsBroughtIn,
      closedWon: s.closedWon,
      pipelineValueMinor: s.pipelineValueMinor,
    };
    e.firstTouchDate = s.firstTouchDate;
    e.lastTouchDate = s.lastTouchDate;
    e.planStatus = s.planStatus;
  }
  return state;
}

/** The same account name as the user typed it twice ("Acme, Inc." and "ACME Inc") counts once. */
export const accountKey = (name: string) => normaliseCompanyName(name);
