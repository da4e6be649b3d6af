import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@ptrack/server';
import type { BrowserContext } from 'playwright-core';

// The accounts journey starts from a server nobody has set up yet (no admin), and talks to its API as
// a given user: a session cookie, taken from a sign-in or from a browser context.

export type BlankServer = { url: string; server: RunningServer; close(): Promise<void> };

/** The real server on 127.0.0.1 and a free port, on a fresh embedded database with no user at all. */
export async function startBlankServer(): Promise<BlankServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptrack-e2e-accounts-'));
  const server = await startServer({ database: { kind: 'pglite', dataDir }, host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type UserApi = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** JSON over HTTP with `cookie`, as the web app sends it (same origin, the CSRF header); throws on a non-2xx. */
export function apiWithCookie(url: string, cookie: string): UserApi {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        origin: url,
        'x-ptrack-csrf': '1',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** The cookies a browser context holds for the server, as a Cookie header. */
export async function cookieOf(context: BrowserContext, url: string): Promise<string> {
  const cookies = await context.cookies(url);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
