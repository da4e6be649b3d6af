import { changeHistory, insertRows, sqlArray, type Tx } from '@ptrack/storage';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

export type EntityType =
  | 'partner'
  | 'rep'
  | 'touch'
  | 'action'
  | 'referral'
  | 'account'
  | 'plan'
  | 'view'
  | 'settings'
  | 'custom-field';

const NOT_TRACKED = new Set(['version', 'updatedAt', 'createdAt', 'id']);

function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** The fields whose values differ between two snapshots of a record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !NOT_TRACKED.has(k) && k in after && comparable(before[k]) !== comparable(after[k]));
}

type Change = {
  entityType: EntityType;
  entityId: string;
  partnerId: string | null;
} & (
  | { operation: 'create'; after: Record<string, unknown> }
  | { operation: 'update'; before: Record<string, unknown>; after: Record<string, unknown> }
  | { operation: 'delete'; before: Record<string, unknown> }
);

/** A record as history stores it: dates as ISO strings, missing values as null. */
export function snapshot(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, jsonValue(v)]));
}

type HistoryRow = typeof changeHistory.$inferInsert;

/** Who makes a change and when: the part of a ServiceContext that history needs. */
export type ChangeAuthor = { now: () => Date; actor: { name: string; source: string } };

// History rows wait per transaction and go in as one insert just before it commits (fewer round trips
// on every write); a transaction that fails takes them with it.
const pending = new WeakMap<Tx, HistoryRow[]>();

/** Opens the history buffer of a transaction; `inTransaction` does this for every use case. */
export function beginHistory(tx: Tx): void {
  pending.set(tx, []);
}

/** Writes what the transaction recorded; called once, just before it commits. */
export async function flushHistory(tx: Tx): Promise<void> {
  const rows = pending.get(tx);
  pending.delete(tx);
  if (rows) await insertRows(tx, changeHistory, rows);
}

/** Appends to the change history of the caller's transaction: who, when, field, before, after. */
export async function recordChange(tx: Tx, ctx: ChangeAuthor, change: Change): Promise<void> {
  const rows = pending.get(tx);
  if (!rows) throw new Error('recordChange outside inTransaction: the change would not be written');
  const base = {
    at: ctx.now(),
    actor: ctx.actor.name,
    source: ctx.actor.source,
    entityType: change.entityType,
    entityId: change.entityId,
    partnerId: change.partnerId,
  };
  switch (change.operation) {
    case 'create':
      rows.push({ ...base, operation: 'create', after: snapshot(change.after) });
      return;
    case 'delete':
      rows.push({ ...base, operation: 'delete', before: snapshot(change.before) });
      return;
    case 'update':
      for (const field of changedFields(change.before, change.after)) {
        rows.push({
          ...base,
          operation: 'update',
          field,
          before: jsonValue(change.before[field]),
          after: jsonValue(change.after[field]),
        });
      }
      return;
  }
}

// jsonb_build_object takes at most 100 arguments: wide records are built from parts joined with ||.
const PAIRS_PER_PART = 40;

/** SQL building, from a row of `table` aliased `x`, the same snapshot `snapshot()` makes of it in JS. */
function snapshotSql(table: PgTable): SQL {
  const pairs = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const ref = sql.raw(`x."${column.name}"`);
    // Instants as JavaScript's toISOString() writes them, whatever the session's time zone.
    const value =
      column.getSQLType() === 'timestamp with time zone'
        ? sql`to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : ref;
    return sql`${key}::text, ${value}`;
  });
  const parts: SQL[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_PART)
    parts.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + PAIRS_PER_PART), sql`, `)})`);
  return sql.join(parts, sql` || `);
}

/**
 * Records the creation of many rows just inserted in this transaction, in one statement that snapshots
 * them where they are stored (bulk writes such as imports; single writes use `recordChange`).
 */
export async function recordCreatedRows(
  tx: Tx,
  ctx: ChangeAuthor,
  created: { table: PgTable; entityType: EntityType; ids: string[]; partnerColumn: PgColumn | null },
): Promise<void> {
  if (created.ids.length === 0) return;
  const partner = created.partnerColumn ? sql.raw(`x."${created.partnerColumn.name}"`) : sql`null::uuid`;
  await tx.execute(sql`
    insert into ${changeHistory} (at, actor, source, entity_type, entity_id, partner_id, operation, after)
    select ${ctx.now().toISOString()}::timestamptz, ${ctx.actor.name}, ${ctx.actor.source}, ${created.entityType},
      x.id, ${partner}, 'create', ${snapshotSql(created.table)}
    from ${created.table} x where x.id = any(${sqlArray(created.ids, 'uuid')})`);
}
