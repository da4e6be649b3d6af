import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { createPartner, createRep, expectProblem, startApi, type TestApi } from './support';

// Issue 18: input that cannot be stored, or would break something later, is a 400 naming the field at
// the edge — the same for every route — and the database's own rules answer as problems, never a 500.
describe('input hygiene over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('refuses a NUL character in a body, a query or a record key, naming where it is', async () => {
    expectProblem(await api.post('/api/partners', { name: 'Nul\u0000Co' }), 400, 'name');
    expectProblem(await api.get('/api/partners?q=%00'), 400, 'query.q');
    const partner = await createPartner(api);
    expectProblem(
      await api.patch(`/api/partners/${partner.id}`, { version: 1, custom: { 'a\u0000': 'x' } }),
      400,
      'custom.a\u0000',
    );
    expectProblem(await api.patch(`/api/partners/${partner.id}`, { version: 1, custom: { tag: 'x\u0000' } }), 400, 'custom.tag');
  });

  it('refuses a lone surrogate instead of storing U+FFFD', async () => {
    const res = await api.request('POST', '/api/partners', '{"name": "Half \\ud83d pair"}', {
      'content-type': 'application/json',
    });
    expectProblem(res, 400, 'name');
    expect(res.body.errors[0].message).toMatch(/surrogate/);
    // A whole pair is text like any other.
    const ok = await api.request('POST', '/api/partners', '{"name": "Rocket \\ud83d\\ude80 Co"}', {
      'content-type': 'application/json',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.name).toBe('Rocket 🚀 Co');
  });

  it('refuses line breaks and control characters in single-line fields but keeps them in notes', async () => {
    expectProblem(await api.post('/api/partners', { name: 'Two\r\nLines' }), 400, 'name');
    expectProblem(await api.post('/api/partners', { name: 'Bell\u0007Co' }), 400, 'name');
    expectProblem(await api.post('/api/partners', { name: 'Typed Co', type: 'a\tb' }), 400, 'type');
    const created = await api.post('/api/partners', { name: 'Noted Co', notes: 'line one\r\nline two\tand a tab' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.notes).toBe('line one\r\nline two\tand a tab');
    expectProblem(await api.post('/api/partners', { name: 'Noted Co 2', notes: 'escape \u001b[31m red' }), 400, 'notes');
  });

  it('refuses dates outside the years 0001–9999, given or computed', async () => {
    expectProblem(await api.post('/api/partners', { name: 'Year Zero', jvpDate: '0000-06-01' }), 400, 'jvpDate');
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id);
    expectProblem(await api.post('/api/actions', { repId: rep.id, dueDate: '0000-01-01' }), 400, 'dueDate');
    expectProblem(await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '0000-12-31' }), 400, 'introducedAt');
    expectProblem(
      await api.post('/api/touches', { repId: rep.id, kind: 'email', occurredAt: '0000-01-01T00:00:00Z' }),
      400,
      'occurredAt',
    );
    // In UTC this instant is already in year 10000.
    expectProblem(
      await api.post('/api/touches', { repId: rep.id, kind: 'email', occurredAt: '9999-12-31T23:00:00-05:00' }),
      400,
      'occurredAt',
    );
    // A plan's end is its start + 90 days: a start of 9999-12-31 would end in year 10000.
    expectProblem(
      await api.post('/api/plans', { partnerId: partner.id, goal: 'Late', startDate: '9999-12-31' }),
      400,
      'startDate',
    );
    const plan = await api.post('/api/plans', { partnerId: partner.id, goal: 'Fine', startDate: '9999-09-01' });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    expect(plan.body.endDate).toBe('9999-11-30');
    expectProblem(await api.patch(`/api/plans/${plan.body.id}`, { version: 1, startDate: '9999-12-01' }), 400, 'startDate');
  });

  it('refuses integers that do not fit their column', async () => {
    expectProblem(
      await api.post('/api/custom-fields', { entity: 'partner', label: 'Huge', type: 'text', position: 2_147_483_648 }),
      400,
      'position',
    );
    const partner = await createPartner(api);
    expectProblem(await api.patch(`/api/partners/${partner.id}`, { version: 2_147_483_648, notes: 'x' }), 400, 'version');
  });

  it('answers 409 when deleting an account that referrals still point to', async () => {
    const partner = await createPartner(api);
    const referral = await api.post('/api/referrals', {
      partnerId: partner.id,
      introducedAt: '2026-01-10',
      account: 'Pointed At Co',
    });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    // The referral names the account it made: no list lookup (other tests' accounts may fill a page).
    const account = { id: referral.body.accountId as string };
    expect(account.id).toEqual(expect.any(String));
    const res = await api.del(`/api/accounts/${account.id}`);
    expectProblem(res, 409, 'params.id');
    expect((await api.get(`/api/accounts/${account.id}`)).status).toBe(200);
  });

  it('answers Fastify’s own refusals as problem+json', async () => {
    // With the web app served, every long path outside a route is the catch-all's 404; without it Fastify's router
    // refuses a path parameter over its length limit itself.
    expectProblem(await api.get(`/api/partners/${'a'.repeat(200)}`), 404);
    const bare = await buildApp({ database: api.database, webRoot: null });
    try {
      const res = await bare.inject({ method: 'GET', url: `/api/partners/${'a'.repeat(200)}` });
      expect(res.statusCode).toBe(414);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body).errors[0].field).toBe('url');
    } finally {
      await bare.close();
    }
    expectProblem(await api.get('/api/partners/%E0%A4%A'), 400, 'url');
    expectProblem(await api.get('/api/no-such-route'), 404);
    expectProblem(await api.request('POST', '/api/partners', '{"name": ', { 'content-type': 'application/json' }), 400, 'body');
  });
});

describe('sheet uploads', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  const upload = (content: string | Buffer | undefined, headers: Record<string, string> = { 'content-type': 'text/csv' }) =>
    api.request('POST', '/api/imports?fileName=sheet.csv&entity=partner', content, headers);

  it('refuses an upload with no body, naming the body', async () => {
    expectProblem(await api.request('POST', '/api/imports?fileName=sheet.csv'), 400, 'body');
    expectProblem(await upload(''), 400, 'body');
    expectProblem(await api.post('/api/imports?fileName=sheet.csv', {}), 400, 'body');
  });

  it('refuses a sheet with too many columns at upload', async () => {
    const header = Array.from({ length: 20_000 }, (_, i) => `Column ${i}`).join(',');
    const res = await upload(`${header}\n${'x,'.repeat(19_999)}x\n`);
    expectProblem(res, 400, 'file');
    expect(res.body.errors[0].message).toMatch(/20,000 columns/);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const small = await buildApp({ database: api.database, uploadLimitBytes: 1024, webRoot: null });
    try {
      const res = await small.inject({
        method: 'POST',
        url: '/api/imports?fileName=big.csv',
        headers: { 'content-type': 'text/csv', 'x-ptrack-csrf': '1', cookie: api.cookie },
        payload: `Name\n${'Acme\n'.repeat(400)}`,
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body).detail).toMatch(/1 KiB/);
    } finally {
      await small.close();
    }
  });
});
