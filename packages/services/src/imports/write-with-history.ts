import { insertRows, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context';
import { type EntityType, recordChange } from '../history';

// The writes an import batch repeats for each kind of record: many inserted at once, or one updated,
// each with its entry in the change history.

type Versioned = { id: string; version: number };
type Table = PgTable & { id: PgColumn };

/** Inserts the rows in one statement and records each creation; `partnerOf` names the partner a row belongs to. */
export async function insertWithHistory<T extends Table>(
  tx: Tx,
  ctx: ServiceContext,
  table: T,
  entityType: EntityType,
  rows: readonly T['$inferInsert'][],
  partnerOf: (row: T['$inferSelect']) => string | null,
): Promise<T['$inferSelect'][]> {
  const inserted = await insertRows(tx, table, rows, { returning: true });
  for (const row of inserted) {
    const record = row as Versioned & Record<string, unknown>;
    await recordChange(tx, ctx, {
      entityType,
      entityId: record.id,
      partnerId: partnerOf(row),
      operation: 'create',
      after: record,
    });
  }
  return inserted;
}

/** Changes one record from the version read (version + 1) and records the fields that changed. */
export async function updateWithHistory<T extends Table, R extends Versioned>(
  tx: Tx,
  ctx: ServiceContext,
  table: T,
  entityType: EntityType,
  before: R,
  set: Record<string, unknown>,
  partnerId: string | null,
): Promise<R> {
  const [after] = (await tx
    .update(table)
    .set({ ...set, version: before.version + 1, updatedAt: ctx.now() } as never)
    .where(eq(table.id, before.id))
    .returning()) as unknown as R[];
  await recordChange(tx, ctx, {
    entityType,
    entityId: before.id,
    partnerId,
    operation: 'update',
    before: before as unknown as Record<string, unknown>,
    after: after as unknown as Record<string, unknown>,
  });
  return after!;
}
