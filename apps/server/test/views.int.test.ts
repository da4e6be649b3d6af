import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, expectProblem, startApi, type TestApi } from './support';

describe('views over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('lists the built-in views by their ids', async () => {
    const res = await api.get('/api/views');
    expect(res.status).toBe(200);
    const builtIn = res.body.items.filter((v: { builtIn: boolean }) => v.builtIn).map((v: { id: string }) => v.id);
    expect(builtIn).toEqual(
      expect.arrayContaining(['today', 'strategic', 'tier-1', 'needs-attention', 'high-performance', 'this-weeks-review']),
    );
    expect((await api.get('/api/views/needs-attention')).body).toMatchObject({ id: 'needs-attention', builtIn: true });
  });

  it('creates, reads, changes and deletes a saved view', async () => {
    const created = await api.post('/api/views', {
      name: 'My pipeline',
      definition: { sort: [{ field: 'pipelineValueMinor', dir: 'desc' }], columns: ['name', 'pipelineValueMinor'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'My pipeline', builtIn: false, version: 1 });
    const id = created.body.id;
    expect((await api.get('/api/views')).body.items.map((v: { id: string }) => v.id)).toContain(id);
    expect((await api.get(`/api/views/${id}`)).body.definition.columns).toEqual(['name', 'pipelineValueMinor']);
    const renamed = await api.patch(`/api/views/${id}`, { version: 1, name: 'Pipeline first' });
    expect(renamed.body).toMatchObject({ name: 'Pipeline first', version: 2 });
    expectProblem(await api.post('/api/views', { name: 'Pipeline first', definition: {} }), 409, 'name');
    expectProblem(
      await api.post('/api/views', { name: 'Bad column', definition: { columns: ['noSuchColumn'] } }),
      400,
      'definition.columns.0',
    );
    expect((await api.del(`/api/views/${id}?version=2`)).status).toBe(204);
    expectProblem(await api.get(`/api/views/${id}`), 404, 'params.id');
  });

  it('refuses to change a built-in view', async () => {
    const res = await api.patch('/api/views/needs-attention', { version: 1, name: 'Mine now' });
    expectProblem(res, 403);
    expect(res.body.code).toBe('NOT_ALLOWED');
  });

  it('filters the partner list by a built-in view', async () => {
    const neglected = await createPartner(api, { name: 'Neglected Partner' });
    const res = await api.get('/api/partners?view=needs-attention');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ today: '2026-02-04', total: expect.any(Number) });
    expect(Array.isArray(res.body.items)).toBe(true);
    const all = await api.get('/api/partners?limit=500');
    expect(res.body.total).toBeLessThanOrEqual(all.body.total);
    expect(all.body.items.map((p: { id: string }) => p.id)).toContain(neglected.id);
  });

  it('finds a view by its name, in any letter case, as people type it (`--view "Marco\'s partners"`)', async () => {
    await createPartner(api, { name: 'Marco Partner One', owner: 'Marco' });
    await createPartner(api, { name: 'Someone Else Partner', owner: 'Dana' });
    const saved = await api.post('/api/views', {
      name: "Marco's partners",
      definition: { filter: { field: 'owner', op: 'eq', value: 'Marco' } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const byId = await api.get(`/api/partners?view=${saved.body.id}`);
    const byName = await api.get(`/api/partners?view=${encodeURIComponent("marco's PARTNERS")}`);
    expect(byName.status, JSON.stringify(byName.body)).toBe(200);
    expect(byName.body.items.map((p: { name: string }) => p.name)).toEqual(['Marco Partner One']);
    expect(byName.body.items).toEqual(byId.body.items);
    const builtInByName = await api.get('/api/partners?view=Needs%20attention');
    expect(builtInByName.body.total).toBe((await api.get('/api/partners?view=needs-attention')).body.total);
    expectProblem(await api.get('/api/partners?view=No%20such%20view'), 404, 'query.view');
  });
});
