import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, expectProblem, startApi, type TestApi, UNKNOWN_ID } from './support';

describe('partners over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('creates, reads, updates and deletes a partner', async () => {
    const created = await api.post('/api/partners', {
      name: 'Northwind',
      industry: 'Logistics',
      icpAlignment: 8,
      namedAccounts: ['Contoso', { name: 'Fabrikam', domain: 'fabrikam.com' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Northwind', industry: 'Logistics', icpAlignment: 8, version: 1 });
    expect(created.body.namedAccounts.map((a: { name: string }) => a.name)).toEqual(['Contoso', 'Fabrikam']);
    const id = created.body.id;

    const read = await api.get(`/api/partners/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, name: 'Northwind', version: 1 });

    const updated = await api.patch(`/api/partners/${id}`, { version: 1, industry: 'Freight', notes: 'met at the summit' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ industry: 'Freight', notes: 'met at the summit', version: 2 });

    const listed = await api.get('/api/partners?q=northwind');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(id);

    const deleted = await api.del(`/api/partners/${id}?version=2`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expectProblem(await api.get(`/api/partners/${id}`), 404, 'params.id');
  });

  it('refuses an update from a stale version with 409 and the current record, and history shows one change', async () => {
    const partner = await createPartner(api, { industry: 'Retail' });
    const first = await api.patch(`/api/partners/${partner.id}`, { version: 1, industry: 'Grocery' });
    expect(first.status).toBe(200);
    const stale = await api.patch(`/api/partners/${partner.id}`, { version: 1, industry: 'Fashion' });
    expectProblem(stale, 409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({ id: partner.id, industry: 'Grocery', version: 2 });

    const history = await api.get(`/api/partners/${partner.id}/history`);
    const industryChanges = history.body.items.filter((h: { field: string | null }) => h.field === 'industry');
    expect(industryChanges).toHaveLength(1);
    expect(industryChanges[0]).toMatchObject({ operation: 'update', before: 'Retail', after: 'Grocery' });
  });

  it('refuses a delete from a stale version', async () => {
    const partner = await createPartner(api);
    await api.patch(`/api/partners/${partner.id}`, { version: 1, notes: 'changed' });
    const res = await api.del(`/api/partners/${partner.id}?version=1`);
    expectProblem(res, 409);
    expect((await api.get(`/api/partners/${partner.id}`)).status).toBe(200);
  });

  it('refuses a duplicate partner name, ignoring case, naming the name field', async () => {
    await createPartner(api, { name: 'Globex Partners' });
    const res = await api.post('/api/partners', { name: 'GLOBEX partners' });
    expectProblem(res, 409, 'name');
    expect(res.body.code).toBe('DUPLICATE');
    const renamed = await createPartner(api, { name: 'Initech' });
    expectProblem(await api.patch(`/api/partners/${renamed.id}`, { version: 1, name: 'globex PARTNERS' }), 409, 'name');
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const partner = await createPartner(api, { phase: null, notes: 'start' });
    const [a, b] = await Promise.all([
      api.patch(`/api/partners/${partner.id}`, { version: 1, notes: 'from Alice' }),
      api.patch(`/api/partners/${partner.id}`, { version: 1, notes: 'from Bob' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.current).toMatchObject({ version: 2, notes: winner.body.notes });
    const history = await api.get(`/api/partners/${partner.id}/history`);
    const notesChanges = history.body.items.filter((h: { field: string | null }) => h.field === 'notes');
    expect(notesChanges).toHaveLength(1);
    expect(notesChanges[0].after).toBe(winner.body.notes);
    expect((await api.get(`/api/partners/${partner.id}`)).body).toMatchObject({ version: 2, notes: winner.body.notes });
  });

  it('answers 404 naming the id for a partner that does not exist, also for its history', async () => {
    expectProblem(await api.get(`/api/partners/${UNKNOWN_ID}`), 404, 'params.id');
    expectProblem(await api.patch(`/api/partners/${UNKNOWN_ID}`, { version: 1, notes: 'x' }), 404, 'params.id');
    expectProblem(await api.del(`/api/partners/${UNKNOWN_ID}`), 404, 'params.id');
    expectProblem(await api.get(`/api/partners/${UNKNOWN_ID}/history`), 404, 'params.id');
  });

  it('pages the partner list with a cursor', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) await createPartner(api, { name });
    const first = await api.get('/api/partners?q=page&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['Page A', 'Page B']);
    expect(first.body.total).toBe(3);
    const second = await api.get(`/api/partners?q=page&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((p: { name: string }) => p.name)).toEqual(['Page C']);
    expect(second.body.nextCursor).toBeNull();
  });
});
