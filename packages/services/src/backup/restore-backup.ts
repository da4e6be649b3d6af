import type { RestoreSummary } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { encryptPlainSecrets, queryRows, refreshAllStats, type Tx, users } from '@ptrack/storage';
import { eq, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings, statsClock } from '../settings';
import { claimOwnedPartners } from '../users/claim-owned-partners';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLE_NAMES,
  BackupHeader,
  BackupTrailer,
  knownMigrations,
} from './backup-format';

// At most this many rows (or about this many bytes of JSON) per insert statement.
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

function invalid(field: string, message: string): AppError {
  return AppError.validation([{ field, message }], message);
}

function lineError(line: number, message: string): AppError {
  return invalid('backup', `line ${line}: ${message}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLine(text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw lineError(line, `not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(value)) throw lineError(line, 'expected a JSON object');
  return value;
}

/** Checks the first line: our format, a version and a schema this build can read. */
function checkHeader(value: Record<string, unknown>): BackupHeader {
  if (value.format !== BACKUP_FORMAT) {
    throw invalid(
      'backup.header',
      `line 1: not a Partner Tracker backup (format is ${JSON.stringify(value.format)}, expected "${BACKUP_FORMAT}")`,
    );
  }
  const parsed = BackupHeader.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid('backup.header', `line 1: ${issue?.path.join('.') || 'header'}: ${issue?.message ?? 'invalid header'}`);
  }
  const header = parsed.data;
  if (header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw invalid(
      'backup.header',
      `line 1: format version ${header.formatVersion} is newer than this Partner Tracker reads (${BACKUP_FORMAT_VERSION}); restore it with a newer version`,
    );
  }
  const migrations = knownMigrations();
  if (!migrations.some((m) => m.tag === header.schema)) {
    throw invalid(
      'backup.header',
      `line 1: the backup's schema "${header.schema}" is unknown to this Partner Tracker (newest known: "${migrations.at(-1)?.tag}"); restore it with the version that wrote it or a newer one`,
    );
  }
  let previous = -1;
  for (const table of header.tables) {
    const index = BACKUP_TABLE_NAMES.indexOf(table);
    if (index < 0) throw invalid('backup.header', `line 1: unknown table "${table}"`);
    if (index <= previous) throw invalid('backup.header', `line 1: table "${table}" is listed twice or out of order`);
    previous = index;
  }
  return header;
}

type Pending = { table: string; lines: number[]; texts: string[]; columns: Set<string>; bytes: number };

/** Restores a backup into an empty workspace, all of it or nothing. */
export async function restoreBackup(ctx: ServiceContext, lines: AsyncIterable<string>): Promise<RestoreSummary> {
  authorize(ctx, 'backup:run');
  const iterator = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  // The next non-blank line with its number, or null at the end of the input.
  const next = async (): Promise<{ text: string; line: number } | null> => {
    for (;;) {
      const item = await iterator.next();
      if (item.done) return null;
      lineNo++;
      if (item.value.trim() !== '') return { text: item.value, line: lineNo };
    }
  };
  try {
    const first = await next();
    if (!first) throw invalid('backup', 'the backup is empty');
    const header = checkHeader(parseLine(first.text, first.line));
    const tables = new Set(header.tables);

    return await inTransaction(ctx, async (tx) => {
      await claimEmptyWorkspace(tx);
      const columnsOf = new Map<string, Set<string>>();
      const counts: Record<string, number> = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, 0]));
      let pending: Pending | null = null;
      let tableIndex = -1;

      const flush = async () => {
        if (!pending || pending.texts.length === 0) return;
        const batch = pending;
        pending = { ...batch, lines: [], texts: [], columns: new Set(), bytes: 0 };
        let known = columnsOf.get(batch.table);
        if (!known) {
          known = await tableColumns(tx, batch.table);
          columnsOf.set(batch.table, known);
        }
        for (const column of batch.columns) {
          if (!known.has(column)) {
            throw invalid(
              'backup',
              `lines ${batch.lines[0]}–${batch.lines.at(-1)}: table "${batch.table}" has no column "${column}"`,
            );
          }
        }
        await insertBatch(tx, batch);
      };

      for (;;) {
        const item = await next();
        if (!item) throw invalid('backup', `the backup is truncated: it ends at line ${lineNo} without its end line`);
        const value = parseLine(item.text, item.line);
        if ('end' in value) {
          await flush();
          checkTrailer(value, item.line, header.tables, counts);
          const extra = await next();
          if (extra) throw lineError(extra.line, 'unexpected content after the end line');
          break;
        }
        const { t, r } = value;
        if (typeof t !== 'string' || !isPlainObject(r) || Object.keys(value).length !== 2) {
          throw lineError(item.line, 'expected a row {"t": table, "r": {column: value, …}} or the end line');
        }
        if (!tables.has(t)) throw lineError(item.line, `table "${t}" is not listed in the header`);
        const index = BACKUP_TABLE_NAMES.indexOf(t);
        if (index < tableIndex) {
          throw lineError(
            item.line,
            `a row of "${t}" after rows of "${BACKUP_TABLE_NAMES[tableIndex]}" (tables must come in the header's order)`,
          );
        }
        if (index > tableIndex || !pending) {
          await flush();
          tableIndex = index;
          pending = { table: t, lines: [], texts: [], columns: new Set(), bytes: 0 };
        }
        const batch: Pending = pending;
        batch.lines.push(item.line);
        batch.texts.push(item.text);
        batch.bytes += item.text.length;
        for (const column of Object.keys(r)) batch.columns.add(column);
        counts[t] = (counts[t] ?? 0) + 1;
        if (batch.texts.length >= BATCH_ROWS || batch.bytes >= BATCH_BYTES) await flush();
      }

      // change_history ids were restored as they were: new entries must continue after them.
      await tx.execute(
        sql`select setval(pg_get_serial_sequence('change_history', 'id'), coalesce((select max(id) from change_history), 0) + 1, false)`,
      );
      await claimRestoredOwners(tx, ctx);
      // A backup from before secrets were encrypted holds them in plain text: encrypt them now.
      await encryptPlainSecrets(tx, ctx.database.secrets);
      const settings = await loadSettings(tx);
      await refreshAllStats(tx, { ...statsClock(settings, ctx.now()) });
      await audit(ctx, 'restore', { createdAt: header.createdAt, rows: counts }, tx);
      return {
        format: BACKUP_FORMAT,
        formatVersion: header.formatVersion,
        createdAt: header.createdAt,
        tables: counts,
      };
    });
  } finally {
    await iterator.return?.();
  }
}

/**
 * Refuses a workspace that holds records; clears what an unused one may already hold (the default
 * settings row, and the history of changing them) so the backup's own take their place.
 */
async function claimEmptyWorkspace(tx: Tx): Promise<void> {
  // Writers wait until the restore commits (and a second restore then finds the workspace in use).
  await tx.execute(sql.raw(`lock table ${BACKUP_TABLE_NAMES.map((t) => `"${t}"`).join(', ')} in share row exclusive mode`));
  const [row] = await queryRows<{ used: boolean }>(
    tx,
    sql`select exists (select 1 from partners) or exists (select 1 from reps) or exists (select 1 from accounts)
          or exists (select 1 from saved_views) or exists (select 1 from custom_field_defs) as used`,
  );
  if (row?.used) {
    throw new AppError(
      'CONFLICTING_STATE',
      'Restore needs an empty workspace: this one already holds partners, reps, accounts, views or custom fields. Restore into a new data directory or database.',
    );
  }
  await tx.execute(sql`delete from change_history`);
  await tx.execute(sql`delete from workspace_settings`);
}

async function tableColumns(tx: Tx, table: string): Promise<Set<string>> {
  const rows = await queryRows<{ column_name: string }>(
    tx,
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`,
  );
  return new Set(rows.map((r) => r.column_name));
}

/**
 * Columns that point at a user. Users (and their passwords and sessions) are not in a backup: the
 * restoring server has its own accounts. A reference to a user this workspace does not have becomes
 * empty; the partner keeps its `owner` label, and `claimRestoredOwners` links it again by name or email.
 */
const USER_REFERENCES: Readonly<Record<string, string>> = {
  'partners."owner_user_id"': '(select u.id from users u where u.id = x."owner_user_id")',
};

/** Gives restored partners whose owner label names a user of this workspace that user as their owner. */
async function claimRestoredOwners(tx: Tx, ctx: ServiceContext): Promise<void> {
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.createdAt);
  for (const user of people) await claimOwnedPartners(tx, ctx, user);
}

/**
 * One insert for a batch of row lines. The lines go to the database as JSON text and each row's values
 * are read by jsonb_populate_record into the table's own types, so nothing is re-encoded on the way
 * (bigints stay exact). Columns the backup does not carry (added by a later migration) take defaults.
 */
async function insertBatch(tx: Tx, batch: Pending): Promise<void> {
  // The table comes from the allow-list and the columns were checked against the table's own.
  const table = `"${batch.table}"`;
  const quoted = [...batch.columns].map((c) => `"${c}"`);
  const payload = `[${batch.texts.join(',')}]`;
  const selected = (column: string) => USER_REFERENCES[`${batch.table}.${column}`] ?? `x.${column}`;
  try {
    await tx.execute(sql`insert into ${sql.raw(table)} (${sql.raw(quoted.join(', '))})
      select ${sql.raw(quoted.map(selected).join(', '))}
      from jsonb_array_elements(${payload}::jsonb) e
      cross join lateral jsonb_populate_record(null::${sql.raw(table)}, e->'r') x`);
  } catch (error) {
    throw invalid(
      'backup',
      `lines ${batch.lines[0]}–${batch.lines.at(-1)}: the rows of "${batch.table}" cannot be restored (${(error as Error).message})`,
    );
  }
}

function checkTrailer(value: Record<string, unknown>, line: number, tables: string[], counts: Record<string, number>): void {
  const parsed = BackupTrailer.safeParse(value);
  if (!parsed.success) throw lineError(line, 'the end line must be {"end": true, "rows": {table: count, …}}');
  const { rows } = parsed.data;
  for (const table of Object.keys(rows)) {
    if (!tables.includes(table)) throw lineError(line, `the end line counts rows of "${table}", which the header does not list`);
  }
  for (const table of tables) {
    const expected = rows[table] ?? 0;
    const found = counts[table] ?? 0;
    if (expected !== found) {
      throw lineError(
        line,
        `the end line counts ${expected} rows of "${table}" but the backup holds ${found}: the backup is truncated or damaged`,
      );
    }
  }
}
