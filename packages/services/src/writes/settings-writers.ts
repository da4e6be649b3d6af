import { one, type Tx, workspaceSettings } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type ChangeAuthor, recordChange } from '../history';

/** The transaction and the author of a settings change. */
type WriteScope = { tx: Tx; ctx: ChangeAuthor };

type Snapshot = Record<string, unknown>;

type SingletonTable = PgTable & { id: PgColumn; version: PgColumn };
type Row<T extends SingletonTable> = T['$inferSelect'] & { version: number };

/**
 * The writer of a one-row record (the workspace settings, the digest settings): the next version, and
 * its history under a fixed id; `redact` hides what history must not keep (secrets).
 */
export class SingletonWriter<T extends SingletonTable> {
  constructor(
    readonly spec: {
      table: T;
      historyId: string;
      redact?: (before: Row<T>, after: Row<T>) => { before: Snapshot; after: Snapshot };
    },
  ) {}

  async update(w: WriteScope, current: Row<T>, set: Partial<T['$inferInsert']>): Promise<Row<T>> {
    const { table, historyId, redact } = this.spec;
    const updated: Row<T> = await one(
      w.tx
        .update(table)
        .set({ ...set, version: current.version + 1, updatedAt: w.ctx.now() } as never)
        .where(eq(table.id, 1))
        .returning() as never,
      `the settings row (history id ${historyId})`,
    );
    await recordChange(w.tx, w.ctx, {
      entityType: 'settings',
      entityId: historyId,
      partnerId: null,
      operation: 'update',
      ...(redact ? redact(current, updated) : { before: current, after: updated }),
    });
    return updated;
  }
}

export const workspaceSettingsWriter = new SingletonWriter({
  table: workspaceSettings,
  historyId: '00000000-0000-0000-0000-000000000001',
});
