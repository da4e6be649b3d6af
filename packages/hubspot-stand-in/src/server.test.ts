import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgram } from './seed.ts';
import { type HubSpotStandIn, startHubSpotStandIn } from './server.ts';

// Raw HTTP against the stand-in: the behaviours a sync relies on that the client tests do not pin down.
let standIn: HubSpotStandIn;
let companyIds: string[];

beforeAll(async () => {
  standIn = await startHubSpotStandIn({
    rateLimit: { max: 1_000, intervalMs: 10_000 },
    searchRateLimit: { max: 1_000, intervalMs: 1_000 },
  });
  companyIds = seedProgram(standIn.store, { companies: 30, contactsPerCompany: 1, deals: 0 }).companyIds;
});
afterAll(async () => {
  // Every case went through the stand-in's own error handling, none hit a bug in it.
  expect(standIn.stats.internalErrors).toBe(0);
  await standIn?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read HubSpot's JSON shapes field by field
type Json = any;

async function get(path: string): Promise<{ status: number; json: Json; headers: Headers }> {
  const response = await fetch(`${standIn.url}${path}`, { headers: { authorization: `Bearer ${standIn.accessToken}` } });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

async function send(method: string, path: string, body: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${standIn.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${standIn.accessToken}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

describe('listing', () => {
  it('resumes from a cursor without duplicates or loss while records are archived and added', async () => {
    const first = await get('/crm/v3/objects/companies?limit=10');
    const after = first.json.paging.next.after;
    // Between pages: the record the cursor points at is archived and a new one is created.
    standIn.store.archive('companies', after);
    const added = standIn.store.create('companies', { name: 'Late arrival' }).id;
    const seen = first.json.results.map((r: { id: string }) => r.id);
    let cursor: string | undefined = after;
    while (cursor) {
      const page = await get(`/crm/v3/objects/companies?limit=10&after=${cursor}`);
      seen.push(...page.json.results.map((r: { id: string }) => r.id));
      cursor = page.json.paging?.next?.after;
    }
    const expected = [...companyIds.filter((id) => id !== after), added];
    expect(seen).toEqual(expected);
    const archived = await get('/crm/v3/objects/companies?archived=true');
    expect(archived.json.results.map((r: { id: string }) => r.id)).toEqual([after]);
  });

  it('accepts properties repeated or as a comma list, ignores unknown ones and caps limit at 100', async () => {
    const repeated = await get('/crm/v3/objects/companies?limit=500&properties=name&properties=industry,unknown_prop');
    expect(repeated.json.results).toHaveLength(30);
    expect(Object.keys(repeated.json.results[0].properties).sort()).toEqual(
      ['createdate', 'hs_lastmodifieddate', 'hs_object_id', 'industry', 'name'].sort(),
    );
    const capped = await get(`/crm/v3/objects/contacts?limit=500`);
    expect(capped.json.results.length).toBeLessThanOrEqual(100);
  });

  it('returns null for a requested property with no value, and every value as a string', async () => {
    const id = standIn.store.create('contacts', { email: 'n@x.io', rep_quality_score: 7 }).id;
    const { json } = await get(`/crm/v3/objects/contacts/${id}?properties=rep_quality_score,engagement_tier`);
    expect(json.properties.rep_quality_score).toBe('7');
    expect(json.properties.engagement_tier).toBeNull();
  });
});

describe('faults and limits', () => {
  it('sends the rate-limit headers on successful requests', async () => {
    const { headers } = await get('/crm/v3/objects/companies?limit=1');
    expect(headers.get('x-hubspot-ratelimit-max')).toBe('1000');
    expect(Number(headers.get('x-hubspot-ratelimit-remaining'))).toBeLessThan(1000);
  });

  it('fails the third matching request when told to skip two, and touches nothing', async () => {
    standIn.resetStats();
    standIn.injectFaults({ status: 503, count: 1, skip: 2, match: (method) => method === 'PATCH' });
    const id = companyIds[2]!;
    const statuses: number[] = [];
    for (const industry of ['A', 'B', 'C', 'D']) {
      statuses.push((await send('PATCH', `/crm/v3/objects/companies/${id}`, { properties: { industry } })).status);
      if (industry === 'C') expect(standIn.store.get('companies', id)!.properties.get('industry')).toBe('B');
    }
    expect(statuses).toEqual([200, 200, 503, 200]);
    expect(standIn.stats.faults).toBe(1);
    expect(standIn.stats.byRoute['PATCH /crm/v3/objects/{objectType}/{objectId}']).toBe(4);
  });

  it('applies the write but loses the response with afterHandling', async () => {
    standIn.injectFaults({ status: 502, afterHandling: true });
    const { status } = await send('POST', '/crm/v3/objects/companies', { properties: { name: 'Ghost write' } });
    expect(status).toBe(502);
    expect([...standIn.store.all('companies')].some((c) => c.properties.get('name') === 'Ghost write')).toBe(true);
  });

  it('answers an unknown route with a JSON 404 and a body that is not JSON with a 400', async () => {
    const unknown = await get('/crm/v3/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.json.category).toBe('OBJECT_NOT_FOUND');
    const bad = await send('POST', '/crm/v3/objects/companies', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json.category).toBe('VALIDATION_ERROR');
  });
});

describe('latency', () => {
  it('holds every response back for at least latencyMs', async () => {
    const slow = await startHubSpotStandIn({ latencyMs: 300, store: standIn.store });
    try {
      const started = performance.now();
      const response = await fetch(`${slow.url}/crm/v3/objects/companies?limit=1`, {
        headers: { authorization: `Bearer ${slow.accessToken}` },
      });
      // A lower bound only (a timer never fires early, whatever the machine's load); 1 ms for rounding.
      expect(performance.now() - started).toBeGreaterThanOrEqual(299);
      expect(response.status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});

describe('writes', () => {
  it('names each invalid property in a 400 and writes nothing from a rejected batch', async () => {
    const before = standIn.store.count('contacts');
    const { status, json } = await send('POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'ok@x.io' } }, { properties: { engagement_tier: '9', no_such: 'x' } }],
    });
    expect(status).toBe(400);
    expect(json.errors.map((e: { code: string }) => e.code)).toEqual(['INVALID_OPTION', 'PROPERTY_DOESNT_EXIST']);
    expect(standIn.store.count('contacts')).toBe(before);
  });

  it('patches by a unique idProperty and advances lastmodifieddate on the store clock', async () => {
    standIn.store.setNow(Date.UTC(2026, 10, 9, 8, 30));
    const { status, json } = await send('PATCH', '/crm/v3/objects/contacts/n@x.io?idProperty=email', {
      properties: { engagement_tier: '3' },
    });
    expect(status).toBe(200);
    expect(json.properties.lastmodifieddate).toBe('2026-11-09T08:30:00.000Z');
    expect(json.updatedAt).toBe('2026-11-09T08:30:00.000Z');
  });

  it("keeps property history newest first, marking HubSpot users' edits CRM_UI and API writes INTEGRATION", async () => {
    standIn.store.setNow(Date.UTC(2026, 10, 10, 9, 0));
    const id = standIn.store.create('contacts', { email: 'h@x.io', engagement_tier: '3' }).id;
    standIn.store.setNow(Date.UTC(2026, 10, 11, 9, 0));
    await send('PATCH', `/crm/v3/objects/contacts/${id}`, { properties: { engagement_tier: '1' } });
    const { json } = await get(`/crm/v3/objects/contacts/${id}?propertiesWithHistory=engagement_tier`);
    expect(json.propertiesWithHistory.engagement_tier).toEqual([
      { value: '1', timestamp: '2026-11-11T09:00:00.000Z', sourceType: 'INTEGRATION' },
      { value: '3', timestamp: '2026-11-10T09:00:00.000Z', sourceType: 'CRM_UI' },
    ]);
  });

  it('creates a record with associations given by type id', async () => {
    const company = companyIds[4]!;
    const { status, json } = await send('POST', '/crm/v3/objects/0-3', {
      properties: { dealname: 'With company', amount: 5000 },
      associations: [{ to: { id: company }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }] }],
    });
    expect(status).toBe(201);
    expect(json.properties.amount).toBe('5000');
    const read = await get(`/crm/v3/objects/deals/${json.id}?associations=companies`);
    expect(read.json.associations.companies.results).toEqual([{ id: company, type: 'deal_to_company_unlabeled' }]);
  });
});
