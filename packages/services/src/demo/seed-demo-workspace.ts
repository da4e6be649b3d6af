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

/**
 * Fills an empty workspace with a realistic, deterministic partner program (issue: a newcomer must see
 * value in minutes): the records come from buildDemoRecords (same seed and same day, same workspace),
 * are inserted in bulk in one transaction, and the rollups are refreshed once at the end.
 */
export async function seedDemoWorkspace(ctx: ServiceContext, input: DemoRequest): Promise<DemoSummary> {
  authorize(ctx, 'backup:run');
  return inTransaction(ctx, async (tx) => {
    // Holds off concurrent partner writes (and a second demo) until this one commits; reads go on.
    await tx.execute(sql`lock table partners in exclusive mode`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(partners);
    if (Number(existing?.n ?? 0) > 0) {
      throw new AppError(
        'CONFLICTING_STATE',
        `The demo needs an empty workspace: this one already has ${existing!.n} partner(s). Start a new data directory or database for the demo.`,
      );
    }
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

    // Accounts may outlive partners: reuse one already known by its domain.
    const accountRows = records.accounts.map((a) => ({
      id: newId(),
      name: a.name,
      domain: a.domain,
      nameKey: normaliseCompanyName(a.name),
      domainKey: normaliseDomain(a.domain),
      ...stamp,
    }));
    const known = await tx
      .select({ id: accounts.id, domainKey: accounts.domainKey })
      .from(accounts)
      .where(
        inArray(
          accounts.domainKey,
          accountRows.map((a) => a.domainKey!),
        ),
      );
    const knownIds = new Map(known.map((k) => [k.domainKey, k.id]));
    for (const a of accountRows) a.id = knownIds.get(a.domainKey) ?? a.id;
    await insertChunked(
      tx,
      accounts,
      accountRows.filter((a) => !knownIds.has(a.domainKey)),
    );
    const accountId = (i: number) => defined(accountRows[i]).id;

    const partnerIds = records.partners.map(() => newId());
    const partnerIndex = new Map(partnerIds.map((id, i) => [id, i]));
    const partnerRows = await tx
      .insert(partners)
      .values(records.partners.map(({ namedAccounts: _, ...p }, i) => ({ ...p, id: defined(partnerIds[i]), ...stamp })))
      .returning();
    await insertChunked(
      tx,
      partnerNamedAccounts,
      records.partners.flatMap((p, i) =>
        p.namedAccounts.map((a, position) => ({ partnerId: defined(partnerIds[i]), accountId: accountId(a), position })),
      ),
    );

    const repIds = records.reps.map(() => newId());
    const repRows = [];
    for (let i = 0; i < records.reps.length; i += CHUNK) {
      const chunk = records.reps.slice(i, i + CHUNK).map(({ partner, ...r }, k) => ({
        ...r,
        id: defined(repIds[i + k]),
        partnerId: defined(partnerIds[partner]),
        ...stamp,
      }));
      repRows.push(...(await tx.insert(reps).values(chunk).returning()));
    }
    const repId = (i: number | null) => (i === null ? null : defined(repIds[i]));

    await insertChunked(
      tx,
      touches,
      records.touches.map(({ partner, rep, ...t }) => ({
        ...t,
        id: newId(),
        partnerId: defined(partnerIds[partner]),
        repId: repId(rep),
        ...stamp,
      })),
    );
    await insertChunked(
      tx,
      actions,
      records.actions.map(({ partner, rep, ...a }) => ({
        ...a,
        id: newId(),
        partnerId: defined(partnerIds[partner]),
        repId: repId(rep),
        ...stamp,
      })),
    );
    await insertChunked(
      tx,
      referrals,
      records.referrals.map(({ partner, rep, account, ...r }) => ({
        ...r,
        id: newId(),
        partnerId: defined(partnerIds[partner]),
        repId: repId(rep),
        accountId: accountId(account),
        ...stamp,
      })),
    );
    const planRows = await tx
      .insert(activationPlans)
      .values(
        records.plans.map(({ partner, ...p }) => ({ ...p, id: newId(), partnerId: defined(partnerIds[partner]), ...stamp })),
      )
      .returning();

    // One 'create' entry per partner, rep and plan, as if each had been entered by hand.
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
      ...partnerRows.map((row) => {
        const named = defined(records.partners[defined(partnerIndex.get(row.id))]).namedAccounts;
        return entry('partner', row, row.id, { ...row, namedAccounts: named.map((a) => defined(records.accounts[a]).name) });
      }),
      ...repRows.map((row) => entry('rep', row, row.partnerId, row)),
      ...planRows.map((row) => entry('plan', row, row.partnerId, row)),
    ]);

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
