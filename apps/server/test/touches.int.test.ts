import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, expectProblem, startApi, type TestApi, TODAY, UNKNOWN_ID } from './support';

describe('touches over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it("logs a touch, completes the rep's open follow-up and schedules the next at touch date + tier cadence", async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 2 });
    const open = await api.post('/api/actions', { repId: rep.id, dueDate: '2026-02-02' });
    expect(open.status).toBe(201);

    const res = await api.post('/api/touches', {
      repId: rep.id,
      kind: 'call',
      occurredAt: '2026-02-03T18:00:00Z',
      summary: 'Walked through the pilot',
    });
    expect(res.status).toBe(201);
    expect(res.body.touch).toMatchObject({
      partnerId: partner.id,
      repId: rep.id,
      kind: 'call',
      summary: 'Walked through the pilot',
    });
    // Both the rep's first follow-up (planned when it was added with a tier) and the one added by hand.
    expect(res.body.completed.map((a: { id: string }) => a.id)).toContain(open.body.id);
    expect(res.body.completed).toHaveLength(2);
    expect(res.body.completed.every((a: { status: string }) => a.status === 'done')).toBe(true);
    // Tier 2 is every 14 days, from the touch's day in Los Angeles (3 February).
    expect(res.body.next).toMatchObject({ repId: rep.id, dueDate: '2026-02-17', status: 'open', type: 'Follow-up' });

    const listed = await api.get(`/api/touches?repId=${rep.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toEqual([res.body.touch.id]);
    const partnerNow = await api.get(`/api/partners/${partner.id}`);
    expect(partnerNow.body.lastEngagementDate).toBe('2026-02-03');
  });

  it('moves a cadence date that falls on a non-working day to the next working day', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 1 });
    // Touched Thursday 29 January: Tier 1's 7 days land on Thursday 5 February, a working day.
    const weekday = await api.post('/api/touches', { repId: rep.id, kind: 'call', occurredAt: '2026-01-29T18:00:00Z' });
    expect(weekday.body.next.dueDate).toBe('2026-02-05');
    // Touched Saturday 31 January (a weekend call): 7 days later is Saturday 7 February → Monday 9 February.
    const weekend = await api.post('/api/touches', { repId: rep.id, kind: 'call', occurredAt: '2026-01-31T18:00:00Z' });
    expect(weekend.body.next.dueDate).toBe('2026-02-09');

    // A Sunday–Thursday week: the same touch now lands on Sunday 8 February.
    const settings = await api.get('/api/settings');
    expect(settings.body.workingDays).toEqual([1, 2, 3, 4, 5]);
    const changed = await api.patch('/api/settings', { version: settings.body.version, workingDays: [4, 3, 2, 1, 0] });
    expect(changed.status).toBe(200);
    expect(changed.body.workingDays).toEqual([0, 1, 2, 3, 4]);
    const again = await api.post('/api/touches', { repId: rep.id, kind: 'call', occurredAt: '2026-01-31T18:00:00Z' });
    expect(again.body.next.dueDate).toBe('2026-02-08');
    // What the Done dialog pre-fills: today (Wednesday 4 February) + 30 days for Tier 3 is Friday 6 March → Sunday 8 March.
    expect(changed.body.followUpDue['3']).toBe('2026-03-08');
    await api.patch('/api/settings', { version: changed.body.version, workingDays: [1, 2, 3, 4, 5] });
  });

  it('refuses a working week without days, or with a day twice', async () => {
    const settings = await api.get('/api/settings');
    expectProblem(await api.patch('/api/settings', { version: settings.body.version, workingDays: [] }), 400, 'workingDays');
    expectProblem(await api.patch('/api/settings', { version: settings.body.version, workingDays: [1, 1] }), 400, 'workingDays');
    expectProblem(await api.patch('/api/settings', { version: settings.body.version, workingDays: [7] }), 400, 'workingDays.0');
  });

  it('takes a follow-up date the user chose, and defaults the time to now', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 1 });
    const res = await api.post('/api/touches', {
      repId: rep.id,
      kind: 'email',
      next: { dueDate: '2026-03-01', type: 'Send deck' },
    });
    expect(res.status).toBe(201);
    expect(res.body.next).toMatchObject({ dueDate: '2026-03-01', type: 'Send deck' });
    expect((await api.get(`/api/partners/${partner.id}`)).body.lastEngagementDate).toBe(TODAY);
  });

  it('deletes a touch', async () => {
    const partner = await createPartner(api);
    const res = await api.post('/api/touches', { partnerId: partner.id, kind: 'meeting' });
    expect(res.status).toBe(201);
    expect((await api.del(`/api/touches/${res.body.touch.id}`)).status).toBe(204);
    expect((await api.get(`/api/touches?partnerId=${partner.id}`)).body.items).toHaveLength(0);
    expectProblem(await api.del(`/api/touches/${res.body.touch.id}`), 404, 'params.id');
  });

  it('refuses a touch without partner or rep, with an unknown kind, or in the future', async () => {
    const partner = await createPartner(api);
    expectProblem(await api.post('/api/touches', { kind: 'call' }), 400, 'partnerId');
    expectProblem(await api.post('/api/touches', { partnerId: partner.id, kind: 'carrier-pigeon' }), 400, 'kind');
    expectProblem(
      await api.post('/api/touches', { partnerId: partner.id, kind: 'call', occurredAt: '2026-03-01T00:00:00Z' }),
      400,
      'occurredAt',
    );
    expectProblem(await api.post('/api/touches', { partnerId: UNKNOWN_ID, kind: 'call' }), 404, 'partnerId');
    expect((await api.get(`/api/touches?partnerId=${partner.id}`)).body.items).toHaveLength(0);
  });
});
