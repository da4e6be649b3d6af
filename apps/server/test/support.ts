import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/app';

/** Wednesday 4 February 2026, 09:00 in Los Angeles: the fixed clock of these tests. */
export const NOW = new Date('2026-02-04T17:00:00Z');
export const TODAY = '2026-02-04';
export const TIME_ZONE = 'America/Los_Angeles';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are untyped JSON, checked by the assertions
type Json = any;

export type Res<T = Json> = { status: number; body: T; headers: Record<string, unknown> };

export type TestApi = {
  app: FastifyInstance;
  database: Database;
  /** The first admin's session cookie (`name=value`), sent with every request unless headers say otherwise. */
  cookie: string;
  admin: { id: string; name: string; email: string };
  request<T = Json>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Res<T>>;
  get<T = Json>(url: string): Promise<Res<T>>;
  post<T = Json>(url: string, body?: unknown): Promise<Res<T>>;
  patch<T = Json>(url: string, body: unknown): Promise<Res<T>>;
  del<T = Json>(url: string): Promise<Res<T>>;
  close(): Promise<void>;
};

export const ADMIN = { name: 'Alex Admin', email: 'alex@example.com', password: 'correct horse battery' };

/** `name=value` of the cookies a response sets (what a browser would send back). */
export function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
  return values.map((v) => String(v).split(';')[0]).join('; ');
}

type RequestFn = <T = Json>(method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Res<T>>;

/** Requests through app.inject; `defaults` are sent unless the call's own headers replace them. */
export function requester(app: FastifyInstance, defaults: () => Record<string, string>): RequestFn {
  return async <T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...defaults(), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const text = res.body;
    let parsed: unknown = text;
    if (text && String(res.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  };
}

/**
 * A fresh database and app with the fixed clock and the workspace in Los Angeles time, set up through
 * the first run (POST /api/setup): every request carries the first admin's session cookie.
 */
export async function startApi(options: { now?: Date; timeZone?: string } = {}): Promise<TestApi> {
  const database = await openTestDatabase();
  const now = options.now ?? NOW;
  const app = await buildApp({ database, now: () => now });
  let cookie = '';
  const request = requester(app, () => (cookie ? { cookie } : {}));
  const setup = await request('POST', '/api/setup', ADMIN);
  expect(setup.status, JSON.stringify(setup.body)).toBe(201);
  cookie = cookieOf(setup);
  const api: TestApi = {
    app,
    database,
    get cookie() {
      return cookie;
    },
    admin: { id: setup.body.user.id, name: ADMIN.name, email: ADMIN.email },
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body),
    del: (url) => request('DELETE', url),
    async close() {
      await app.close();
      await database.close();
    },
  };
  const settings = await api.get('/api/settings');
  expect(settings.status).toBe(200);
  const updated = await api.patch('/api/settings', { version: settings.body.version, timeZone: options.timeZone ?? TIME_ZONE });
  expect(updated.status).toBe(200);
  return api;
}

/** Asserts an RFC 9457 problem with the status, and (when given) an error naming the field. */
export function expectProblem(res: Res, status: number, field?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(Array.isArray(res.body.errors)).toBe(true);
  if (field !== undefined) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
}

export async function createPartner(api: TestApi, body: Record<string, unknown> = {}): Promise<Json> {
  const res = await api.post('/api/partners', { name: `Partner ${Math.random().toString(36).slice(2, 8)}`, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function createRep(api: TestApi, partnerId: string, body: Record<string, unknown> = {}): Promise<Json> {
  const res = await api.post('/api/reps', { partnerId, name: `Rep ${Math.random().toString(36).slice(2, 8)}`, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export type SignedIn = {
  id: string;
  email: string;
  name: string;
  cookie: string;
  request: RequestFn;
  get<T = Json>(url: string): Promise<Res<T>>;
  post<T = Json>(url: string, body?: unknown): Promise<Res<T>>;
  patch<T = Json>(url: string, body: unknown): Promise<Res<T>>;
  del<T = Json>(url: string): Promise<Res<T>>;
};

let people = 0;

/** A user with this role, made the way people join (an admin's invitation, then accept), signed in. */
export async function signInAs(
  api: TestApi,
  role: string,
  options: { partnerId?: string; name?: string; email?: string; password?: string } = {},
): Promise<SignedIn> {
  people += 1;
  const email = options.email ?? `${role.replace('_', '-')}-${people}@example.com`;
  const name = options.name ?? `${role} ${people}`;
  const password = options.password ?? 'a long enough password';
  const invited = await api.post('/api/invitations', {
    email,
    role,
    ...(options.partnerId ? { partnerId: options.partnerId } : {}),
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const token = new URL(invited.body.url).searchParams.get('token');
  const accepted = await api.request('POST', '/api/invitations/accept', { token, name, password }, { cookie: '' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  const cookie = cookieOf(accepted);
  const request = requester(api.app, () => ({ cookie }));
  return {
    id: accepted.body.user.id,
    email,
    name,
    cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body),
    del: (url) => request('DELETE', url),
  };
}

/** Requests sent by nobody: no cookie, no token. */
export function anonymous(api: TestApi): RequestFn {
  return requester(api.app, () => ({}));
}
