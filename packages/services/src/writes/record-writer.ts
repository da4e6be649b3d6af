import { randomUUID } from 'node:crypto';
import { insertRows, one, type Tx } from '@ptrack/storage';
import { eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context';
import { type EntityType, recordChange, recordCreatedRows } from '../history';
import { assertVersion } from '../records';
import { loadSettings, type Settings, statsClock } from '../settings';
import { markStale, type RepScope } from './stale-rollups';

/** Where a write happens: the use case's transaction, who acts, and the workspace settings if loaded. */
export type WriteScope = { tx: Tx; ctx: ServiceContext; settings?: Settings | undefined };

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };
type Snapshot = Record<string, unknown>;
/** A row of the table, with the id and version every record has. */
type Row<T extends VersionedTable> = T['$inferSelect'] & { id: string; version: number };

/** What the writer of one record type needs to know about it. */
export type RecordSpec<T extends VersionedTable> = {
  table: T;
  entityType: EntityType;
  /** How NOT_FOUND names it: "partner", "custom field". */
  noun: string;
  /** The partner whose history shows the record's changes (null for workspace records). */
  partnerOf: (row: Row<T>) => string | null;
  /** The column holding that partner, for history written set-based (bulk inserts). */
  partnerColumn: PgColumn | null;
  /** The rollups a change of this row makes stale; none for records the grid does not count. */
  rollupsOf?: (row: Row<T>, operation: 'create' | 'update' | 'delete') => { partnerId: string; reps: RepScope } | null;
  /** Rollups elsewhere that rows deleted with the record (by the foreign keys) count in. */
  staleOnDelete?: (tx: Tx, row: Row<T>) => Promise<{ partnerId: string; reps: RepScope }[]>;
};

/** The version the caller read, and what a conflict shows as the current record. */
export type VersionCheck<Row> = {
  expected: number | undefined;
  what: string | ((row: Row) => string);
  current: (row: Row) => Promise<unknown>;
};

/** Extra fields recorded in history beside the row's own (a partner's named accounts). */
type Extra = Snapshot | undefined;

/**
 * The one way a use case writes a record: every create, update and delete of the record type goes
 * through here, which locks, checks the version, writes, appends the change history and marks the
 * rollups the change made stale (recomputed before the transaction commits, see `stale-rollups.ts`).
 */
export class RecordWriter<T extends VersionedTable> {
  constructor(readonly spec: RecordSpec<T>) {}

  /**
   * Loads one record locked until the transaction ends (NOT_FOUND, naming `field` when the id came from
   * one), lets `guard` refuse it (authorisation needs the row), then checks the version the caller read.
   */
  async lock(
    w: WriteScope,
    id: string,
    opts: {
      field?: string;
      guard?: (row: Row<T>) => Promise<void> | void;
      version?: VersionCheck<Row<T>>;
    } = {},
  ): Promise<Row<T>> {
    const { table, noun } = this.spec;
    const row: Row<T> = await one(
      w.tx
        .select()
        .from(table as PgTable)
        .where(eq(table.id, id))
        .for('update') as never,
      { entity: noun, id, ...(opts.field ? { field: opts.field } : {}) },
    );
    await opts.guard?.(row);
    if (opts.version) {
      const { expected, what, current } = opts.version;
      await assertVersion(row, expected, typeof what === 'string' ? what : what(row), () => current(row));
    }
    return row;
  }

  /** Locks every record matching `where` (a batch to change together), in the order given. */
  async lockWhere(w: WriteScope, where: SQL | undefined, orderBy: (SQL | PgColumn)[] = []): Promise<Row<T>[]> {
    return w.tx
      .select()
      .from(this.spec.table as PgTable)
      .where(where)
      .orderBy(...orderBy)
      .for('update') as never;
  }

  /**
   * Inserts one record stamped with the clock. `also` runs after the insert and before the history
   * entry, for dependent writes whose history comes first (a new rep's first follow-up) and for fields
   * the history records beside the row's own.
   */
  async create(w: WriteScope, values: T['$inferInsert'], also?: (row: Row<T>) => Promise<Extra> | Extra): Promise<Row<T>> {
    const { table } = this.spec;
    const row: Row<T> = await one(
      w.tx
        .insert(table)
        .values({ ...this.stamps(w, true), ...values } as never)
        .returning() as never,
      `the new ${this.spec.noun}`,
    );
    const extra = await also?.(row);
    await recordChange(w.tx, w.ctx, {
      entityType: this.spec.entityType,
      entityId: row.id,
      partnerId: this.spec.partnerOf(row),
      operation: 'create',
      after: { ...row, ...extra },
    });
    await this.markStale(w, row, 'create');
    return row;
  }

  /**
   * Changes a locked record to the next version. `also` runs after the update and before the history
   * entry; what it returns is recorded beside the rows' own fields.
   */
  async update(
    w: WriteScope,
    current: Row<T>,
    set: Partial<T['$inferInsert']>,
    also?: (row: Row<T>) => Promise<{ before: Snapshot; after: Snapshot } | undefined>,
  ): Promise<Row<T>> {
    const { table } = this.spec;
    const updated: Row<T> = await one(
      w.tx
        .update(table)
        .set({ ...set, ...this.stamps(w, false), version: current.version + 1 } as never)
        .where(eq(table.id, current.id))
        .returning() as never,
      `the updated ${this.spec.noun}`,
    );
    const extra = await also?.(updated);
    await recordChange(w.tx, w.ctx, {
      entityType: this.spec.entityType,
      entityId: current.id,
      partnerId: this.spec.partnerOf(updated),
      operation: 'update',
      before: { ...current, ...extra?.before },
      after: { ...updated, ...extra?.after },
    });
    await this.markStale(w, current, 'update');
    await this.markStale(w, updated, 'update');
    return updated;
  }

  /** Deletes a locked record (rows that belong to it go by the foreign keys); its history is kept. */
  async remove(w: WriteScope, current: Row<T>): Promise<void> {
    const { table } = this.spec;
    const elsewhere = (await this.spec.staleOnDelete?.(w.tx, current)) ?? [];
    await w.tx.delete(table).where(eq(table.id, current.id));
    await recordChange(w.tx, w.ctx, {
      entityType: this.spec.entityType,
      entityId: current.id,
      partnerId: this.spec.partnerOf(current),
      operation: 'delete',
      before: current,
    });
    await this.markStale(w, current, 'delete');
    if (elsewhere.length > 0) {
      w.settings ??= await loadSettings(w.tx);
      const clock = statsClock(w.settings, w.ctx.now());
      for (const { partnerId, reps } of elsewhere) markStale(w.tx, clock, partnerId, reps);
    }
  }

  /**
   * Inserts many records in one statement (imports, a HubSpot page) and records each creation, written
   * by the database from the stored rows. Ids are made here, so nothing is read back.
   */
  async insertMany(w: WriteScope, rows: readonly T['$inferInsert'][]): Promise<(T['$inferInsert'] & { id: string })[]> {
    const { table } = this.spec;
    const withIds = rows.map((row) => ({ ...row, id: randomUUID() }));
    if (withIds.length === 0) return withIds;
    await insertRows(w.tx, table, withIds);
    await recordCreatedRows(w.tx, w.ctx, {
      table,
      entityType: this.spec.entityType,
      ids: withIds.map((r) => r.id),
      partnerColumn: this.spec.partnerColumn,
    });
    for (const row of withIds) await this.markStale(w, row as never, 'create');
    return withIds;
  }

  private stamps(w: WriteScope, created: boolean): Snapshot {
    const columns = getTableColumns(this.spec.table);
    const now = w.ctx.now();
    return {
      ...(created && 'createdAt' in columns ? { createdAt: now } : {}),
      ...('updatedAt' in columns ? { updatedAt: now } : {}),
    };
  }

  private async markStale(w: WriteScope, row: Row<T>, operation: 'create' | 'update' | 'delete'): Promise<void> {
    const stale = this.spec.rollupsOf?.(row, operation);
    if (!stale) return;
    w.settings ??= await loadSettings(w.tx);
    markStale(w.tx, statsClock(w.settings, w.ctx.now()), stale.partnerId, stale.reps);
  }
}
