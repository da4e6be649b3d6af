import { randomUUID } from 'node:crypto';
import { insertRows, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from './context';
import { type EntityType, recordChange, recordCreatedRows } from './history';

// The writes a bulk change (an import batch, a page of a HubSpot sync) repeats for each kind of record:
// many inserted at once, or one updated, each with its entry in the change history.

type Versioned = { id: string; version: number };
type Table = PgTable & { id: PgColumn };

/**
 * Inserts the rows in one statement and records each creation; `partnerColumn` names the partner a row
 * belongs to. Ids are made here, so nothing needs reading back; the history entries are written by the
 * database from the stored rows (see `recordCreatedRows`), not built and sent row by row.
 */
export async function insertWithHistory<T extends Table>(
  tx: Tx,
  ctx: ServiceContext,
  table: T,
  entityType: EntityType,
  rows: readonly T['$inferInsert'][],
  partnerColumn: PgColumn | null,
): Promise<(T['$inferInsert'] & { id: string })[]> {
  const withIds = rows.map((row) => ({ ...row, id: randomUUID() }));
  if (withIds.length === 0) return withIds;
  await insertRows(tx, table, withIds);
  await recordCreatedRows(tx, ctx, {
    table,
    entityType,
    ids: withIds.map((r) => r.id),
    partnerColumn,
  });
  return withIds;
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
