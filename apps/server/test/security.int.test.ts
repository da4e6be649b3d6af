import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { CROSS_SITE_EXEMPT } from '../src/security';
import { ADMIN, cookieOf, NOW } from './support';

// Rebinding and CSRF (issue 12, "Hardening"): the Host allow-list, the cross-site refusal and the
// security headers, through the real app.
const PUBLIC_URL = 'https://tracker.example.com';
const SAME_ORIGIN = 'http://localhost';

describe('host allow-list, cross-site refusal and security headers', () => {
  let database: Database;
  let app: FastifyInstance;
  let partnerId: string;
  let partnerVersion: number;
  // The first admin's session: every request below is signed in, so a refusal is the check's own.
  let cookie = '';

  const send = async (options: InjectOptions) => {
    const res = await app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...options.headers } });
    const body = String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(res.body || 'null') : res.body;
    return { status: res.statusCode, body, headers: res.headers };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({
      database,
      now: () => NOW,
      webRoot: null,
      publicUrl: PUBLIC_URL,
      allowedHosts: ['tracker.internal'],
    });
    const setup = await send({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: SAME_ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify(ADMIN),
    });
    expect(setup.status).toBe(201);
    cookie = cookieOf(setup);
    const created = await send({
      method: 'POST',
      url: '/api/partners',
      headers: { origin: SAME_ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Northwind' }),
    });
    expect(created.status).toBe(201);
    partnerId = created.body.id;
    partnerVersion = created.body.version;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe('the Host allow-list', () => {
    it.each([
      ['GET', '/api/backup'],
      ['GET', '/api/partners'],
      ['GET', '/api/digests/settings'],
      ['GET', '/api/docs'],
      ['GET', '/api/openapi.json'],
      ['GET', '/'],
      ['POST', '/api/jobs/backup/run'],
    ])('refuses %s %s for a host it is not known by, with 421 problem+json', async (method, url) => {
      const res = await send({
        method: method as 'GET',
        url,
        headers: { host: 'evil.example:3000', 'x-ptrack-csrf': '1' },
      });
      expect(res.status).toBe(421);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'MISDIRECTED_REQUEST', errors: [{ field: 'headers.host' }] });
    });

    it('refuses a request with a Bearer token for a wrong host too', async () => {
      const res = await send({
        method: 'GET',
        url: '/api/backup',
        headers: { host: 'evil.example', authorization: 'Bearer ptk_x' },
      });
      expect(res.status).toBe(421);
    });

    it.each([
      'localhost',
      'localhost:3000',
      '127.0.0.1:8080',
      '[::1]:3000',
      'tracker.example.com',
      'TRACKER.example.com:443',
      'tracker.internal:8443',
    ])('answers for %s', async (host) => {
      const res = await send({ method: 'GET', url: '/api/health', headers: { host } });
      expect(res.status).toBe(200);
    });

    it('refuses names that only contain an allowed one', async () => {
      for (const host of ['localhost.evil.example', 'tracker.example.com.evil.example', '127.0.0.1.nip.io']) {
        expect((await send({ method: 'GET', url: '/api/health', headers: { host } })).status, host).toBe(421);
      }
    });
  });

  describe('cross-site requests', () => {
    const BODIES: { name: string; headers: Record<string, string>; payload?: string }[] = [
      { name: 'no body', headers: {} },
      { name: 'text/plain', headers: { 'content-type': 'text/plain' }, payload: '{"name":"Evil"}' },
      { name: 'form-urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=Evil' },
      {
        name: 'multipart',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nEvil\r\n--x--\r\n',
      },
      { name: 'JSON', headers: { 'content-type': 'application/json' }, payload: '{"name":"Evil"}' },
    ];
    const WRITES = (): { method: 'POST' | 'PATCH' | 'DELETE'; url: string }[] => [
      { method: 'POST', url: '/api/partners' },
      { method: 'POST', url: '/api/jobs/backup/run' },
      { method: 'POST', url: '/api/digests/calendar-token' },
      { method: 'POST', url: '/api/imports?fileName=a.csv' },
      { method: 'PATCH', url: `/api/partners/${partnerId}` },
      { method: 'DELETE', url: `/api/partners/${partnerId}` },
    ];

    it('refuses a write from another origin with every content type, even carrying the CSRF header', async () => {
      for (const write of WRITES()) {
        for (const body of BODIES) {
          for (const extra of [{}, { 'x-ptrack-csrf': '1' }]) {
            const res = await send({
              method: write.method,
              url: write.url,
              headers: { origin: 'https://evil.example', ...body.headers, ...extra },
              ...(body.payload === undefined ? {} : { payload: body.payload }),
            });
            expect(res.status, `${write.method} ${write.url} ${body.name}`).toBe(403);
            expect(res.body).toMatchObject({ code: 'CROSS_SITE_REQUEST', errors: [{ field: 'headers.origin' }] });
          }
        }
      }
      // Nothing was written.
      const partners = await send({ method: 'GET', url: '/api/partners' });
      expect(partners.body.items.map((p: { name: string }) => p.name)).toEqual(['Northwind']);
    });

    it('refuses a write whose Origin is "null" (a sandboxed frame or a data: page)', async () => {
      const res = await send({ method: 'POST', url: '/api/jobs/backup/run', headers: { origin: 'null', 'x-ptrack-csrf': '1' } });
      expect(res.status).toBe(403);
    });

    it('refuses a write a browser marks cross-site or same-site when it sends no Origin', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const res = await send({
          method: 'POST',
          url: '/api/partners',
          headers: { 'sec-fetch-site': site, 'content-type': 'application/json' },
          payload: '{"name":"Evil"}',
        });
        expect(res.status, site).toBe(403);
        expect(res.body.errors[0].field).toBe('headers.sec-fetch-site');
      }
    });

    it('refuses a same-origin write that is neither JSON nor carries the CSRF header', async () => {
      for (const body of BODIES.filter((b) => b.name !== 'JSON')) {
        const res = await send({
          method: 'POST',
          url: '/api/digests/calendar-token',
          headers: { origin: SAME_ORIGIN, 'sec-fetch-site': 'same-origin', ...body.headers },
          ...(body.payload === undefined ? {} : { payload: body.payload }),
        });
        expect(res.status, body.name).toBe(403);
        expect(res.body.errors[0].field).toBe('headers.x-ptrack-csrf');
      }
    });

    it('accepts a same-origin JSON write', async () => {
      const res = await send({
        method: 'PATCH',
        url: `/api/partners/${partnerId}`,
        headers: { origin: SAME_ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' },
        payload: JSON.stringify({ version: partnerVersion, notes: 'same origin' }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      partnerVersion = res.body.version;
    });

    it("accepts a write from PUBLIC_URL's origin (the page as served through the proxy)", async () => {
      const res = await send({
        method: 'POST',
        url: '/api/digests/calendar-token',
        headers: { host: '127.0.0.1:3000', origin: PUBLIC_URL, 'x-ptrack-csrf': '1' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });

    it('accepts a same-origin body-less POST with the CSRF header, and a script with neither Origin nor Sec-Fetch-Site', async () => {
      const withHeader = await send({
        method: 'POST',
        url: '/api/digests/calendar-token',
        headers: { origin: SAME_ORIGIN, 'sec-fetch-site': 'same-origin', 'x-ptrack-csrf': '1' },
      });
      expect(withHeader.status).toBe(200);
      const script = await send({ method: 'POST', url: '/api/digests/calendar-token', headers: { 'x-ptrack-csrf': '1' } });
      expect(script.status).toBe(200);
    });

    it('does not apply the origin and content-type rule to a Bearer-token request', async () => {
      const res = await send({
        method: 'POST',
        url: '/api/digests/calendar-token',
        headers: { origin: 'https://evil.example', authorization: 'Bearer ptk_script', 'content-type': 'text/plain' },
        payload: '',
      });
      expect(res.status).not.toBe(403);
    });

    it('lets the HubSpot webhook (declared exempt) through to its own signature check', async () => {
      expect(CROSS_SITE_EXEMPT.map((e) => `${e.method} ${e.url}`)).toEqual(['POST /api/hubspot/webhook']);
      const res = await send({
        method: 'POST',
        url: '/api/hubspot/webhook',
        headers: { origin: 'https://app.hubspot.com', 'content-type': 'application/json' },
        payload: '[]',
      });
      expect(res.body.code).not.toBe('CROSS_SITE_REQUEST');
      expect(res.status).toBe(401);
    });

    it('sends no CORS headers, not even to a preflight', async () => {
      const preflight = await send({
        method: 'OPTIONS',
        url: '/api/partners',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-ptrack-csrf',
        },
      });
      const get = await send({ method: 'GET', url: '/api/partners', headers: { origin: 'https://evil.example' } });
      for (const res of [preflight, get]) {
        expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    });
  });

  describe('security headers', () => {
    it('sends a strict CSP, frame denial, nosniff and a referrer policy on the API', async () => {
      const res = await send({ method: 'GET', url: '/api/health' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    });

    it('sends HSTS when PUBLIC_URL is https, and upgrades insecure subresources', async () => {
      const res = await send({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    });

    it('scopes a looser CSP (inline scripts) to the API reference only', async () => {
      const docs = await send({ method: 'GET', url: '/api/docs/' });
      expect(docs.status).toBe(200);
      const csp = String(docs.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self' 'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      const api = await send({ method: 'GET', url: '/api/docs-not' });
      expect(String(api.headers['content-security-policy'])).not.toMatch(/script-src[^;]*unsafe-inline/);
    });
  });

  it('sends no HSTS on a plain-http loopback install', async () => {
    const local = await buildApp({ database, now: () => NOW, webRoot: null });
    try {
      const res = await local.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
      expect(
        (await local.inject({ method: 'GET', url: '/api/health', headers: { host: 'tracker.example.com' } })).statusCode,
      ).toBe(421);
    } finally {
      await local.close();
    }
  });
});
