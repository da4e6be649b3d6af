import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase, queryRows, SECRET_KEY_FILE } from '@ptrack/storage';
import { testStorageKind } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { ADMIN, cookieOf, expectProblem, NOW, startApi, type TestApi } from './support';

// Secrets at rest and where they may be sent (issue 12, "Hardening").
const SMTP_PASSWORD = 'smtp-pass-51d0b3a8e27c4f96';
const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/slackSecret9c2e4a7b';
const HUBSPOT_TOKEN = 'pat-na1-hubspotToken-0d8e6f3a1b7c';
const CLIENT_SECRET = 'client-secret-7a2f9e4c1d6b3e80';

async function storedSecrets(database: Database): Promise<Record<string, string | null>> {
  const [digest] = await queryRows<Record<string, string | null>>(
    database.db,
    sql`select smtp_password, slack_webhook_url from digest_settings`,
  );
  const [hubspot] = await queryRows<Record<string, string | null>>(
    database.db,
    sql`select access_token, client_secret from hubspot_connection`,
  );
  return { ...digest, ...hubspot };
}

describe('secrets over the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  const digestSettings = async () => (await api.get('/api/digests/settings')).body;
  const putDigest = async (body: Record<string, unknown>) =>
    api.request('PUT', '/api/digests/settings', { version: (await digestSettings()).version, ...body });

  it('stores the secrets encrypted and shows only that they are configured', async () => {
    const digest = await putDigest({
      smtpHost: 'smtp.example.com',
      smtpPort: 587,
      smtpUser: 'digest',
      smtpPassword: SMTP_PASSWORD,
      slackWebhookUrl: SLACK_URL,
    });
    expect(digest.status).toBe(200);
    expect(digest.body).toMatchObject({
      smtpPassword: { configured: true },
      slackWebhook: { configured: true, hint: SLACK_URL.slice(-4) },
    });
    const hubspot = await api.patch('/api/hubspot/connection', { token: HUBSPOT_TOKEN, clientSecret: CLIENT_SECRET });
    expect(hubspot.status).toBe(200);
    expect(hubspot.body).toMatchObject({
      configured: true,
      tokenHint: `…${HUBSPOT_TOKEN.slice(-4)}`,
      clientSecretConfigured: true,
    });
    for (const body of [digest.body, hubspot.body, await digestSettings(), (await api.get('/api/hubspot/connection')).body]) {
      const text = JSON.stringify(body);
      for (const secret of [SMTP_PASSWORD, SLACK_URL, HUBSPOT_TOKEN, CLIENT_SECRET]) expect(text).not.toContain(secret);
    }

    const stored = await storedSecrets(api.database);
    for (const [column, value] of Object.entries(stored)) expect(value, column).toMatch(/^v1:/);
    expect(api.database.secrets.decrypt(stored.smtp_password!, 'digest_settings.smtp_password')).toBe(SMTP_PASSWORD);
    expect(api.database.secrets.decrypt(stored.access_token!, 'hubspot_connection.access_token')).toBe(HUBSPOT_TOKEN);
  });

  it.each([
    [{ smtpHost: 'smtp.evil.example' }, 'smtpHost'],
    [{ smtpPort: 2525 }, 'smtpPort'],
    [{ smtpUser: 'someone-else' }, 'smtpUser'],
    [{ smtpSecurity: 'none' }, 'smtpSecurity'],
  ])('refuses to move the stored SMTP password (%o) unless it is entered again', async (change, field) => {
    const res = await putDigest(change);
    expectProblem(res, 400, 'smtpPassword');
    expect(res.body.errors[0].message).toContain('enter the password again to send it to a new address');
    expect(res.body.errors[0].message).toContain(field);
    const again = await putDigest({ ...change, smtpPassword: SMTP_PASSWORD });
    expect(again.status).toBe(200);
    // Back to where it was, for the next case.
    expect(
      (
        await putDigest({
          smtpHost: 'smtp.example.com',
          smtpPort: 587,
          smtpUser: 'digest',
          smtpSecurity: 'starttls',
          smtpPassword: SMTP_PASSWORD,
        })
      ).status,
    ).toBe(200);
  });

  it('lets the SMTP fields be cleared or left as they are without the password', async () => {
    expect((await putDigest({ smtpHost: 'smtp.example.com', smtpPort: 587, fromAddress: 'digest@example.com' })).status).toBe(
      200,
    );
    expect((await putDigest({ smtpHost: null })).status).toBe(200);
    expect((await putDigest({ smtpHost: 'smtp.example.com', smtpPassword: SMTP_PASSWORD })).status).toBe(200);
  });

  it('refuses to move the stored HubSpot token to another baseUrl unless it is entered again', async () => {
    const res = await api.patch('/api/hubspot/connection', { baseUrl: 'https://hubspot.evil.example' });
    expectProblem(res, 400, 'token');
    expect(res.body.errors[0].message).toBe('enter the token again to send it to a new address');
    expect((await api.get('/api/hubspot/connection')).body.baseUrl).toBe('https://api.hubapi.com');
    const moved = await api.patch('/api/hubspot/connection', { baseUrl: 'https://hubspot.example.com', token: HUBSPOT_TOKEN });
    expect(moved.status).toBe(200);
    expect(moved.body.baseUrl).toBe('https://hubspot.example.com');
    // Options that do not move the token need no token.
    expect((await api.patch('/api/hubspot/connection', { pushRepEdits: true })).status).toBe(200);
  });

  it('keeps a Slack webhook URL only as a whole: a new one is the new secret itself', async () => {
    const other = 'https://hooks.slack.com/services/T000/B000/otherSecret1234abcd';
    expect((await putDigest({ slackWebhookUrl: other })).body.slackWebhook.hint).toBe('abcd');
  });
});

describe.runIf(testStorageKind() === 'pglite')('secrets in a data directory', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptrack-secrets-'));
    dirs.push(dir);
    return dir;
  };

  it('encrypts secrets written in plain text before encryption when the directory is opened', async () => {
    const dir = dataDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await first.db.execute(
      sql`insert into digest_settings (id, smtp_password, slack_webhook_url) values (1, ${SMTP_PASSWORD}, ${SLACK_URL})`,
    );
    await first.db.execute(
      sql`insert into hubspot_connection (id, access_token, client_secret) values (1, ${HUBSPOT_TOKEN}, ${CLIENT_SECRET})`,
    );
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const stored = await storedSecrets(second);
      for (const [column, value] of Object.entries(stored)) expect(value, column).toMatch(/^v1:/);
      expect(second.secrets.decrypt(stored.slack_webhook_url!, 'digest_settings.slack_webhook_url')).toBe(SLACK_URL);
      expect(second.secrets.decrypt(stored.client_secret!, 'hubspot_connection.client_secret')).toBe(CLIENT_SECRET);
    } finally {
      await second.close();
    }
  });

  it('with the wrong key the server still starts and shows its settings; using a secret is a 503 saying which key', async () => {
    const dir = dataDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    const app1 = await buildApp({ database: first, now: () => NOW, webRoot: null });
    const setup = await app1.inject({ method: 'POST', url: '/api/setup', payload: ADMIN });
    expect(setup.statusCode).toBe(201);
    const headers = { cookie: cookieOf({ headers: setup.headers }) };
    const settings = JSON.parse((await app1.inject({ method: 'GET', url: '/api/digests/settings', headers })).body);
    const put = await app1.inject({
      method: 'PUT',
      url: '/api/digests/settings',
      headers,
      payload: { version: settings.version, slackWebhookUrl: SLACK_URL, scheduleChannels: ['slack'] },
    });
    expect(put.statusCode).toBe(200);
    await app1.close();
    await first.close();

    writeFileSync(join(dir, SECRET_KEY_FILE), `${randomBytes(32).toString('base64')}\n`);
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    const app2 = await buildApp({ database: second, now: () => NOW, webRoot: null });
    try {
      const signIn = await app2.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: ADMIN.email, password: ADMIN.password },
      });
      expect(signIn.statusCode).toBe(200);
      const again2 = { cookie: cookieOf({ headers: signIn.headers }) };
      const shown = await app2.inject({ method: 'GET', url: '/api/digests/settings', headers: again2 });
      expect(shown.statusCode).toBe(200);
      expect(JSON.parse(shown.body).slackWebhook).toEqual({ configured: true, hint: null });
      const send = await app2.inject({ method: 'POST', url: '/api/digests/send', headers: again2, payload: { to: 'slack' } });
      expect(send.statusCode).toBe(503);
      const problem = JSON.parse(send.body);
      expect(problem.code).toBe('SECRET_KEY_UNAVAILABLE');
      expect(problem.detail).toMatch(/slack webhook url cannot be decrypted .*PTRACK_SECRET_KEY or the key file/);
      // Entering the secret again recovers.
      const again = await app2.inject({
        method: 'PUT',
        url: '/api/digests/settings',
        headers: again2,
        payload: { version: JSON.parse(shown.body).version, slackWebhookUrl: SLACK_URL },
      });
      expect(JSON.parse(again.body).slackWebhook.hint).toBe(SLACK_URL.slice(-4));
    } finally {
      await app2.close();
      await second.close();
    }
  });
});
