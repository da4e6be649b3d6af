import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@ptrack/domain';
import { type SQL, sql } from 'drizzle-orm';

/** What the backfill runs its queries on: the database or a transaction (database.ts's Executor). */
type QueryRunner = { execute(query: SQL): PromiseLike<unknown> };

/**
 * Secrets at rest (issue 12): the SMTP password, the Slack webhook URL, HubSpot's token and client
 * secret and the calendar feed's token are stored encrypted with AES-256-GCM, so a backup or a copy of the data files holds no usable
 * secret without the key. The key is 32 bytes from PTRACK_SECRET_KEY (base64 or hex), a key file
 * (PTRACK_SECRET_KEY_FILE), or `<data dir>/secret.key`, which is created (mode 0600) on first use.
 *
 * Stored form: `v1:<iv>:<tag>:<ciphertext>`, base64 each. The column's name is the associated data, so
 * a ciphertext copied into another column does not decrypt.
 */
export type SecretBox = {
  /** Encrypts a secret for `column` (e.g. `digest_settings.smtp_password`); creates the key file if needed. */
  encrypt(plain: string, column: SecretColumnName): string;
  /** The secret stored in `column`; a value from before encryption is returned as it is. */
  decrypt(stored: string, column: SecretColumnName): string;
  /** Like decrypt, but null when the key is missing or wrong (for hints shown beside a setting). */
  tryDecrypt(stored: string, column: SecretColumnName): string | null;
};

/** Where the key comes from; the first one given wins. */
export type SecretKeySource = {
  /** PTRACK_SECRET_KEY: 32 bytes as base64 or hex. */
  key?: string | undefined;
  /** PTRACK_SECRET_KEY_FILE: a file holding the key; created (0600) when missing. */
  keyFile?: string | undefined;
  /** The PGlite data directory: `<dataDir>/secret.key`, created (0600) when missing. */
  dataDir?: string | undefined;
  /** In-memory databases (tests): a key that lives as long as the process. */
  ephemeral?: boolean;
};

/** Every encrypted column: table, column and its name as associated data. */
export const SECRET_COLUMNS = [
  { table: 'digest_settings', column: 'smtp_password' },
  { table: 'digest_settings', column: 'slack_webhook_url' },
  { table: 'hubspot_connection', column: 'access_token' },
  { table: 'hubspot_connection', column: 'client_secret' },
  // The calendar feed's address is its secret; the settings show it again, so it is encrypted, not hashed.
  { table: 'digest_settings', column: 'calendar_token' },
] as const;
export type SecretColumnName = `${(typeof SECRET_COLUMNS)[number]['table']}.${(typeof SECRET_COLUMNS)[number]['column']}`;

const PREFIX = 'v1:';
export const SECRET_KEY_FILE = 'secret.key';

export function isEncryptedSecret(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Reads a 32-byte key written as base64 or hex; null when it is neither. */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
    return key.length === 32 ? key : null;
  }
  return null;
}

function unavailable(message: string): AppError {
  return new AppError('SECRET_KEY_UNAVAILABLE', message);
}

let processKey: Buffer | null = null;

/** A key source as a function that finds (or, when `create`, makes) the key. */
function keyLoader(source: SecretKeySource): (create: boolean) => Buffer {
  let cached: Buffer | null = null;
  return (create) => {
    if (cached) return cached;
    if (source.key !== undefined && source.key.trim() !== '') {
      const key = parseSecretKey(source.key);
      if (!key) throw unavailable('PTRACK_SECRET_KEY must be 32 bytes written as base64 (44 characters) or hex (64 characters)');
      cached = key;
      return key;
    }
    const file =
      source.keyFile !== undefined && source.keyFile.trim() !== ''
        ? source.keyFile
        : source.dataDir
          ? join(source.dataDir, SECRET_KEY_FILE)
          : null;
    if (file) {
      const what = source.keyFile ? `PTRACK_SECRET_KEY_FILE (${file})` : `the key file ${file}`;
      if (existsSync(file)) {
        const key = parseSecretKey(readFileSync(file, 'utf8'));
        if (!key) throw unavailable(`${what} does not hold a 32-byte key as base64 or hex`);
        cached = key;
        return key;
      }
      if (!create) {
        throw unavailable(
          `${what} is missing, so the stored secrets cannot be read: put back the key file they were written with, or enter the secrets again`,
        );
      }
      const key = randomBytes(32);
      // 'wx': two processes creating it at once cannot both win; the loser reads the winner's key.
      try {
        writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
        chmodSync(file, 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw unavailable(`Cannot create ${what}: ${(error as Error).message}`);
        }
        return keyLoader({ keyFile: file })(false);
      }
      cached = key;
      return key;
    }
    if (source.ephemeral) {
      processKey ??= randomBytes(32);
      cached = processKey;
      return processKey;
    }
    throw unavailable(
      'Secrets are stored encrypted and this server has no key: set PTRACK_SECRET_KEY (32 bytes as base64 or hex, e.g. from `openssl rand -base64 32`) or PTRACK_SECRET_KEY_FILE (a file the server can create, mode 0600)',
    );
  };
}

export function createSecretBox(source: SecretKeySource): SecretBox {
  const keyOf = keyLoader(source);
  const box: SecretBox = {
    encrypt(plain, column) {
      const key = keyOf(true);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(column));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    decrypt(stored, column) {
      if (!isEncryptedSecret(stored)) return stored;
      const key = keyOf(false);
      const [iv, tag, data] = stored.slice(PREFIX.length).split(':');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64'));
        decipher.setAAD(Buffer.from(column));
        decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(data ?? '', 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw unavailable(
          `The stored ${column.replace('.', ' ').replaceAll('_', ' ')} cannot be decrypted with this server's key: use the key (PTRACK_SECRET_KEY or the key file) it was written with, or enter it again`,
        );
      }
    },
    tryDecrypt(stored, column) {
      try {
        return box.decrypt(stored, column);
      } catch {
        return null;
      }
    },
  };
  return box;
}

/**
 * Encrypts the secrets still stored in plain text (written before encryption, or restored from an
 * older backup). SQL cannot encrypt with the key, so this runs in code: at every open, and after a
 * restore. Without a key (PostgreSQL with no PTRACK_SECRET_KEY) the values stay as they are and keep
 * working; the first write of a secret then asks for the key. Returns how many values it encrypted.
 */
export async function encryptPlainSecrets(tx: QueryRunner, box: SecretBox): Promise<number> {
  let count = 0;
  for (const { table, column } of SECRET_COLUMNS) {
    const t = sql.raw(`"${table}"`);
    const c = sql.raw(`"${column}"`);
    const result = (await tx.execute(
      sql`select id, ${c} as value from ${t} where ${c} is not null and ${c} not like 'v1:%'`,
    )) as unknown as {
      rows: { id: number; value: string }[];
    };
    for (const row of result.rows) {
      let encrypted: string;
      try {
        encrypted = box.encrypt(row.value, `${table}.${column}` as SecretColumnName);
      } catch (error) {
        if (error instanceof AppError && error.code === 'SECRET_KEY_UNAVAILABLE') return count;
        throw error;
      }
      await tx.execute(sql`update ${t} set ${c} = ${encrypted} where id = ${row.id} and ${c} = ${row.value}`);
      count++;
    }
  }
  return count;
}
