import { defined, normaliseCompanyName, planEndDate } from '@ptrack/domain';
import {
  accounts,
  type activationPlans,
  insertRows,
  partnerNamedAccounts,
  type partners,
  sqlArray,
  type Tx,
} from '@ptrack/storage';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { Settings } from '../settings';
import {
  accountWriter,
  actionWriter,
  partnerWriter,
  planWriter,
  repWriter,
  touchWriter,
  type WriteScope,
} from '../writes/writers';
import type { RowWrite } from './plan-partner-rows';
import { noonOn } from './row-values';

// Carries out an import batch's plan inside the caller's transaction, in a few set-based statements
// (one insert of all new partners, one of all new named accounts, plans, reps, actions, touches)
// rather than one use case per row: an import of 100,000 rows must not cost 100,000 transactions.

type PartnerInsert = typeof partners.$inferInsert;

function toColumns(fields: Record<string, unknown>): Partial<PartnerInsert> {
  const { reviewedAt, ...rest } = fields;
  return { ...rest, ...(reviewedAt === undefined ? {} : { reviewedAt: reviewedAt ? new Date(String(reviewedAt)) : null }) };
}

/** Finds accounts by normalised name, creating the missing ones in one insert; name → id. */
async function resolveAccountNames(ws: WriteScope, names: string[]): Promise<Map<string, string>> {
  const { tx } = ws;
  const byKey = new Map<string, string>();
  const wanted = new Map<string, string>();
  for (const name of names) wanted.set(normaliseCompanyName(name), name);
  if (wanted.size === 0) return byKey;
  const found = await tx
    .select({ id: accounts.id, nameKey: accounts.nameKey })
    .from(accounts)
    .where(sql`${accounts.nameKey} = any(${sqlArray([...wanted.keys()], 'text')})`)
    .orderBy(accounts.createdAt);
  for (const a of found) if (!byKey.has(a.nameKey)) byKey.set(a.nameKey, a.id);
  const missing = [...wanted].filter(([key]) => !byKey.has(key)).map(([nameKey, name]) => ({ name, nameKey }));
  const created = await accountWriter.insertMany(ws, missing);
  for (const a of created) byKey.set(a.nameKey, a.id);
  return byKey;
}

/** Named accounts: replaced as a list for each partner whose list changed. */
async function writeNamedAccounts(ws: WriteScope, writes: RowWrite[], idOf: Map<RowWrite, string>): Promise<void> {
  const { tx } = ws;
  const withAccounts = writes.flatMap((w) => (w.namedAccounts ? [{ w, names: w.namedAccounts }] : []));
  if (withAccounts.length > 0) {
    const accountIds = await resolveAccountNames(
      ws,
      withAccounts.flatMap(({ names }) => names),
    );
    const replaced = withAccounts.filter(({ w }) => w.existing).map(({ w }) => defined(idOf.get(w)));
    if (replaced.length > 0)
      await tx.delete(partnerNamedAccounts).where(sql`${partnerNamedAccounts.partnerId} = any(${sqlArray(replaced, 'uuid')})`);
    const links = withAccounts.flatMap(({ w, names }) => {
      const seen = new Set<string>();
      return names.flatMap((name) => {
        const accountId = defined(accountIds.get(normaliseCompanyName(name)));
        if (seen.has(accountId)) return [];
        seen.add(accountId);
        return [{ partnerId: defined(idOf.get(w)), accountId, position: seen.size - 1 }];
      });
    });
    await insertRows(tx, partnerNamedAccounts, links);
  }
}

/** 90-day plans: a new start date closes the current plan and starts another (new plans in one insert). */
async function writePlans(ws: WriteScope, writes: RowWrite[], idOf: Map<RowWrite, string>, now: Date): Promise<void> {
  const newPlans: (typeof activationPlans.$inferInsert)[] = [];
  for (const w of writes) {
    const plan = w.plan;
    const partnerId = defined(idOf.get(w));
    if (!plan) continue;
    const current = w.existing?.plan;
    if (plan.kind === 'update' || plan.closePlanId) {
      const set = plan.kind === 'update' ? plan.set : { isCurrent: false, closedAt: now };
      await planWriter.update(ws, defined(current ?? undefined, 'the current plan the import changes'), set);
    }
    if (plan.kind === 'create') {
      newPlans.push({
        partnerId,
        goal: plan.goal,
        startDate: plan.startDate,
        endDate: planEndDate(plan.startDate),
        status: plan.status,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await planWriter.insertMany(ws, newPlans);
}

/** Writes the batch; returns the ids of the partners it touched (for their figures to be refreshed). */
export async function writePartnerRows(tx: Tx, ctx: ServiceContext, writes: RowWrite[], settings: Settings): Promise<string[]> {
  const ws = { tx, ctx, settings };
  const { timeZone } = settings;
  const now = ctx.now();
  const idOf = new Map<RowWrite, string>();

  // Partners: new ones in one insert; changed ones one update each (re-imports change few rows).
  const creates = writes.filter((w) => !w.existing);
  const inserted = await partnerWriter.insertMany(
    ws,
    creates.map((w) => ({
      ...toColumns(w.fields),
      name: String(w.fields.name),
      custom: w.custom ?? {},
      baseline: w.baseline ?? {},
      createdAt: now,
      updatedAt: now,
    })) as PartnerInsert[],
  );
  // Names are unique ignoring case: they tie each inserted row back to its sheet row.
  const createByName = new Map(creates.map((w) => [String(w.fields.name).toLowerCase(), w]));
  for (const row of inserted) idOf.set(defined(createByName.get(row.name.toLowerCase())), row.id);
  for (const w of writes) {
    if (!w.existing) continue;
    const before = w.existing.record;
    idOf.set(w, before.id);
    const set: Partial<PartnerInsert> = {
      ...toColumns(w.fields),
      ...(w.custom ? { custom: w.custom } : {}),
      ...(w.baseline ? { baseline: w.baseline } : {}),
    };
    if (Object.keys(set).length > 0) await partnerWriter.update(ws, before, set);
  }

  await writeNamedAccounts(ws, writes, idOf);
  await writePlans(ws, writes, idOf, now);

  // Next actions: the rep is found by name within the partner, or added.
  const newActions = writes.filter((w) => w.action?.kind === 'create');
  const repIds = new Map<string, string>(); // partnerId|lower(name) → rep id
  const missingReps: { partnerId: string; name: string }[] = [];
  for (const w of newActions) {
    const action = w.action as Extract<RowWrite['action'], { kind: 'create' }>;
    if (!action.repName) continue;
    const partnerId = defined(idOf.get(w));
    const key = `${partnerId}|${action.repName.trim().toLowerCase()}`;
    const known = w.existing?.reps.get(action.repName.trim().toLowerCase());
    if (known) repIds.set(key, known);
    else if (!repIds.has(key) && !missingReps.some((r) => `${r.partnerId}|${r.name.toLowerCase()}` === key)) {
      missingReps.push({ partnerId, name: action.repName.trim() });
    }
  }
  const newReps = missingReps.map((r) => ({ ...r, createdAt: now, updatedAt: now }));
  for (const rep of await repWriter.insertMany(ws, newReps)) {
    repIds.set(`${rep.partnerId}|${rep.name.toLowerCase()}`, rep.id);
  }
  const actionRows = newActions.map((w) => {
    const action = w.action as Extract<RowWrite['action'], { kind: 'create' }>;
    const partnerId = defined(idOf.get(w));
    const repId = action.repName ? (repIds.get(`${partnerId}|${action.repName.trim().toLowerCase()}`) ?? null) : null;
    return { partnerId, repId, dueDate: action.dueDate, type: action.type, notes: action.notes, createdAt: now, updatedAt: now };
  });
  await actionWriter.insertMany(ws, actionRows);
  for (const w of writes) {
    const action = w.action;
    if (action?.kind !== 'notes') continue;
    const before = defined(
      w.existing?.openActions.find((a) => a.id === action.actionId),
      `the open action ${action.actionId} the import changes`,
    );
    await actionWriter.update(ws, before, { notes: action.notes });
  }

  // Engagement dates the sheet knew and no recorded touch explains.
  const touchRows = writes.flatMap((w) =>
    w.touchDays.map((day) => ({
      partnerId: defined(idOf.get(w)),
      kind: 'other' as const,
      direction: 'outbound' as const,
      occurredAt: noonOn(day, timeZone),
      summary: 'Engagement recorded in the imported sheet',
      createdAt: now,
      updatedAt: now,
    })),
  );
  await touchWriter.insertMany(ws, touchRows);
  return [...new Set(idOf.values())];
}
