import { reps } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, expectProblem, startApi, type TestApi, UNKNOWN_ID } from './support';

describe('reps over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('creates, reads, lists, updates and deletes a rep', async () => {
    const partner = await createPartner(api, { name: 'Rep Home' });
    const created = await api.post('/api/reps', {
      partnerId: partner.id,
      name: 'Jordan Lee',
      email: 'jordan@rephome.com',
      engagementTier: 2,
      qualityScore: 8,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      partnerId: partner.id,
      partnerName: 'Rep Home',
      name: 'Jordan Lee',
      engagementTier: 2,
      version: 1,
    });
    const id = created.body.id;

    expect((await api.get(`/api/reps/${id}`)).body).toMatchObject({ id, email: 'jordan@rephome.com' });
    const listed = await api.get(`/api/reps?partnerId=${partner.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([id]);

    const updated = await api.patch(`/api/reps/${id}`, { version: 1, engagementTier: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ engagementTier: 1, version: 2 });
    expect((await api.get(`/api/partners/${partner.id}`)).body.rollup.repsPerTier).toMatchObject({ '1': 1 });

    expectProblem(await api.patch(`/api/reps/${id}`, { version: 1, engagementTier: 3 }), 409);
    expect((await api.del(`/api/reps/${id}?version=2`)).status).toBe(204);
    expectProblem(await api.get(`/api/reps/${id}`), 404, 'params.id');
  });

  it('gives a new tiered rep its first follow-up at the tier cadence from today, on a working day', async () => {
    const partner = await createPartner(api);
    // Today is Wednesday 4 February; Tier 1 is every 7 days.
    const tier1 = await createRep(api, partner.id, { engagementTier: 1 });
    expect(tier1.nextAction).toMatchObject({ dueDate: '2026-02-11', type: 'Follow-up' });
    // Tier 3 is every 30 days: Friday 6 March.
    const tier3 = await createRep(api, partner.id, { engagementTier: 3 });
    expect(tier3.nextAction).toMatchObject({ dueDate: '2026-03-06' });
    // Without a tier, nothing is planned: the user has not said how close the rep is.
    const untiered = await createRep(api, partner.id);
    expect(untiered.nextAction).toBeNull();
    const actions = await api.get(`/api/actions?partnerId=${partner.id}&status=open`);
    expect(actions.body.items).toHaveLength(2);
    const page = await api.get(`/api/partners/${partner.id}`);
    expect(page.body.rollup.nextAction).toMatchObject({ dueDate: '2026-02-11', repName: tier1.name });
  });

  it('plans a follow-up when a rep is given a tier or raised, from its last touch, unless one is open', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id);
    // A touch with a partner-only follow-up skipped: the rep has history but nothing planned.
    const touch = await api.post('/api/touches', {
      repId: rep.id,
      kind: 'call',
      occurredAt: '2026-02-02T18:00:00Z',
      next: { skip: true },
    });
    expect(touch.body.next).toBeNull();
    const raised = await api.patch(`/api/reps/${rep.id}`, { version: rep.version, engagementTier: 1 });
    expect(raised.status).toBe(200);
    // Monday 2 February + 7 days.
    expect(raised.body.nextAction).toMatchObject({ dueDate: '2026-02-09', type: 'Follow-up' });
    // Raised again with a follow-up already open: nothing more is planned.
    const again = await api.patch(`/api/reps/${rep.id}`, { version: raised.body.version, engagementTier: 2 });
    const lowered = await api.patch(`/api/reps/${rep.id}`, { version: again.body.version, engagementTier: 1 });
    expect(lowered.status).toBe(200);
    const open = await api.get(`/api/actions?repId=${rep.id}&status=open`);
    expect(open.body.items).toHaveLength(1);
  });

  it('refuses a tier outside 1–4 and a second rep of the same name at one partner', async () => {
    const partner = await createPartner(api);
    expectProblem(await api.post('/api/reps', { partnerId: partner.id, name: 'Sam', engagementTier: 5 }), 400, 'engagementTier');
    await createRep(api, partner.id, { name: 'Sam' });
    expectProblem(await api.post('/api/reps', { partnerId: partner.id, name: 'Sam' }), 409, 'name');
    expectProblem(await api.post('/api/reps', { partnerId: partner.id, name: 'Bad Mail', email: 'not-an-email' }), 400, 'email');
  });

  it('refuses a rep of a partner that does not exist, naming partnerId', async () => {
    expectProblem(await api.post('/api/reps', { partnerId: UNKNOWN_ID, name: 'Orphan' }), 404, 'partnerId');
  });
});

// Issue 14: "a rep added seconds ago is Suggested: Tier 4 — no touch in the last 90 days".
describe('the suggested tier of a rep without history', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('is none while the rep is younger than the 90-day touch window, and tier 4 after it', async () => {
    const partner = await createPartner(api);
    const rep = await createRep(api, partner.id);
    expect(rep).toMatchObject({ suggestedTier: null, suggestedTierReason: null });
    // Added 91 days before the tests' today (4 February 2026), never touched since.
    await api.database.db
      .update(reps)
      .set({ createdAt: new Date('2025-11-05T17:00:00Z') })
      .where(eq(reps.id, rep.id));
    expect((await api.get(`/api/reps/${rep.id}`)).body).toMatchObject({
      suggestedTier: 4,
      suggestedTierReason: 'no touch in the last 90 days',
    });
    await api.database.db
      .update(reps)
      .set({ createdAt: new Date('2025-11-06T17:00:00Z') })
      .where(eq(reps.id, rep.id));
    expect((await api.get(`/api/reps/${rep.id}`)).body).toMatchObject({ suggestedTier: null });
  });
});
