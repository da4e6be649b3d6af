import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '@ptrack/storage';
import { z } from 'zod';

/** The single-file backup format (docs/BACKUP.md): JSON Lines, a header, one line per row, an end line. */
export const BACKUP_FORMAT = 'ptrack-backup';
export const BACKUP_FORMAT_VERSION = 1;

type KeyColumn = { name: string; type: 'uuid' | 'bigint' | 'smallint' };
export type BackupTable = { name: string; key: KeyColumn[] };

const uuidKey: KeyColumn[] = [{ name: 'id', type: 'uuid' }];

/**
 * Every table of user data, parents before children so a restore can insert them in this order. The
 * rollups (rep_stats, partner_stats, rollup_state) are derived and rebuilt on restore; sheet_imports
 * holds uploaded files between an import's preview and its apply (working state, not records);
 * drizzle's migration table is the schema, not data. Table names reach SQL only from this list.
 */
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'workspace_settings', key: [{ name: 'id', type: 'smallint' }] },
  { name: 'digest_settings', key: [{ name: 'id', type: 'smallint' }] },
  { name: 'custom_field_defs', key: uuidKey },
  { name: 'accounts', key: uuidKey },
  { name: 'partners', key: uuidKey },
  {
    name: 'partner_named_accounts',
    key: [
      { name: 'partner_id', type: 'uuid' },
      { name: 'account_id', type: 'uuid' },
    ],
  },
  { name: 'reps', key: uuidKey },
  { name: 'touches', key: uuidKey },
  { name: 'actions', key: uuidKey },
  { name: 'referrals', key: uuidKey },
  { name: 'activation_plans', key: uuidKey },
  { name: 'saved_views', key: uuidKey },
  { name: 'sheet_mappings', key: uuidKey },
  { name: 'change_history', key: [{ name: 'id', type: 'bigint' }] },
];

export const BACKUP_TABLE_NAMES: readonly string[] = BACKUP_TABLES.map((t) => t.name);

export const BackupHeader = z.looseObject({
  format: z.string(),
  formatVersion: z.int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  schema: z.string().min(1),
  tables: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupTrailer = z.strictObject({
  end: z.literal(true),
  rows: z.record(z.string(), z.int().min(0)),
});

type JournalEntry = { idx: number; when: number; tag: string };

/** The migrations this build knows, oldest first (drizzle's journal; `when` is what the database records). */
export function knownMigrations(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return [...journal.entries].sort((a, b) => a.idx - b.idx);
}
