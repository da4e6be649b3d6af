import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@ptrack/server';
import { shareSession } from './session';

/** The first admin every journey is signed in as. */
export const E2E_ADMIN = { name: 'Erin Admin', email: 'erin@example.com', password: 'a long e2e password' };

export type TestServer = {
  url: string;
  server: RunningServer;
  /** The first admin's session cookie (`name=value`), sent by `api` and set in the browser. */
  cookie: string;
  /** JSON over HTTP against the running server, as the first admin; throws on a non-2xx answer. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
};

/**
 * The real server on 127.0.0.1 and a free port, on a fresh embedded database, serving apps/web/dist;
 * its first admin is set up, and the browser contexts are signed in as them.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptrack-e2e-'));
  const server = await startServer({ database: { kind: 'pglite', dataDir }, host: '127.0.0.1', port: 0 });
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  });
  if (setup.status !== 201) throw new Error(`POST /api/setup → ${setup.status}: ${await setup.text()}`);
  const setCookies = setup.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  await shareSession(server.url, setCookies);
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        // As the web app sends on every write (apps/web/src/api/client.ts).
        ...(method === 'GET' ? {} : { 'x-ptrack-csrf': '1' }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url: server.url,
    server,
    cookie,
    api,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calendar arithmetic on YYYY-MM-DD, as the web app does it. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The web app's short date ("Wed, Feb 18") in the browser's en-US locale. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
