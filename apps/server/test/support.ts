import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/app';
import { CSRF_HEADER } from '../src/security';

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
  request<T = Json>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Res<T>>;
  get<T = Json>(url: string): Promise<Res<T>>;
  post<T = Json>(url: string, body?: unknown): Promise<Res<T>>;
  patch<T = Json>(url: string, body: unknown): Promise<Res<T>>;
  del<T = Json>(url: string): Promise<Res<T>>;
  close(): Promise<void>;
};

/** A fresh database and app with the fixed clock and the workspace in Los Angeles time. */
export async function startApi(options: { now?: Date; timeZone?: string } = {}): Promise<TestApi> {
  const database = await openTestDatabase();
  const now = options.now ?? NOW;
  const app = await buildApp({ database, now: () => now });
  const request = async <T>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      // As the web app does (apps/web/src/api/client.ts): every write carries the CSRF header.
      headers: method === 'GET' ? headers : { [CSRF_HEADER]: '1', ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const text = res.body;
    let parsed: unknown = text;
    // JSON and problem+json bodies are parsed; NDJSON (a backup) stays text.
    if (text && /[/+]json\b/.test(String(res.headers['content-type'] ?? ''))) parsed = JSON.parse(text);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  };
  const api: TestApi = {
    app,
    database,
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
