import { AppError } from '@ptrack/domain';
import { queryRows, type Tx } from '@ptrack/storage';
import { type SQL, sql } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLE_NAMES,
  BACKUP_TABLES,
  type BackupTable,
  knownMigrations,
} from './backup-format';

// Keyset pages: memory stays flat however large a table is.
const PAGE_ROWS = 5000;

/** The tag of the newest migration applied to this database (drizzle records each one's journal `when`). */
async function appliedSchema(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ created_at: string | number }>(
    tx,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!row) throw new AppError('CONFLICTING_STATE', 'The database has no migrations applied; there is nothing to back up');
  const when = Number(row.created_at);
  const entry = knownMigrations().find((m) => m.when === when);
  if (!entry) {
    throw new AppError(
      'CONFLICTING_STATE',
      'The database was migrated by a newer Partner Tracker than this one; back it up with that version',
    );
  }
  return entry.tag;
}

function keysetQuery(table: BackupTable, after: string[] | null): SQL {
  const name = sql.raw(`"${table.name}"`);
  const cols = table.key.map((k) => `x."${k.name}"`).join(', ');
  const keys = sql.raw(table.key.map((k, i) => `x."${k.name}"::text as k${i}`).join(', '));
  const where = after
    ? sql`where (${sql.raw(cols)}) > (${sql.join(
        table.key.map((k, i) => sql`${after[i]}::${sql.raw(k.type)}`),
        sql`, `,
      )})`
    : sql``;
  // to_json keeps the table's column order and writes no spaces; the values are those of to_jsonb.
  return sql`select ${keys}, to_json(x)::text as j from ${name} x ${where} order by ${sql.raw(cols)} limit ${PAGE_ROWS}`;
}

/** Writes the whole workspace as a single-file backup, line by line, from one consistent snapshot. */
export async function writeBackup(ctx: ServiceContext, write: (line: string) => Promise<void>): Promise<void> {
  const rows: Record<string, number> = {};
  await inTransaction(
    ctx,
    async (tx) => {
      // Instants are written in UTC whatever the server's zone, so backups of one state are identical.
      await tx.execute(sql`set local timezone to 'UTC'`);
      const schema = await appliedSchema(tx);
      await write(
        JSON.stringify({
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: ctx.now().toISOString(),
          schema,
          tables: BACKUP_TABLE_NAMES,
        }),
      );
      for (const table of BACKUP_TABLES) {
        const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
        let count = 0;
        let after: string[] | null = null;
        for (;;) {
          const page: Record<string, string>[] = await queryRows<Record<string, string>>(tx, keysetQuery(table, after));
          for (const row of page) await write(`${prefix}${row.j}}`);
          count += page.length;
          const last: Record<string, string> | undefined = page.at(-1);
          if (!last || page.length < PAGE_ROWS) break;
          after = table.key.map((_, i): string => last[`k${i}`] ?? '');
        }
        rows[table.name] = count;
      }
      // The end line lets a restore tell a complete backup from a truncated one.
      await write(JSON.stringify({ end: true, rows }));
    },
    { isolation: 'repeatable read', readOnly: true },
  );
  await audit(ctx, 'backup', { rows });
}
