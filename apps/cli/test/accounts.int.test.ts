import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@ptrack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, localCliAuth, ptrack, tempDir } from './support';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are untyped JSON, checked by the assertions
type Json = any;

const PASSWORD = 'dana has a long password';

describe('ptrack and accounts', () => {
  const dir = tempDir('accounts');
  const elsewhere = tempDir('elsewhere');
  const config = tempDir('config');
  const env = { XDG_CONFIG_HOME: config.path };
  afterAll(() => {
    for (const d of [dir, elsewhere, config]) d.remove();
  });

  it('users create-admin makes the first admin on the data directory, once, with one plain line on bad input', async () => {
    const missing = expectFailure(
      await ptrack(dir.path, ['users', 'create-admin', '--name', 'Dana', '--email', 'dana@example.com'], env),
      2,
    );
    expect(missing).toMatch(/--password-stdin or in PTRACK_ADMIN_PASSWORD/);
    const short = expectFailure(
      await ptrack(dir.path, ['users', 'create-admin', '--name', 'Dana', '--email', 'dana@example.com'], {
        ...env,
        PTRACK_ADMIN_PASSWORD: 'short',
      }),
      1,
    );
    expect(short).toMatch(/password: must be at least 10 characters/);
    const out = expectOk(
      await ptrack(
        dir.path,
        ['users', 'create-admin', '--name', 'Dana', '--email', 'dana@example.com', '--password-stdin'],
        env,
        {
          input: `${PASSWORD}\n`,
        },
      ),
    );
    expect(out).toContain('Created the admin Dana <dana@example.com>');
    const again = expectFailure(
      await ptrack(dir.path, ['users', 'create-admin', '--name', 'Eve', '--email', 'eve@example.com'], {
        ...env,
        PTRACK_ADMIN_PASSWORD: PASSWORD,
      }),
      1,
    );
    expect(again).toMatch(/first admin already exists/);
  });

  describe('with a server on the data directory', () => {
    let server: RunningServer;
    let cookie = '';
    const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { cookie }) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'x-ptrack-csrf': '1', ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Json, res };
    };
    const newToken = async (access: 'read' | 'read-write') =>
      (await api('POST', '/api/tokens', { name: `cli ${access}`, access })).body;

    beforeAll(async () => {
      server = await startServer({ database: { kind: 'pglite', dataDir: dir.path }, port: 0 });
      const signIn = await api('POST', '/api/session', { email: 'dana@example.com', password: PASSWORD }, {});
      expect(signIn.status).toBe(200);
      cookie = signIn.res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      expect((await api('POST', '/api/partners', { name: 'Remote Partner' })).status).toBe(201);
    });
    afterAll(() => server?.close());

    it('the CLI on this machine needs no login: the server left it a token only this user can read', async () => {
      expect(statSync(join(dir.path, 'local-cli.token')).mode & 0o777).toBe(0o600);
      const listed = JSON.parse(expectOk(await ptrack(dir.path, ['partners', '--json'], env)));
      expect(listed.items.map((p: Json) => p.name)).toEqual(['Remote Partner']);
      expect((await api('GET', '/api/session', undefined, localCliAuth(dir.path))).body.user).toBeNull();
    });

    it('PTRACK_URL and PTRACK_TOKEN reach the server from anywhere; a revoked token fails with one line', async () => {
      const token = await newToken('read');
      const remote = { ...env, PTRACK_URL: server.url, PTRACK_TOKEN: token.token };
      const listed = JSON.parse(expectOk(await ptrack(elsewhere.path, ['partners', '--json'], remote)));
      expect(listed.items.map((p: Json) => p.name)).toEqual(['Remote Partner']);
      expect((await api('DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
      expect(expectFailure(await ptrack(elsewhere.path, ['partners'], remote), 1)).toMatch(/refused the credentials/);
      expect(expectFailure(await ptrack(elsewhere.path, ['partners'], { ...env, PTRACK_URL: server.url }), 1)).toMatch(
        /No token for/,
      );
    });

    it('login --token keeps the server and token in a 0600 file; logout forgets them', async () => {
      const token = await newToken('read-write');
      expectFailure(await ptrack(elsewhere.path, ['login', '--url', server.url, '--token', 'ptk_not-a-real-token'], env), 1);
      const out = expectOk(await ptrack(elsewhere.path, ['login', '--url', server.url, '--token', token.token], env));
      expect(out).toContain('Logged in to');
      expect(out).toContain('as Dana <dana@example.com> (admin)');
      const file = join(config.path, 'ptrack', 'credentials.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // PTRACK_URL alone takes the stored token for that server.
      const listed = JSON.parse(
        expectOk(await ptrack(elsewhere.path, ['partners', '--json'], { ...env, PTRACK_URL: server.url })),
      );
      expect(listed.items.map((p: Json) => p.name)).toEqual(['Remote Partner']);
      expect(expectOk(await ptrack(elsewhere.path, ['logout'], env))).toContain(`Logged out of ${server.url}`);
      expect(() => statSync(file)).toThrow();
      expect(expectOk(await ptrack(elsewhere.path, ['logout'], env))).toContain('Not logged in');
    });
  });
});
