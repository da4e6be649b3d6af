import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { backupDirOf, createContext, systemActor, writeAutomaticBackup } from '@ptrack/services';
import { openDatabase } from '@ptrack/storage';
import { testStorageKind } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { ADMIN, cookieOf, NOW } from './support';

// The secrets grep (issue 12, acceptance): known secrets set through the API appear in no API
// response, no log line (a forced 500 included), no backup and no raw file of the data directory.
// Long and distinctive, so the 4-character hints the UI shows cannot match.
const SECRETS = {
  smtpPassword: 'smtpPw-2b7e151628aed2a6abf71588',
  slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/slackHook09cf4f3c762e71',
  hubspotToken: 'pat-na1-hsToken-3ad77bb40d7a3660a89e',
  clientSecret: 'hsClientSecret-f69f2445df4f9b17ad2b',
};

function filesUnder(dir: string): string[] {
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink()) return [];
  if (!stat.isDirectory()) return [dir];
  return readdirSync(dir).flatMap((entry) => filesUnder(join(dir, entry)));
}

describe.runIf(testStorageKind() === 'pglite')('the secrets grep', () => {
  const root = mkdtempSync(join(tmpdir(), 'ptrack-grep-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds no secret in any response, the log, a backup or a raw data file', async () => {
    const dataDir = join(root, 'data');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const app = await buildApp({ database, now: () => NOW, webRoot: null, logger: { level: 'info', stream } });
    const responses: string[] = [];
    let calendarToken = '';
    const setup = await app.inject({ method: 'POST', url: '/api/setup', payload: ADMIN });
    expect(setup.statusCode).toBe(201);
    const cookie = cookieOf({ headers: setup.headers });
    const send = async (options: InjectOptions) => {
      const res = await app.inject({ ...options, headers: { 'x-ptrack-csrf': '1', cookie, ...options.headers } });
      responses.push(JSON.stringify(res.headers), res.body);
      return { status: res.statusCode, body: res.body };
    };
    const version = async () => JSON.parse((await send({ method: 'GET', url: '/api/digests/settings' })).body).version as number;

    try {
      const digest = await send({
        method: 'PUT',
        url: '/api/digests/settings',
        payload: {
          version: await version(),
          smtpHost: 'smtp.example.com',
          smtpUser: 'digest',
          smtpPassword: SECRETS.smtpPassword,
          slackWebhookUrl: SECRETS.slackWebhookUrl,
          fromAddress: 'digest@example.com',
        },
      });
      expect(digest.status, digest.body).toBe(200);
      const hubspot = await send({
        method: 'PATCH',
        url: '/api/hubspot/connection',
        payload: { token: SECRETS.hubspotToken, clientSecret: SECRETS.clientSecret },
      });
      expect(hubspot.status, hubspot.body).toBe(200);
      // The calendar feed's address is shown to its users, so it is in responses, but stored encrypted.
      const feed = await send({ method: 'POST', url: '/api/digests/calendar-token' });
      calendarToken = /\/api\/calendar\/(.+)\.ics$/.exec(JSON.parse(feed.body).calendarFeedPath)![1]!;
      expect(calendarToken.length).toBeGreaterThan(40);
      expect((await send({ method: 'GET', url: `/api/calendar/${calendarToken}.ics` })).status).toBe(200);
      for (const url of ['/api/digests/settings', '/api/hubspot/connection', '/api/settings', '/api/jobs/runs', '/api/jobs']) {
        expect((await send({ method: 'GET', url })).status, url).toBe(200);
      }

      // A 500 during a settings write that carries a secret (a check every write now violates).
      // (A constraint would be a 422 now: an internal error raised by a trigger is what stays a 500.)
      await database.db.execute(
        sql.raw(
          `create function forced_failure() returns trigger language plpgsql as $$ begin raise exception 'forced failure' using errcode = 'XX000'; end $$`,
        ),
      );
      await database.db.execute(
        sql`create trigger forced_failure before update on digest_settings for each row execute function forced_failure()`,
      );
      const failed = await send({
        method: 'PUT',
        url: '/api/digests/settings',
        payload: { version: await version(), smtpPort: 2525, smtpPassword: SECRETS.smtpPassword },
      });
      expect(failed.status).toBe(500);
      await database.db.execute(sql`drop trigger forced_failure on digest_settings`);
      expect(log).toContain('request failed');

      // A backup over the API (what `ptrack backup` saves), and an automatic one in the data directory.
      const backup = await send({ method: 'GET', url: '/api/backup' });
      expect(backup.status).toBe(200);
      writeFileSync(join(root, 'manual.jsonl'), backup.body);
      await writeAutomaticBackup(
        createContext(database, systemActor('test', 'system'), () => NOW),
        {
          dir: backupDirOf(database)!,
        },
      );
    } finally {
      await app.close();
      await database.close();
    }

    const files = [...filesUnder(dataDir), join(root, 'manual.jsonl')];
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.includes(`${join('data', 'backups')}`))).toBe(true);
    const found: string[] = [];
    for (const [name, secret] of Object.entries(SECRETS)) {
      const needle = Buffer.from(secret);
      if (responses.some((r) => r.includes(secret))) found.push(`${name} in an API response`);
      if (log.includes(secret)) found.push(`${name} in the log`);
      for (const file of files) if (readFileSync(file).includes(needle)) found.push(`${name} in ${file}`);
    }
    for (const file of files)
      if (readFileSync(file).includes(Buffer.from(calendarToken))) found.push(`calendar token in ${file}`);
    if (log.includes(calendarToken)) found.push('calendar token in the log');
    expect(found).toEqual([]);
  });
});
