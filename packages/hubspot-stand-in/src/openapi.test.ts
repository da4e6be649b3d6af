import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDoc, OpenApiValidator } from './openapi-validator.ts';
import { seedProgram } from './seed.ts';
import { type HubSpotStandIn, startHubSpotStandIn } from './server.ts';

// Every endpoint's success and error responses, checked against HubSpot's OpenAPI documents.
interface Case {
  name: string;
  doc: OpenApiDoc;
  /** The operation's path as written in the document. */
  op: string;
  method: string;
  /** The URL actually requested (ids filled in); a function so it can use seeded ids. */
  url: () => string;
  body?: () => unknown;
  status: number;
  token?: string;
  server?: 'main' | 'limited';
}

let main: HubSpotStandIn;
let limited: HubSpotStandIn;
let validator: OpenApiValidator;
const ids = { company: '', company2: '', contact: '', deal: '', lonelyDeal: '' };

beforeAll(async () => {
  validator = new OpenApiValidator();
  main = await startHubSpotStandIn();
  const seeded = seedProgram(main.store, { companies: 3, contactsPerCompany: 2, deals: 4 });
  ids.company = seeded.companyIds[0]!;
  ids.company2 = seeded.companyIds[1]!;
  ids.contact = seeded.repIdsByCompany[0]![0]!;
  ids.deal = seeded.dealIds[0]!;
  ids.lonelyDeal = main.store.create('deals', { dealname: 'No associations' }).id;
  limited = await startHubSpotStandIn({
    rateLimit: { max: 1, intervalMs: 60_000 },
    searchRateLimit: { max: 1, intervalMs: 60_000 },
  });
});
afterAll(async () => {
  await main?.close();
  await limited?.close();
});

const C = '/crm/v3/objects/companies';
const P = '/crm/v3/properties/{objectType}';
const A4 = '/crm/v4/objects/{objectType}/{objectId}/associations';
const AB = '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch';
const unique = (() => {
  let n = 0;
  return () => `p${Date.now().toString(36)}_${++n}`;
})();

const cases: Case[] = [
  // objects: companies
  {
    name: 'list a page',
    doc: 'companies',
    op: C,
    method: 'GET',
    url: () => `${C}?limit=2&properties=name,domain&associations=contacts`,
    status: 200,
  },
  { name: 'list archived', doc: 'companies', op: C, method: 'GET', url: () => `${C}?archived=true`, status: 200 },
  {
    name: 'get by id',
    doc: 'companies',
    op: `${C}/{companyId}`,
    method: 'GET',
    url: () => `${C}/${ids.company}?associations=deals`,
    status: 200,
  },
  { name: 'get a missing id', doc: 'companies', op: `${C}/{companyId}`, method: 'GET', url: () => `${C}/1`, status: 404 },
  {
    name: 'create',
    doc: 'companies',
    op: C,
    method: 'POST',
    url: () => C,
    body: () => ({ properties: { name: 'Acme', domain: 'acme.io' } }),
    status: 201,
  },
  {
    name: 'create with an unknown property',
    doc: 'companies',
    op: C,
    method: 'POST',
    url: () => C,
    body: () => ({ properties: { nope: 'x' } }),
    status: 400,
  },
  {
    name: 'patch',
    doc: 'companies',
    op: `${C}/{companyId}`,
    method: 'PATCH',
    url: () => `${C}/${ids.company2}`,
    body: () => ({ properties: { industry: 'Data' } }),
    status: 200,
  },
  {
    name: 'patch a missing id',
    doc: 'companies',
    op: `${C}/{companyId}`,
    method: 'PATCH',
    url: () => `${C}/1`,
    body: () => ({ properties: {} }),
    status: 404,
  },
  {
    name: 'batch read',
    doc: 'companies',
    op: `${C}/batch/read`,
    method: 'POST',
    url: () => `${C}/batch/read`,
    body: () => ({ inputs: [{ id: ids.company }], properties: ['name'] }),
    status: 200,
  },
  {
    name: 'batch read with a missing id',
    doc: 'companies',
    op: `${C}/batch/read`,
    method: 'POST',
    url: () => `${C}/batch/read`,
    body: () => ({ inputs: [{ id: ids.company }, { id: '1' }], properties: [] }),
    status: 207,
  },
  {
    name: 'batch create',
    doc: 'companies',
    op: `${C}/batch/create`,
    method: 'POST',
    url: () => `${C}/batch/create`,
    body: () => ({
      inputs: [
        { properties: { name: 'B1' } },
        {
          properties: { name: 'B2' },
          associations: [
            { to: { id: ids.contact }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 280 }] },
          ],
        },
      ],
    }),
    status: 201,
  },
  {
    name: 'batch update',
    doc: 'companies',
    op: `${C}/batch/update`,
    method: 'POST',
    url: () => `${C}/batch/update`,
    body: () => ({ inputs: [{ id: ids.company2, properties: { industry: 'Software' } }] }),
    status: 200,
  },
  {
    name: 'batch update with a missing id',
    doc: 'companies',
    op: `${C}/batch/update`,
    method: 'POST',
    url: () => `${C}/batch/update`,
    body: () => ({
      inputs: [
        { id: ids.company2, properties: { industry: 'Agency' } },
        { id: '1', properties: {} },
      ],
    }),
    status: 207,
  },
  {
    name: 'batch of more than 100',
    doc: 'companies',
    op: `${C}/batch/read`,
    method: 'POST',
    url: () => `${C}/batch/read`,
    body: () => ({ inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })), properties: [] }),
    status: 400,
  },
  {
    name: 'search',
    doc: 'companies',
    op: `${C}/search`,
    method: 'POST',
    url: () => `${C}/search`,
    body: () => ({
      filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'HAS_PROPERTY' }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['name'],
      limit: 2,
    }),
    status: 200,
  },
  {
    name: 'search with limit over 200',
    doc: 'companies',
    op: `${C}/search`,
    method: 'POST',
    url: () => `${C}/search`,
    body: () => ({ limit: 201 }),
    status: 400,
  },
  {
    name: 'search beyond 10,000 results',
    doc: 'companies',
    op: `${C}/search`,
    method: 'POST',
    url: () => `${C}/search`,
    body: () => ({ limit: 100, after: '9950' }),
    status: 400,
  },
  { name: 'bad token', doc: 'companies', op: C, method: 'GET', url: () => C, token: 'wrong', status: 401 },
  {
    name: 'batch archive',
    doc: 'companies',
    op: `${C}/batch/archive`,
    method: 'POST',
    url: () => `${C}/batch/archive`,
    body: () => ({ inputs: [{ id: '1' }] }),
    status: 204,
  },
  { name: 'delete', doc: 'companies', op: `${C}/{companyId}`, method: 'DELETE', url: () => `${C}/1`, status: 204 },
  // rate limits: the second request in the window is refused
  { name: 'first request under the limit', doc: 'companies', op: C, method: 'GET', url: () => C, status: 200, server: 'limited' },
  { name: 'ten-secondly limit reached', doc: 'companies', op: C, method: 'GET', url: () => C, status: 429, server: 'limited' },
  {
    name: 'first search under its limit',
    doc: 'companies',
    op: `${C}/search`,
    method: 'POST',
    url: () => `${C}/search`,
    body: () => ({}),
    status: 200,
    server: 'limited',
  },
  {
    name: 'search limit reached',
    doc: 'companies',
    op: `${C}/search`,
    method: 'POST',
    url: () => `${C}/search`,
    body: () => ({}),
    status: 429,
    server: 'limited',
  },
  // contacts
  {
    name: 'create a contact',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts',
    method: 'POST',
    url: () => '/crm/v3/objects/contacts',
    body: () => ({ properties: { email: 'new@x.io', engagement_tier: '2', partner_sales_rep: 'true' } }),
    status: 201,
  },
  {
    name: 'create a duplicate email',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts',
    method: 'POST',
    url: () => '/crm/v3/objects/contacts',
    body: () => ({ properties: { email: 'new@x.io' } }),
    status: 409,
  },
  {
    name: 'create with an invalid tier',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts',
    method: 'POST',
    url: () => '/crm/v3/objects/0-1',
    body: () => ({ properties: { engagement_tier: '7' } }),
    status: 400,
  },
  {
    name: 'get by email',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts/{contactId}',
    method: 'GET',
    url: () => '/crm/v3/objects/contacts/new@x.io?idProperty=email&properties=engagement_tier',
    status: 200,
  },
  {
    name: 'batch upsert by email',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts/batch/upsert',
    method: 'POST',
    url: () => '/crm/v3/objects/contacts/batch/upsert',
    body: () => ({
      inputs: [
        { idProperty: 'email', id: 'new@x.io', properties: { rep_quality_score: '8' } },
        { idProperty: 'email', id: 'newer@x.io', properties: {} },
      ],
    }),
    status: 200,
  },
  {
    name: 'batch upsert with an unknown id',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts/batch/upsert',
    method: 'POST',
    url: () => '/crm/v3/objects/contacts/batch/upsert',
    body: () => ({ inputs: [{ id: '1', properties: {} }] }),
    status: 207,
  },
  {
    name: 'batch create with a duplicate email',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts/batch/create',
    method: 'POST',
    url: () => '/crm/v3/objects/contacts/batch/create',
    body: () => ({ inputs: [{ properties: { email: 'fresh@x.io' } }, { properties: { email: 'new@x.io' } }] }),
    status: 207,
  },
  {
    name: 'search contacts',
    doc: 'contacts',
    op: '/crm/v3/objects/contacts/search',
    method: 'POST',
    url: () => '/crm/v3/objects/contacts/search',
    body: () => ({
      filterGroups: [{ filters: [{ propertyName: 'engagement_tier', operator: 'IN', values: ['1', '2'] }] }],
      limit: 1,
    }),
    status: 200,
  },
  // deals, by type id as the document writes them
  {
    name: 'list deals',
    doc: 'deals',
    op: '/crm/v3/objects/0-3',
    method: 'GET',
    url: () => '/crm/v3/objects/0-3?properties=dealstage&associations=companies,contacts',
    status: 200,
  },
  {
    name: 'get a deal',
    doc: 'deals',
    op: '/crm/v3/objects/0-3/{dealId}',
    method: 'GET',
    url: () => `/crm/v3/objects/deals/${ids.deal}?associations=companies`,
    status: 200,
  },
  {
    name: 'search deals',
    doc: 'deals',
    op: '/crm/v3/objects/0-3/search',
    method: 'POST',
    url: () => '/crm/v3/objects/0-3/search',
    body: () => ({
      filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'BETWEEN', value: '1000', highValue: '90000' }] }],
    }),
    status: 200,
  },
  {
    name: 'search on an unknown object',
    doc: 'deals',
    op: '/crm/v3/objects/0-3/search',
    method: 'POST',
    url: () => '/crm/v3/objects/0-9/search',
    body: () => ({}),
    status: 400,
  },
  // associations v4
  {
    name: 'list associations',
    doc: 'associations-v4',
    op: `${A4}/{toObjectType}`,
    method: 'GET',
    url: () => `/crm/v4/objects/companies/${ids.company}/associations/contacts?limit=1`,
    status: 200,
  },
  {
    name: 'list associations of a missing object',
    doc: 'associations-v4',
    op: `${A4}/{toObjectType}`,
    method: 'GET',
    url: () => '/crm/v4/objects/companies/1/associations/contacts',
    status: 404,
  },
  {
    name: 'associate by default',
    doc: 'associations-v4',
    op: '/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    method: 'PUT',
    url: () => `/crm/v4/objects/deals/${ids.lonelyDeal}/associations/default/companies/${ids.company2}`,
    status: 200,
  },
  {
    name: 'associate with a label',
    doc: 'associations-v4',
    op: `${A4}/{toObjectType}/{toObjectId}`,
    method: 'PUT',
    url: () => `/crm/v4/objects/contacts/${ids.contact}/associations/companies/${ids.company2}`,
    body: () => [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }],
    status: 201,
  },
  {
    name: 'remove an association',
    doc: 'associations-v4',
    op: `${A4}/{toObjectType}/{toObjectId}`,
    method: 'DELETE',
    url: () => `/crm/v4/objects/contacts/${ids.contact}/associations/companies/${ids.company2}`,
    status: 204,
  },
  {
    name: 'batch read associations',
    doc: 'associations-v4',
    op: `${AB}/read`,
    method: 'POST',
    url: () => '/crm/v4/associations/deals/companies/batch/read',
    body: () => ({ inputs: [{ id: ids.deal }] }),
    status: 200,
  },
  {
    name: 'batch read with no associations',
    doc: 'associations-v4',
    op: `${AB}/read`,
    method: 'POST',
    url: () => '/crm/v4/associations/0-3/0-1/batch/read',
    body: () => ({ inputs: [{ id: ids.deal }, { id: '1' }] }),
    status: 207,
  },
  {
    name: 'batch associate by default',
    doc: 'associations-v4',
    op: `${AB}/associate/default`,
    method: 'POST',
    url: () => '/crm/v4/associations/contacts/companies/batch/associate/default',
    body: () => ({ inputs: [{ from: { id: ids.contact }, to: { id: ids.company2 } }] }),
    status: 200,
  },
  {
    name: 'batch archive associations',
    doc: 'associations-v4',
    op: `${AB}/archive`,
    method: 'POST',
    url: () => '/crm/v4/associations/contacts/companies/batch/archive',
    body: () => ({ inputs: [{ from: { id: ids.contact }, to: [{ id: ids.company2 }] }] }),
    status: 204,
  },
  // properties
  { name: 'list properties', doc: 'properties', op: P, method: 'GET', url: () => '/crm/v3/properties/contacts', status: 200 },
  {
    name: 'get a property',
    doc: 'properties',
    op: `${P}/{propertyName}`,
    method: 'GET',
    url: () => '/crm/v3/properties/contacts/engagement_tier',
    status: 200,
  },
  {
    name: 'get a missing property',
    doc: 'properties',
    op: `${P}/{propertyName}`,
    method: 'GET',
    url: () => '/crm/v3/properties/contacts/no_such',
    status: 404,
  },
  {
    name: 'create a property',
    doc: 'properties',
    op: P,
    method: 'POST',
    url: () => '/crm/v3/properties/companies',
    body: () => ({
      name: 'ptrack_reps_tier_1',
      label: 'Tier 1 reps',
      type: 'number',
      fieldType: 'number',
      groupName: 'companyinformation',
    }),
    status: 201,
  },
  {
    name: 'create a duplicate property',
    doc: 'properties',
    op: P,
    method: 'POST',
    url: () => '/crm/v3/properties/companies',
    body: () => ({
      name: 'ptrack_reps_tier_1',
      label: 'Tier 1 reps',
      type: 'number',
      fieldType: 'number',
      groupName: 'companyinformation',
    }),
    status: 409,
  },
  {
    name: 'create a property without required fields',
    doc: 'properties',
    op: P,
    method: 'POST',
    url: () => '/crm/v3/properties/companies',
    body: () => ({ name: 'half' }),
    status: 400,
  },
  {
    name: 'update a property',
    doc: 'properties',
    op: `${P}/{propertyName}`,
    method: 'PATCH',
    url: () => '/crm/v3/properties/companies/ptrack_reps_tier_1',
    body: () => ({ label: 'Tier 1 reps (tracker)' }),
    status: 200,
  },
  {
    name: 'batch read properties',
    doc: 'properties',
    op: `${P}/batch/read`,
    method: 'POST',
    url: () => '/crm/v3/properties/contacts/batch/read',
    body: () => ({ inputs: [{ name: 'email' }], archived: false }),
    status: 200,
  },
  {
    name: 'batch read with a missing property',
    doc: 'properties',
    op: `${P}/batch/read`,
    method: 'POST',
    url: () => '/crm/v3/properties/contacts/batch/read',
    body: () => ({ inputs: [{ name: 'email' }, { name: 'nope' }], archived: false }),
    status: 207,
  },
  {
    name: 'batch create properties',
    doc: 'properties',
    op: `${P}/batch/create`,
    method: 'POST',
    url: () => '/crm/v3/properties/0-2/batch/create',
    body: () => ({
      inputs: [{ name: unique(), label: 'X', type: 'string', fieldType: 'text', groupName: 'companyinformation' }],
    }),
    status: 201,
  },
  {
    name: 'batch create with an existing property',
    doc: 'properties',
    op: `${P}/batch/create`,
    method: 'POST',
    url: () => '/crm/v3/properties/0-2/batch/create',
    body: () => ({
      inputs: [{ name: 'ptrack_reps_tier_1', label: 'X', type: 'number', fieldType: 'number', groupName: 'companyinformation' }],
    }),
    status: 207,
  },
  {
    name: 'list property groups',
    doc: 'properties',
    op: `${P}/groups`,
    method: 'GET',
    url: () => '/crm/v3/properties/companies/groups',
    status: 200,
  },
  {
    name: 'create a property group',
    doc: 'properties',
    op: `${P}/groups`,
    method: 'POST',
    url: () => '/crm/v3/properties/companies/groups',
    body: () => ({ name: 'partner_tracker', label: 'Partner Tracker', displayOrder: 1 }),
    status: 201,
  },
];

async function call(c: Case): Promise<{ status: number; contentType: string; text: string }> {
  const server = c.server === 'limited' ? limited : main;
  const body = c.body?.();
  const response = await fetch(`${server.url}${c.url()}`, {
    method: c.method,
    headers: {
      authorization: `Bearer ${c.token ?? server.accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe("the stand-in's responses match HubSpot's OpenAPI documents", () => {
  // In order: later cases rely on earlier writes (a created contact, a created property).
  for (const c of cases) {
    it(`${c.doc}: ${c.name} → ${c.status}`, async () => {
      const { status, contentType, text } = await call(c);
      expect(status, text).toBe(c.status);
      const validate = validator.validator(c.doc, c.method, c.op, c.status);
      if (validate === null) {
        expect(text).toBe('');
        return;
      }
      expect(contentType).toMatch(/^application\/json/);
      const json = JSON.parse(text);
      const valid = validate(json);
      expect(validate.errors ?? [], JSON.stringify(json).slice(0, 600)).toEqual([]);
      expect(valid).toBe(true);
      if (status >= 400) expect(json.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    });
  }
});

describe('documented behaviour beyond the schemas', () => {
  it('answers a 429 with the ten-secondly policy body and the rate-limit headers', async () => {
    const response = await fetch(`${limited.url}${C}`, { headers: { authorization: `Bearer ${limited.accessToken}` } });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' });
    expect(response.headers.get('x-hubspot-ratelimit-max')).toBe('1');
    expect(response.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('60000');
    expect(response.headers.get('x-hubspot-ratelimit-daily')).not.toBeNull();
    expect(response.headers.get('x-hubspot-ratelimit-daily-remaining')).not.toBeNull();
  });

  it('answers a search over its own limit with the secondly message the client retries on', async () => {
    const response = await fetch(`${limited.url}${C}/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${limited.accessToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(429);
    expect(((await response.json()) as { message: string }).message).toBe('You have reached your secondly limit.');
  });

  it('serves injected 5xx faults as JSON errors the schema accepts, then recovers', async () => {
    main.injectFaults({ status: 503, count: 2, match: (method, path) => method === 'GET' && path === C });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${main.url}${C}`, { headers: { authorization: `Bearer ${main.accessToken}` } });
      statuses.push(response.status);
      if (response.status === 503) {
        const validate = validator.validator('companies', 'GET', C, 503)!;
        expect(validate(await response.json()), JSON.stringify(validate.errors)).toBe(true);
      }
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('reports an error body of the shape webhooks.json declares for its API', async () => {
    const response = await fetch(`${main.url}${C}`, { headers: { authorization: 'Bearer nope' } });
    // webhooks.json covers subscription management, not event payloads; its Error is the shared shape.
    const validate = validator.validator('webhooks', 'GET', '/webhooks/v3/{appId}/settings', 401)!;
    expect(validate(await response.json()), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('the validator itself', () => {
  const object = {
    id: '1',
    properties: { name: 'A' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    archived: false,
  };

  it('accepts a well-formed object and rejects a numeric property value, a misspelt field and a missing one', () => {
    const validate = validator.validator('companies', 'GET', `${C}/{companyId}`, 200)!;
    expect(validate(object)).toBe(true);
    expect(validate({ ...object, properties: { amount: 5 } })).toBe(false);
    expect(validate({ ...object, updatedat: object.updatedAt })).toBe(false);
    const { createdAt: _, ...withoutCreatedAt } = object;
    expect(validate(withoutCreatedAt)).toBe(false);
  });

  it('takes toObjectId as a number (as HubSpot sends it), rejects it as a string, and knows declared statuses', () => {
    const validate = validator.validator('associations-v4', 'GET', `${A4}/{toObjectType}`, 200)!;
    const result = { toObjectId: 5, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 279, label: null }] };
    expect(validate({ results: [result] })).toBe(true);
    expect(validate({ results: [{ ...result, toObjectId: '5' }] })).toBe(false);
    expect(validate({ results: [{ ...result, associationTypes: [{ category: 'OTHER', typeId: 279 }] }] })).toBe(false);
    expect(() => validator.validator('companies', 'POST', C, 200)).toThrow(/declares no 200/);
  });
});
