import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@ptrack/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, isEncryptedSecret, parseSecretKey, SECRET_KEY_FILE } from './secrets';

const SECRET = 'xoxb-slack-hook-3f9a1c7e5d2b';
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('secrets at rest', () => {
  it('encrypts to v1:<iv>:<tag>:<ciphertext> and back, differently every time', () => {
    const box = createSecretBox({ key: randomBytes(32).toString('base64') });
    const a = box.encrypt(SECRET, 'digest_settings.slack_webhook_url');
    const b = box.encrypt(SECRET, 'digest_settings.slack_webhook_url');
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(SECRET);
    expect(box.decrypt(a, 'digest_settings.slack_webhook_url')).toBe(SECRET);
    expect(isEncryptedSecret(a)).toBe(true);
  });

  it('returns a value stored before encryption as it is', () => {
    const box = createSecretBox({ ephemeral: true });
    expect(box.decrypt('plain-old-password', 'digest_settings.smtp_password')).toBe('plain-old-password');
  });

  it('refuses a ciphertext moved to another column', () => {
    const box = createSecretBox({ ephemeral: true });
    const stored = box.encrypt(SECRET, 'hubspot_connection.client_secret');
    expect(failure(() => box.decrypt(stored, 'hubspot_connection.access_token')).code).toBe('SECRET_KEY_UNAVAILABLE');
  });

  it('says which key to use when the key is wrong, and tryDecrypt gives null', () => {
    const stored = createSecretBox({ key: randomBytes(32).toString('hex') }).encrypt(SECRET, 'digest_settings.smtp_password');
    const other = createSecretBox({ key: randomBytes(32).toString('hex') });
    const error = failure(() => other.decrypt(stored, 'digest_settings.smtp_password'));
    expect(error.code).toBe('SECRET_KEY_UNAVAILABLE');
    expect(error.message).toMatch(/smtp password cannot be decrypted .*PTRACK_SECRET_KEY or the key file/);
    expect(other.tryDecrypt(stored, 'digest_settings.smtp_password')).toBeNull();
  });

  it('reads a 32-byte key as base64, base64url or hex, and nothing else', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64url'))).toEqual(key);
    expect(parseSecretKey(`${key.toString('hex')}\n`)).toEqual(key);
    expect(parseSecretKey('too-short')).toBeNull();
    expect(parseSecretKey(randomBytes(16).toString('hex'))).toBeNull();
    const bad = createSecretBox({ key: 'not a key' });
    expect(failure(() => bad.encrypt(SECRET, 'digest_settings.smtp_password')).message).toMatch(
      /^PTRACK_SECRET_KEY must be 32 bytes/,
    );
  });

  it('creates <data dir>/secret.key with mode 0600 on first use, and reads it back in the next process', () => {
    const dir = tempDir();
    const box = createSecretBox({ dataDir: dir });
    const stored = box.encrypt(SECRET, 'digest_settings.smtp_password');
    const file = join(dir, SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(readFileSync(file, 'utf8'))).not.toBeNull();
    expect(createSecretBox({ dataDir: dir }).decrypt(stored, 'digest_settings.smtp_password')).toBe(SECRET);
  });

  it('does not create a key to read with: a missing key file is named', () => {
    const dir = tempDir();
    const stored = createSecretBox({ ephemeral: true }).encrypt(SECRET, 'digest_settings.smtp_password');
    const error = failure(() => createSecretBox({ dataDir: dir }).decrypt(stored, 'digest_settings.smtp_password'));
    expect(error.message).toContain(`${join(dir, SECRET_KEY_FILE)} is missing`);
  });

  it('takes PTRACK_SECRET_KEY_FILE, and says what to set when there is no key at all (PostgreSQL)', () => {
    const dir = tempDir();
    const file = join(dir, 'key');
    writeFileSync(file, randomBytes(32).toString('base64'));
    const box = createSecretBox({ keyFile: file });
    expect(box.decrypt(box.encrypt(SECRET, 'digest_settings.smtp_password'), 'digest_settings.smtp_password')).toBe(SECRET);
    const none = failure(() => createSecretBox({}).encrypt(SECRET, 'digest_settings.smtp_password'));
    expect(none.code).toBe('SECRET_KEY_UNAVAILABLE');
    expect(none.message).toMatch(/set PTRACK_SECRET_KEY .* or PTRACK_SECRET_KEY_FILE/);
  });
});
