import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, expectProblem, startApi, type TestApi, TODAY, UNKNOWN_ID } from './support';

describe('90-day plans over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('creates a plan, and a second one closes the first into history', async () => {
    const partner = await createPartner(api);
    const first = await api.post('/api/plans', { partnerId: partner.id, goal: 'Three qualified conversations' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      partnerId: partner.id,
      startDate: TODAY,
      endDate: '2026-05-05',
      target: 3,
      isCurrent: true,
      closedAt: null,
    });

    const second = await api.post('/api/plans', {
      partnerId: partner.id,
      goal: 'Two deals',
      metric: 'deals',
      target: 2,
      startDate: '2026-02-10',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ isCurrent: true, metric: 'deals' });

    const list = await api.get(`/api/plans?partnerId=${partner.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const closed = list.body.items.find((p: { id: string }) => p.id === first.body.id);
    expect(closed).toMatchObject({ isCurrent: false, closedAt: expect.any(String), status: expect.any(String) });
    expect(list.body.items.filter((p: { isCurrent: boolean }) => p.isCurrent).map((p: { id: string }) => p.id)).toEqual([
      second.body.id,
    ]);

    const history = await api.get(`/api/partners/${partner.id}/history`);
    const planChanges = history.body.items.filter(
      (h: { entityType: string; entityId: string }) => h.entityType === 'plan' && h.entityId === first.body.id,
    );
    expect(planChanges.some((h: { field: string | null }) => h.field === 'isCurrent')).toBe(true);
  });

  it('reads, changes and deletes a plan', async () => {
    const partner = await createPartner(api);
    const plan = await api.post('/api/plans', { partnerId: partner.id, goal: 'Intros' });
    const id = plan.body.id;
    expect((await api.get(`/api/plans/${id}`)).body).toMatchObject({ goal: 'Intros' });
    const changed = await api.patch(`/api/plans/${id}`, { version: 1, target: 5, status: 'at-risk' });
    expect(changed.body).toMatchObject({ target: 5, status: 'at-risk', effectiveStatus: 'at-risk', version: 2 });
    expectProblem(await api.patch(`/api/plans/${id}`, { version: 2, endDate: '2026-01-01' }), 400, 'endDate');
    expect((await api.del(`/api/plans/${id}?version=2`)).status).toBe(204);
    expectProblem(await api.get(`/api/plans/${id}`), 404, 'params.id');
  });

  it('refuses a plan for a partner that does not exist, and a list without partnerId', async () => {
    expectProblem(await api.post('/api/plans', { partnerId: UNKNOWN_ID, goal: 'x' }), 404, 'partnerId');
    expectProblem(await api.get('/api/plans'), 400, 'query.partnerId');
    expectProblem(await api.post('/api/plans', { partnerId: UNKNOWN_ID, goal: 'x', target: 0 }), 400, 'target');
  });
});
