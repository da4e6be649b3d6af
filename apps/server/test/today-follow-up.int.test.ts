import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, startApi, type TestApi, TODAY } from './support';

// Wednesday 4 February 2026 in Los Angeles (support.ts): the Today items carry the follow-up Done would
// schedule, so the web shows the server's date and computes no cadence (issue 13).
describe('the follow-up date Today suggests', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  const todayItem = async (id: string) => {
    const res = await api.get('/api/today');
    expect(res.status).toBe(200);
    return res.body.dueTodayItems.find((a: { id: string }) => a.id === id);
  };

  it('is today + the tier cadence for a Tier 1 rep, and the untiered tier’s for a rep without a tier', async () => {
    const partner = await createPartner(api);
    const tier1 = await createRep(api, partner.id, { engagementTier: 1 });
    const untiered = await createRep(api, partner.id, { engagementTier: null });
    const forTier1 = await api.post('/api/actions', { repId: tier1.id, dueDate: TODAY });
    const forUntiered = await api.post('/api/actions', { repId: untiered.id, dueDate: TODAY });
    const forPartner = await api.post('/api/actions', { partnerId: partner.id, dueDate: TODAY });

    expect(await todayItem(forTier1.body.id)).toMatchObject({
      suggestedNextDueDate: '2026-02-11',
      cadenceDays: 7,
      cadenceTier: 1,
    });
    expect(await todayItem(forUntiered.body.id)).toMatchObject({
      suggestedNextDueDate: '2026-03-06',
      cadenceDays: 30,
      cadenceTier: 3,
    });
    // Without a rep Done schedules nothing unless a date is picked.
    expect(await todayItem(forPartner.body.id)).toMatchObject({
      suggestedNextDueDate: null,
      cadenceDays: null,
      cadenceTier: null,
    });
    // The rep's own DTO carries the same date, for the dialogs that open on a partner or rep.
    expect((await api.get(`/api/reps/${untiered.id}`)).body).toMatchObject({
      suggestedNextDueDate: '2026-03-06',
      cadenceDays: 30,
      cadenceTier: 3,
    });
  });

  it('moves a cadence date on a weekend to the next working day, the date Done then schedules', async () => {
    const settings = await api.get('/api/settings');
    const changed = await api.patch('/api/settings', {
      version: settings.body.version,
      cadences: { ...settings.body.cadences, 1: 10 },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id, { engagementTier: 1 });
    const action = await api.post('/api/actions', { repId: rep.id, dueDate: TODAY });

    // Today + 10 is Saturday 14 February; Monday 16 is the next working day.
    const item = await todayItem(action.body.id);
    expect(item.suggestedNextDueDate).toBe('2026-02-16');
    const done = await api.post(`/api/actions/${action.body.id}/complete`, { version: action.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.next.dueDate).toBe(item.suggestedNextDueDate);
  });
});
