import { randomBytes } from 'node:crypto';
import type { DemoRequest, DemoSummary } from '@ptrack/contracts';
import { AppError, defined, normaliseCompanyName, normaliseDomain, type OptionListName } from '@ptrack/domain';
import {
  accounts,
  actions,
  activationPlans,
  changeHistory,
  partnerNamedAccounts,
  partners,
  referrals,
  refreshAllStats,
  reps,
  type Tx,
  touches,
} from '@ptrack/storage';
import { inArray, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { type EntityType, snapshot } from '../history';
import { cadencesOf, loadSettings, statsClock } from '../settings';
import { buildDemoRecords } from './build-demo-records';
import type { DemoRecords } from './demo-types';

// Bulk inserts stay well under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 1000;

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
}

/**
 * UUIDv7 ids (RFC 9562) in generation order: the timestamp is `now` and a counter fills rand_a, so
 * where lists break ties by id (the Today list, a partner's next action) the order follows the demo's
 * records and the same seed gives the same workspace — while the random bits keep every id new.
 */
function idSequence(now: Date): () => string {
  let n = 0;
  return () => {
    const ms = now.getTime() + Math.floor(n / 4096);
    const counter = n++ % 4096;
    const b = randomBytes(16);
    for (let k = 0; k < 6; k++) b[k] = Math.floor(ms / 2 ** (8 * (5 - k))) % 256;
    b[6] = 0x70 | (counter >> 8);
    b[7] = counter & 0xff;
    b[8] = (defined(b[8]) & 0x3f) | 0x80;
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

type Stamp = { createdAt: Date; updatedAt: Date };

/** Ids of the records already written, by their index in the demo's lists. */
type DemoIds = {
  newId: () => string;
  stamp: Stamp;
  partnerIds: string[];
  repIds: string[];
  accountIds: string[];
};

const partnerIdOf = (ids: DemoIds, i: number) => defined(ids.partnerIds[i], `demo partner ${i}`);
const repIdOf = (ids: DemoIds, i: number | null) => (i === null ? null : defined(ids.repIds[i], `demo rep ${i}`));
const accountIdOf = (ids: DemoIds, i: number) => defined(ids.accountIds[i], `demo account ${i}`);

async function assertEmptyWorkspace(tx: Tx): Promise<void> {
  // Holds off concurrent partner writes (and a second demo) until this one commits; reads go on.
  await tx.execute(sql`lock table partners in exclusive mode`);
  const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(partners);
  const count = Number(existing?.n ?? 0);
  if (count > 0) {
    throw new AppError(
      'CONFLICTING_STATE',
      `The demo needs an empty workspace: this one already has ${count} partner(s). Start a new data directory or database for the demo.`,
    );
  }
}

/** Accounts may outlive partners: one already known by its domain is reused. Returns the ids in order. */
async function insertAccounts(tx: Tx, records: DemoRecords, newId: () => string, stamp: Stamp): Promise<string[]> {
  const accountRows = records.accounts.map((a) => ({
    id: newId(),
    name: a.name,
    domain: a.domain,
    nameKey: normaliseCompanyName(a.name),
    domainKey: normaliseDomain(a.domain),
    ...stamp,
  }));
  const domainKeys = accountRows.flatMap((a) => (a.domainKey === null ? [] : [a.domainKey]));
  const known = await tx
    .select({ id: accounts.id, domainKey: accounts.domainKey })
    .from(accounts)
    .where(inArray(accounts.domainKey, domainKeys));
  const knownIds = new Map(known.map((k) => [k.domainKey, k.id]));
  for (const a of accountRows) a.id = knownIds.get(a.domainKey) ?? a.id;
  await insertChunked(
    tx,
    accounts,
    accountRows.filter((a) => !knownIds.has(a.domainKey)),
  );
  return accountRows.map((a) => a.id);
}

async function insertPartners(tx: Tx, records: DemoRecords, ids: DemoIds) {
  const partnerRows = await tx
    .insert(partners)
    .values(records.partners.map(({ namedAccounts: _, ...p }, i) => ({ ...p, id: partnerIdOf(ids, i), ...ids.stamp })))
    .returning();
  await insertChunked(
    tx,
    partnerNamedAccounts,
    records.partners.flatMap((p, i) =>
      p.namedAccounts.map((a, position) => ({ partnerId: partnerIdOf(ids, i), accountId: accountIdOf(ids, a), position })),
    ),
  );
  return partnerRows;
}

async function insertReps(tx: Tx, records: DemoRecords, ids: DemoIds) {
  const repRows = [];
  for (let i = 0; i < records.reps.length; i += CHUNK) {
    const chunk = records.reps.slice(i, i + CHUNK).map(({ partner, ...r }, k) => ({
      ...r,
      id: defined(ids.repIds[i + k], `demo rep ${i + k}`),
      partnerId: partnerIdOf(ids, partner),
      ...ids.stamp,
    }));
    repRows.push(...(await tx.insert(reps).values(chunk).returning()));
  }
  return repRows;
}

/** A record of a partner (and maybe a rep) with its new id and the ids its indexes stand for. */
function placed<R extends { partner: number; rep: number | null }>(ids: DemoIds, { partner, rep, ...rest }: R) {
  return { ...rest, id: ids.newId(), partnerId: partnerIdOf(ids, partner), repId: repIdOf(ids, rep), ...ids.stamp };
}

async function insertActivity(tx: Tx, records: DemoRecords, ids: DemoIds) {
  await insertChunked(
    tx,
    touches,
    records.touches.map((t) => placed(ids, t)),
  );
  await insertChunked(
    tx,
    actions,
    records.actions.map((a) => placed(ids, a)),
  );
  await insertChunked(
    tx,
    referrals,
    records.referrals.map(({ account, ...r }) => ({ ...placed(ids, r), accountId: accountIdOf(ids, account) })),
  );
  return tx
    .insert(activationPlans)
    .values(
      records.plans.map(({ partner, ...p }) => ({ ...p, id: ids.newId(), partnerId: partnerIdOf(ids, partner), ...ids.stamp })),
    )
    .returning();
}

type Created = {
  partnerRows: { id: string }[];
  repRows: { id: string; partnerId: string }[];
  planRows: { id: string; partnerId: string }[];
};

/** One 'create' entry per partner, rep and plan, as if each had been entered by hand. */
async function recordCreation(ctx: ServiceContext, tx: Tx, records: DemoRecords, ids: DemoIds, created: Created) {
  const now = ids.stamp.createdAt;
  const partnerIndex = new Map(ids.partnerIds.map((id, i) => [id, i]));
  const entry = (entityType: EntityType, row: { id: string }, partnerId: string, after: Record<string, unknown>) => ({
    at: now,
    actor: ctx.actor.name,
    source: ctx.actor.source,
    entityType,
    entityId: row.id,
    partnerId,
    operation: 'create' as const,
    after: snapshot(after),
  });
  await insertChunked(tx, changeHistory, [
    ...created.partnerRows.map((row) => {
      const named = defined(records.partners[defined(partnerIndex.get(row.id))]).namedAccounts;
      return entry('partner', row, row.id, { ...row, namedAccounts: named.map((a) => defined(records.accounts[a]).name) });
    }),
    ...created.repRows.map((row) => entry('rep', row, row.partnerId, row)),
    ...created.planRows.map((row) => entry('plan', row, row.partnerId, row)),
  ]);
}

/**
 * Fills an empty workspace with a realistic, deterministic partner program (issue: a newcomer must see
 * value in minutes): the records come from buildDemoRecords (same seed and same day, same workspace),
 * are inserted in bulk in one transaction, and the rollups are refreshed once at the end.
 */
export async function seedDemoWorkspace(ctx: ServiceContext, input: DemoRequest): Promise<DemoSummary> {
  authorize(ctx, 'backup:run');
  return inTransaction(ctx, async (tx) => {
    await assertEmptyWorkspace(tx);
    const settings = await loadSettings(tx);
    const now = ctx.now();
    const records = buildDemoRecords({
      seed: input.seed,
      now,
      timeZone: settings.timeZone,
      weekStartsOn: settings.weekStartsOn,
      cadences: cadencesOf(settings),
      workingDays: settings.workingDays,
      options: settings.optionLists as Partial<Record<OptionListName, string[]>>,
    });
    const stamp = { createdAt: now, updatedAt: now };
    const newId = idSequence(now);
    const accountIds = await insertAccounts(tx, records, newId, stamp);
    const ids: DemoIds = {
      newId,
      stamp,
      accountIds,
      partnerIds: records.partners.map(() => newId()),
      repIds: records.reps.map(() => newId()),
    };
    const partnerRows = await insertPartners(tx, records, ids);
    const repRows = await insertReps(tx, records, ids);
    const planRows = await insertActivity(tx, records, ids);
    await recordCreation(ctx, tx, records, ids, { partnerRows, repRows, planRows });

    await refreshAllStats(tx, { ...statsClock(settings, ctx.now()) });
    return {
      partners: records.partners.length,
      reps: records.reps.length,
      touches: records.touches.length,
      actions: records.actions.length,
      referrals: records.referrals.length,
      plans: records.plans.length,
      accounts: records.accounts.length,
    };
  });
}
