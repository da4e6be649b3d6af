import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, expectProblem, startApi, type TestApi } from './support';

describe('referrals and performance over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it("records referrals and shows the funnel in the partner's performance", async () => {
    const partner = await createPartner(api, { name: 'Funnel Co' });
    const rep = await createRep(api, partner.id);
    const intro = await api.post('/api/referrals', {
      partnerId: partner.id,
      repId: rep.id,
      account: 'Acme Corp',
      introducedAt: '2026-01-05',
    });
    expect(intro.status).toBe(201);
    expect(intro.body).toMatchObject({
      partnerId: partner.id,
      repId: rep.id,
      accountName: 'Acme Corp',
      stage: 'intro',
      version: 1,
    });
    const deal = await api.post('/api/referrals', {
      partnerId: partner.id,
      account: { name: 'Beta Ltd', domain: 'beta.example' },
      introducedAt: '2026-01-10',
      stage: 'deal',
      amountMinor: 5_000_000,
      hubspotDealId: '1234',
    });
    expect(deal.status).toBe(201);
    const won = await api.post('/api/referrals', {
      partnerId: partner.id,
      introducedAt: '2026-01-12',
      stage: 'closed-won',
      amountMinor: 100,
    });
    expect(won.status).toBe(201);

    const read = await api.get(`/api/partners/${partner.id}`);
    expect(read.body.performance).toEqual({
      introsMade: 3,
      qualifiedConversations: 2,
      dealsBroughtIn: 2,
      openDeals: 1,
      closedWon: 1,
      closedLost: 0,
      pipelineValueMinor: 5_000_000,
      introToDealConversion: 2 / 3,
    });

    const moved = await api.patch(`/api/referrals/${intro.body.id}`, { version: 1, stage: 'qualified' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'qualified', version: 2 });
    expect((await api.get(`/api/partners/${partner.id}`)).body.performance.qualifiedConversations).toBe(3);

    const listed = await api.get(`/api/referrals?partnerId=${partner.id}`);
    expect(listed.body.items).toHaveLength(3);
    expect((await api.get(`/api/referrals/${deal.body.id}`)).body).toMatchObject({
      hubspotDealId: '1234',
      accountName: 'Beta Ltd',
    });

    expect((await api.del(`/api/referrals/${won.body.id}?version=1`)).status).toBe(204);
    expect((await api.get(`/api/partners/${partner.id}`)).body.performance.closedWon).toBe(0);
  });

  it('refuses a second referral linked to the same HubSpot deal, a negative amount and an unknown stage', async () => {
    const partner = await createPartner(api);
    expect(
      (await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-01-01', hubspotDealId: '777' })).status,
    ).toBe(201);
    expectProblem(
      await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-01-02', hubspotDealId: '777' }),
      409,
      'hubspotDealId',
    );
    expectProblem(
      await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-01-02', amountMinor: -5 }),
      400,
      'amountMinor',
    );
    expectProblem(
      await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-01-02', stage: 'maybe' }),
      400,
      'stage',
    );
    expectProblem(await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-13-01' }), 400, 'introducedAt');
  });

  it('manages accounts directly', async () => {
    const created = await api.post('/api/accounts', { name: 'Direct Account', domain: 'direct.example' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api.get(`/api/accounts/${id}`)).body).toMatchObject({ name: 'Direct Account', domain: 'direct.example' });
    expect((await api.get('/api/accounts?q=direct')).body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await api.patch(`/api/accounts/${id}`, { version: 1, name: 'Direct Account Inc' })).body).toMatchObject({
      name: 'Direct Account Inc',
      version: 2,
    });
    expectProblem(await api.post('/api/accounts', { name: 'Clash', domain: 'direct.example' }), 409, 'domain');
    expect((await api.del(`/api/accounts/${id}`)).status).toBe(204);
  });
});
