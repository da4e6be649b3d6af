import { Writable } from 'node:stream';
import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { ADMIN, cookieOf, NOW } from './support';

// Logs (issue 12, "Hardening"): a forced 500 during a settings write, and requests carrying tokens in
// their query, headers or path, leave none of them in the log.
const SMTP_PASSWORD = 'smtp-pass-7f3a9c1e5b2d8046';
const QUERY_TOKEN = 'invite-token-c0ffee1234567890';

describe('what the request log holds', () => {
  let database: Database;
  let app: FastifyInstance;
  let log = '';
  let cookie = '';

  beforeAll(async () => {
    database = await openTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    app = await buildApp({ database, now: () => NOW, webRoot: null, logger: { level: 'info', stream } });
    const setup = await app.inject({ method: 'POST', url: '/api/setup', payload: ADMIN });
    expect(setup.statusCode).toBe(201);
    cookie = cookieOf({ headers: setup.headers });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('logs a 500 during a settings write without the SQL parameters or the failing row', async () => {
    // Any write now fails inside PostgreSQL (an internal error raised by a trigger — a constraint would be
    // a 422): drizzle's "params: …" message holds the password being written.
    await database.db.execute(
      sql.raw(
        `create function forced_failure() returns trigger language plpgsql as $$ begin raise exception 'forced_failure' using errcode = 'XX000'; end $$`,
      ),
    );
    await database.db.execute(
      sql`create trigger forced_failure before update on digest_settings for each row execute function forced_failure()`,
    );
    try {
      const current = await app.inject({ method: 'GET', url: '/api/digests/settings', headers: { cookie } });
      const res = await app.inject({
        method: 'PUT',
        url: '/api/digests/settings',
        headers: { 'content-type': 'application/json', cookie },
        payload: JSON.stringify({ version: JSON.parse(current.body).version, smtpPort: 587, smtpPassword: SMTP_PASSWORD }),
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(SMTP_PASSWORD);
    } finally {
      await database.db.execute(sql`drop trigger forced_failure on digest_settings`);
    }
    expect(log).toContain('request failed');
    // The failure is still explained: the SQLSTATE and the message.
    expect(log).toContain('XX000');
    expect(log).toContain('forced_failure');
    expect(log).not.toContain(SMTP_PASSWORD);
    expect(log).not.toContain('params:');
  });

  it('logs request URLs with query values masked, and no credential headers', async () => {
    await app.inject({
      method: 'GET',
      url: `/api/partners?search=${QUERY_TOKEN}&limit=5`,
      headers: { authorization: 'Bearer ptk_header_secret_abcdef', cookie: 'session=cookie_secret_abcdef' },
    });
    expect(log).toContain('/api/partners?search=***&limit=***');
    for (const secret of [QUERY_TOKEN, 'ptk_header_secret_abcdef', 'cookie_secret_abcdef']) expect(log).not.toContain(secret);
  });
});
