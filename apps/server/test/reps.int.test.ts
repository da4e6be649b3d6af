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
