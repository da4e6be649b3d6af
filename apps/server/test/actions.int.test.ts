import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, expectProblem, startApi, type TestApi, TODAY } from './support';

describe('actions and the Today list over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('lists overdue and due-today actions, oldest first, in the workspace time zone', async () => {
    const partner = await createPartner(api, { name: 'Today Partner' });
    const rep = await createRep(api, partner.id, { name: 'Riley', engagementTier: 3 });
    const dueToday = await api.post('/api/actions', { repId: rep.id, dueDate: TODAY, type: 'Intro Request' });
    const overdue = await api.post('/api/actions', { partnerId: partner.id, dueDate: '2026-01-20', type: 'Deal Support' });
    const older = await api.post('/api/actions', { partnerId: partner.id, dueDate: '2026-01-10' });
    // 5 February has already begun in UTC (17:00Z) but not in Los Angeles, where it is still the 4th.
    const tomorrow = await api.post('/api/actions', { partnerId: partner.id, dueDate: '2026-02-05' });
    for (const r of [dueToday, overdue, older, tomorrow]) expect(r.status, JSON.stringify(r.body)).toBe(201);

    const res = await api.get('/api/today');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ today: TODAY, timeZone: 'America/Los_Angeles', overdue: 2, dueToday: 1 });
    expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([older.body.id, overdue.body.id, dueToday.body.id]);
    expect(res.body.items[0]).toMatchObject({ partnerName: 'Today Partner', daysOverdue: 25 });
    expect(res.body.items[2]).toMatchObject({ repName: 'Riley', daysOverdue: 0 });
    expect(res.body.upcoming.map((a: { id: string }) => a.id)).toContain(tomorrow.body.id);
  });

  it('completes an action and schedules the next at today + the rep cadence', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 1 });
    const action = await api.post('/api/actions', { repId: rep.id, dueDate: '2026-02-01' });
    const res = await api.post(`/api/actions/${action.body.id}/complete`, { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.action).toMatchObject({ id: action.body.id, status: 'done' });
    expect(res.body.next).toMatchObject({ repId: rep.id, dueDate: '2026-02-11', status: 'open' });
    expectProblem(await api.post(`/api/actions/${action.body.id}/complete`, {}), 409);
  });

  it('logs what happened with Done, in the same step: the touch, its rep’s last contact, the next follow-up', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 2 });
    const action = await api.post('/api/actions', { repId: rep.id, dueDate: '2026-02-02', type: 'Intro Request' });
    const res = await api.post(`/api/actions/${action.body.id}/complete`, {
      version: 1,
      touch: { kind: 'call', summary: 'Agreed to intro us to Globex' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.touch).toMatchObject({ repId: rep.id, partnerId: partner.id, kind: 'call', direction: 'outbound' });
    expect(res.body.touch.summary).toBe('Agreed to intro us to Globex');
    const touches = await api.get(`/api/touches?repId=${rep.id}`);
    expect(touches.body.items.map((t: { id: string }) => t.id)).toEqual([res.body.touch.id]);
    expect((await api.get(`/api/reps/${rep.id}`)).body.lastContactDate).toBe(TODAY);
    expect((await api.get(`/api/partners/${partner.id}`)).body.lastEngagementDate).toBe(TODAY);
    // A refused touch refuses the whole step: the action stays open.
    const other = await api.post('/api/actions', { repId: rep.id, dueDate: '2026-02-03' });
    expectProblem(
      await api.post(`/api/actions/${other.body.id}/complete`, { touch: { kind: 'carrier pigeon' } }),
      400,
      'touch.kind',
    );
    expect((await api.get(`/api/actions/${other.body.id}`)).body.status).toBe('open');
  });

  it('completes an action with no body and no follow-up when asked to skip it', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 2 });
    const a = await api.post('/api/actions', { repId: rep.id, dueDate: TODAY });
    const skipped = await api.post(`/api/actions/${a.body.id}/complete`, { next: { skip: true } });
    expect(skipped.status).toBe(200);
    expect(skipped.body.next).toBeNull();
    const b = await api.post('/api/actions', { partnerId: partner.id, dueDate: TODAY });
    const noBody = await api.request('POST', `/api/actions/${b.body.id}/complete`);
    expect(noBody.status, JSON.stringify(noBody.body)).toBe(200);
    expect(noBody.body.action.status).toBe('done');
    expectProblem(await api.patch(`/api/actions/${b.body.id}`, { version: 2, type: 'Lunch' }), 400, 'type');
  });

  it('keeps what is due today apart from the overdue backlog, and reschedules the backlog in one step', async () => {
    const fresh = await startApi();
    try {
      const partner = await createPartner(fresh);
      for (const due of ['2023-01-10', '2023-01-11', '2025-12-01', '2026-01-30', '2026-02-03']) {
        await fresh.post('/api/actions', { partnerId: partner.id, dueDate: due, type: 'Follow-up' });
      }
      const dueToday = await fresh.post('/api/actions', { partnerId: partner.id, dueDate: TODAY });
      const onlyOverdue = await fresh.get('/api/today?due=overdue&limit=2');
      expect(onlyOverdue.body.items.map((a: { dueDate: string }) => a.dueDate)).toEqual(['2023-01-10', '2023-01-11']);
      expect(onlyOverdue.body.dueTodayItems.map((a: { id: string }) => a.id)).toEqual([dueToday.body.id]);
      expect(onlyOverdue.body).toMatchObject({ overdue: 5, dueToday: 1 });

      expectProblem(await fresh.post('/api/actions/reschedule-overdue', { startDate: '2026-02-03' }), 400, 'startDate');
      expectProblem(await fresh.post('/api/actions/reschedule-overdue', { startDate: TODAY, perDay: 0 }), 400, 'perDay');
      // From Thursday 5 February, 2 a working day: Thu, Thu, Fri, Fri, then Monday 9.
      const moved = await fresh.post('/api/actions/reschedule-overdue', { startDate: '2026-02-05', perDay: 2 });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body).toEqual({ moved: 5, firstDate: '2026-02-05', lastDate: '2026-02-09' });
      const after = await fresh.get('/api/today');
      expect(after.body).toMatchObject({ overdue: 0, dueToday: 1 });
      const open = await fresh.get(`/api/actions?partnerId=${partner.id}&status=open`);
      const dates = open.body.items.map((a: { dueDate: string }) => a.dueDate).sort();
      expect(dates).toEqual(['2026-02-04', '2026-02-05', '2026-02-05', '2026-02-06', '2026-02-06', '2026-02-09']);
      // Each move is in the partner's history.
      const history = await fresh.get(`/api/partners/${partner.id}/history?limit=100`);
      const moves = history.body.items.filter(
        (h: { entityType: string; operation: string }) => h.entityType === 'action' && h.operation === 'update',
      );
      expect(moves).toHaveLength(5);
      // Nothing overdue: nothing moves.
      const none = await fresh.post('/api/actions/reschedule-overdue', { startDate: TODAY });
      expect(none.body).toEqual({ moved: 0, firstDate: null, lastDate: null });
    } finally {
      await fresh.close();
    }
  });

  it('snoozes an action by days or to a date, and refuses a date in the past', async () => {
    const partner = await createPartner(api);
    const action = await api.post('/api/actions', { partnerId: partner.id, dueDate: '2026-02-01' });
    const byDays = await api.post(`/api/actions/${action.body.id}/snooze`, { days: 3 });
    expect(byDays.status).toBe(200);
    // Wednesday + 3 days is Saturday: the snooze moves on to Monday, the next working day.
    expect(byDays.body).toMatchObject({ dueDate: '2026-02-09', version: 2 });
    const toDate = await api.post(`/api/actions/${action.body.id}/snooze`, { version: 2, until: '2026-02-20' });
    expect(toDate.body).toMatchObject({ dueDate: '2026-02-20', version: 3 });
    expectProblem(await api.post(`/api/actions/${action.body.id}/snooze`, { until: '2026-01-01' }), 400, 'until');
    expectProblem(await api.post(`/api/actions/${action.body.id}/snooze`, {}), 400, 'until');
    expectProblem(await api.post(`/api/actions/${action.body.id}/snooze`, { until: '2026-02-30' }), 400, 'until');
  });

  it('reads, changes, lists and deletes an action', async () => {
    const partner = await createPartner(api);
    const action = await api.post('/api/actions', { partnerId: partner.id, dueDate: '2026-02-10', notes: 'bring slides' });
    const id = action.body.id;
    expect((await api.get(`/api/actions/${id}`)).body).toMatchObject({ notes: 'bring slides' });
    const changed = await api.patch(`/api/actions/${id}`, { version: 1, type: 'Co-Marketing' });
    expect(changed.body).toMatchObject({ type: 'Co-Marketing', version: 2 });
    const listed = await api.get(`/api/actions?partnerId=${partner.id}&status=open`);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await api.del(`/api/actions/${id}?version=2`)).status).toBe(204);
    expectProblem(await api.get(`/api/actions/${id}`), 404, 'params.id');
  });
});
