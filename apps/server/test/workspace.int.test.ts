import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, expectProblem, startApi, type TestApi, TODAY } from './support';

describe('settings, custom fields and the dashboard over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('reads and changes the settings, refusing an unknown time zone and a stale version', async () => {
    const read = await api.get('/api/settings');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      timeZone: 'America/Los_Angeles',
      today: TODAY,
      cadences: { '1': 7, '2': 14, '3': 30, '4': 90 },
    });
    const version = read.body.version;
    expectProblem(await api.patch('/api/settings', { version, timeZone: 'Mars/Olympus' }), 400, 'timeZone');
    expectProblem(
      await api.patch('/api/settings', { version, cadences: { '1': 0, '2': 14, '3': 30, '4': 90 } }),
      400,
      'cadences.1',
    );
    const changed = await api.patch('/api/settings', { version, currency: 'EUR' });
    expect(changed.body).toMatchObject({ currency: 'EUR', version: version + 1 });
    const stale = await api.patch('/api/settings', { version, currency: 'GBP' });
    expectProblem(stale, 409);
    expect(stale.body.current).toMatchObject({ currency: 'EUR' });
  });

  it('adds a custom field, accepts values of its type on partners, and removes it', async () => {
    const created = await api.post('/api/custom-fields', {
      entity: 'partner',
      key: 'region',
      label: 'Region',
      type: 'select',
      options: ['EMEA', 'AMER'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'region', type: 'select', version: 1 });
    expect((await api.get('/api/custom-fields?entity=partner')).body.items.map((f: { key: string }) => f.key)).toContain(
      'region',
    );
    const partner = await createPartner(api, { custom: { region: 'EMEA' } });
    expect(partner.custom).toEqual({ region: 'EMEA' });
    expectProblem(await api.post('/api/partners', { name: 'Wrong Region', custom: { region: 'Mars' } }), 400, 'custom.region');
    expectProblem(await api.post('/api/partners', { name: 'No Such Field', custom: { colour: 'red' } }), 400, 'custom.colour');
    const relabelled = await api.patch(`/api/custom-fields/${created.body.id}`, { version: 1, label: 'Sales region' });
    expect(relabelled.body).toMatchObject({ label: 'Sales region', version: 2 });
    expectProblem(
      await api.post('/api/custom-fields', { entity: 'partner', key: 'region', label: 'Again', type: 'text' }),
      409,
      'key',
    );
    expect((await api.del(`/api/custom-fields/${created.body.id}`)).status).toBe(204);
  });

  it('shows the dashboard numbers', async () => {
    const partner = await createPartner(api);
    await createRep(api, partner.id, { engagementTier: 1 });
    await createRep(api, partner.id);
    const res = await api.get('/api/dashboard');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      today: TODAY,
      partnerCount: expect.any(Number),
      repCount: expect.any(Number),
      tierDistribution: { '1': expect.any(Number), unassigned: expect.any(Number) },
      plansByStatus: { none: expect.any(Number) },
      funnel: { introsMade: expect.any(Number) },
      benchmarks: { qualifiedConvosPer90Days: { target: expect.any(Number) } },
    });
    expect(res.body.repCount).toBeGreaterThanOrEqual(2);
    expect(res.body.tierDistribution['1']).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(res.body.pipelineByPartner)).toBe(true);
  });
});
