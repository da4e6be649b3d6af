import { activationPlans, changeHistory, type Database, partners, touches } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, inTransaction, type ServiceContext, systemActor } from './context';
import { snapshot } from './history';
import { partnerWriter, planWriter, touchWriter } from './writes/writers';

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createContext(database, systemActor('importer', 'import'), () => new Date('2025-02-03T15:00:00.125Z'));
});
afterAll(async () => {
  await database?.close();
});

async function historyOf(entityId: string) {
  return database.db
    .select()
    .from(changeHistory)
    .where(and(eq(changeHistory.entityId, entityId), eq(changeHistory.operation, 'create')));
}

describe('history of rows created in bulk', () => {
  it('snapshots each stored row exactly as a single write would: same keys, instants, days, numbers, JSON', async () => {
    const now = ctx.now();
    const { partner, plan, touch } = await inTransaction(ctx, async (tx) => {
      const [partner] = await partnerWriter.insertMany({ tx, ctx }, [
        {
          name: 'Snapshot Co — Société ✓',
          icpAlignment: 7,
          jvpDate: '2025-01-31',
          reviewedAt: new Date('2025-02-01T09:30:00.5Z'),
          baseline: { introsMade: 3, pipelineValueMinor: 12_000_000 },
          custom: { region: 'EMEA', tags: ['a', 'b'] },
          createdAt: now,
          updatedAt: now,
        },
      ]);
      const [plan] = await planWriter.insertMany({ tx, ctx }, [
        {
          partnerId: partner!.id,
          goal: '3 intros',
          startDate: '2025-02-01',
          endDate: '2025-05-01',
          createdAt: now,
          updatedAt: now,
        },
      ]);
      const [touch] = await touchWriter.insertMany({ tx, ctx }, [
        {
          partnerId: partner!.id,
          kind: 'other',
          direction: 'outbound',
          occurredAt: new Date('2024-12-31T23:59:59.999Z'),
          createdAt: now,
          updatedAt: now,
        },
      ]);
      return { partner: partner!, plan: plan!, touch: touch! };
    });

    for (const [table, id, partnerId] of [
      [partners, partner.id, partner.id],
      [activationPlans, plan.id, partner.id],
      [touches, touch.id, partner.id],
    ] as const) {
      const [stored] = await database.db.select().from(table).where(eq(table.id, id));
      const [entry, ...more] = await historyOf(id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actor: 'importer', source: 'import', partnerId, at: now });
      expect(entry!.after).toEqual(snapshot(stored as Record<string, unknown>));
    }
  });

  it('writes neither rows nor history when the transaction fails', async () => {
    const name = 'Rolled Back Co';
    await expect(
      inTransaction(ctx, async (tx) => {
        await partnerWriter.insertMany({ tx, ctx }, [{ name, createdAt: ctx.now(), updatedAt: ctx.now() }]);
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(await database.db.select().from(partners).where(eq(partners.name, name))).toEqual([]);
  });
});
