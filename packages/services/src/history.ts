import { changeHistory, type Tx } from '@ptrack/storage';
import type { ServiceContext } from './context';

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

/** Appends to the change history in the caller's transaction: who, when, field, before, after. */
export async function recordChange(tx: Tx, ctx: ServiceContext, change: Change): Promise<void> {
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
      await tx.insert(changeHistory).values({ ...base, operation: 'create', after: snapshot(change.after) });
      return;
    case 'delete':
      await tx.insert(changeHistory).values({ ...base, operation: 'delete', before: snapshot(change.before) });
      return;
    case 'update': {
      const fields = changedFields(change.before, change.after);
      if (fields.length === 0) return;
      await tx.insert(changeHistory).values(
        fields.map((field) => ({
          ...base,
          operation: 'update' as const,
          field,
          before: jsonValue(change.before[field]),
          after: jsonValue(change.after[field]),
        })),
      );
      return;
    }
  }
}
