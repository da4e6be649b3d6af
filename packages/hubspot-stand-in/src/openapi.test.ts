import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDoc, OpenApiValidator } from './openapi-validator.ts';
import { BATCH_READ_PAGE } from './routes/associations.ts';
import { seedProgram } from './seed.ts';
import { type HubSpotStandIn, startHubSpotStandIn } from './server.ts';

// Every endpoint's success and error responses, checked against HubSpot's OpenAPI documents.
interface Case {
  name: string;
  doc: OpenApiDoc;
  method: string;
  /** The operation's path as written in the document. */
  op: string;
  status: number;
  /** The URL actually requested and the JSON body, if any. */
  request: () => [string, unknown?];
  token?: string;
  server?: 'main' | 'limited';
}

let main: HubSpotStandIn;
let limited: HubSpotStandIn;
let validator: OpenApiValidator;
const ids = { company: '', company2: '', contact: '', deal: '', lonelyDeal: '', crowdedDeal: '' };

beforeAll(async () => {
  validator = new OpenApiValidator();
  main = await startHubSpotStandIn();
  const seeded = seedProgram(main.store, { companies: 3, contactsPerCompany: 2, deals: 4 });
  ids.company = seeded.companyIds[0]!;
  ids.company2 = seeded.companyIds[1]!;
  ids.contact = seeded.repIdsByCompany[0]![0]!;
  ids.deal = seeded.dealIds[0]!;
  ids.lonelyDeal = main.store.create('deals', { dealname: 'No associations' }).id;
  // More contacts than one batch read returns per input, so the answer pages.
  ids.crowdedDeal = main.store.create('deals', { dealname: 'Crowded' }).id;
  for (let i = 0; i <= BATCH_READ_PAGE; i++)
    main.store.associate('deals', ids.crowdedDeal, 'contacts', main.store.create('contacts', { email: `c${i}@crowd.test` }).id);
  limited = await startHubSpotStandIn({
    rateLimit: { max: 1, intervalMs: 60_000 },
    searchRateLimit: { max: 1, intervalMs: 60_000 },
  });
});
afterAll(async () => {
  // Every case went through the stand-in's own error handling, none hit a bug in it.
  expect(main.stats.internalErrors).toBe(0);
  await main?.close();
  await limited?.close();
});

const C = '/crm/v3/objects/companies';
const CT = '/crm/v3/objects/contacts';
const D = '/crm/v3/objects/0-3';
const P = '/crm/v3/properties/{objectType}';
const A4 = '/crm/v4/objects/{objectType}/{objectId}/associations';
const AB = '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch';
const unique = (() => {
  let n = 0;
  return () => `p${Date.now().toString(36)}_${++n}`;
})();
const assocSpec = (associationTypeId: number) => ({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId });
const newProperty = (name: string) => ({
  name,
  label: 'Tier 1 reps',
  type: 'number',
  fieldType: 'number',
  groupName: 'companyinformation',
});

/**
 * One case: `op` is "METHOD /path as the document writes it"; `request` gives the URL actually called
 * (ids filled in, so it runs after seeding) and the body.
 */
function c(
  doc: OpenApiDoc,
  op: string,
  status: number,
  name: string,
  request: () => [string, unknown?],
  extra: Partial<Case> = {},
): Case {
  const [method, path] = op.split(' ') as [string, string];
  return { doc, method, op: path, status, name, request, ...extra };
}

const cases: Case[] = [
  // objects (companies)
  c('companies', `GET ${C}`, 200, 'list a page', () => [`${C}?limit=2&properties=name,domain&associations=contacts`]),
  c('companies', `GET ${C}`, 200, 'list archived', () => [`${C}?archived=true`]),
  c('companies', `GET ${C}/{companyId}`, 200, 'get by id', () => [`${C}/${ids.company}?associations=deals`]),
  c('companies', `GET ${C}/{companyId}`, 404, 'get a missing id', () => [`${C}/1`]),
  c('companies', `POST ${C}`, 201, 'create', () => [C, { properties: { name: 'Acme', domain: 'acme.io' } }]),
  c('companies', `POST ${C}`, 400, 'create with an unknown property', () => [C, { properties: { nope: 'x' } }]),
  c('companies', `PATCH ${C}/{companyId}`, 200, 'patch', () => [`${C}/${ids.company2}`, { properties: { industry: 'Data' } }]),
  c('companies', `PATCH ${C}/{companyId}`, 404, 'patch a missing id', () => [`${C}/1`, { properties: {} }]),
  c('companies', `POST ${C}/batch/read`, 200, 'batch read', () => [
    `${C}/batch/read`,
    { inputs: [{ id: ids.company }], properties: ['name'] },
  ]),
  c('companies', `POST ${C}/batch/read`, 207, 'batch read with a missing id', () => [
    `${C}/batch/read`,
    { inputs: [{ id: ids.company }, { id: '1' }], properties: [] },
  ]),
  c('companies', `POST ${C}/batch/read`, 400, 'batch of more than 100', () => [
    `${C}/batch/read`,
    { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })), properties: [] },
  ]),
  c('companies', `POST ${C}/batch/create`, 201, 'batch create', () => [
    `${C}/batch/create`,
    {
      inputs: [
        { properties: { name: 'B1' } },
        { properties: { name: 'B2' }, associations: [{ to: { id: ids.contact }, types: [assocSpec(280)] }] },
      ],
    },
  ]),
  c('companies', `POST ${C}/batch/update`, 200, 'batch update', () => [
    `${C}/batch/update`,
    { inputs: [{ id: ids.company2, properties: { industry: 'Software' } }] },
  ]),
  c('companies', `POST ${C}/batch/update`, 207, 'batch update with a missing id', () => [
    `${C}/batch/update`,
    {
      inputs: [
        { id: ids.company2, properties: { industry: 'Agency' } },
        { id: '1', properties: {} },
      ],
    },
  ]),
  c('companies', `POST ${C}/search`, 200, 'search', () => [
    `${C}/search`,
    {
      filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'HAS_PROPERTY' }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['name'],
      limit: 2,
    },
  ]),
  c('companies', `POST ${C}/search`, 400, 'search with limit over 200', () => [`${C}/search`, { limit: 201 }]),
  c('companies', `POST ${C}/search`, 400, 'search beyond 10,000 results', () => [`${C}/search`, { limit: 100, after: '9950' }]),
  c('companies', `GET ${C}`, 401, 'bad token', () => [C], { token: 'wrong' }),
  c('companies', `POST ${C}/batch/archive`, 204, 'batch archive', () => [`${C}/batch/archive`, { inputs: [{ id: '1' }] }]),
  c('companies', `DELETE ${C}/{companyId}`, 204, 'delete', () => [`${C}/1`]),
  // rate limits: the second request in each window is refused
  c('companies', `GET ${C}`, 200, 'first request under the limit', () => [C], { server: 'limited' }),
  c('companies', `GET ${C}`, 429, 'ten-secondly limit reached', () => [C], { server: 'limited' }),
  c('companies', `POST ${C}/search`, 200, 'first search under its limit', () => [`${C}/search`, {}], { server: 'limited' }),
  c('companies', `POST ${C}/search`, 429, 'search limit reached', () => [`${C}/search`, {}], { server: 'limited' }),
  // contacts
  c('contacts', `POST ${CT}`, 201, 'create a contact', () => [
    CT,
    { properties: { email: 'new@x.io', engagement_tier: '2', partner_sales_rep: 'true' } },
  ]),
  c('contacts', `POST ${CT}`, 409, 'create a duplicate email', () => [CT, { properties: { email: 'new@x.io' } }]),
  c('contacts', `POST ${CT}`, 400, 'create with an invalid tier (by type id)', () => [
    '/crm/v3/objects/0-1',
    { properties: { engagement_tier: '7' } },
  ]),
  c('contacts', `GET ${CT}/{contactId}`, 200, 'get by email', () => [
    `${CT}/new@x.io?idProperty=email&properties=engagement_tier`,
  ]),
  c('contacts', `POST ${CT}/batch/upsert`, 200, 'batch upsert by email', () => [
    `${CT}/batch/upsert`,
    {
      inputs: [
        { idProperty: 'email', id: 'new@x.io', properties: { rep_quality_score: '8' } },
        { idProperty: 'email', id: 'newer@x.io', properties: {} },
      ],
    },
  ]),
  c('contacts', `GET ${CT}/{contactId}`, 200, 'get with property history', () => [
    `${CT}/new@x.io?idProperty=email&propertiesWithHistory=engagement_tier,rep_quality_score`,
  ]),
  c('contacts', `POST ${CT}/batch/upsert`, 207, 'batch upsert with an unknown id', () => [
    `${CT}/batch/upsert`,
    { inputs: [{ id: '1', properties: {} }] },
  ]),
  c('contacts', `POST ${CT}/batch/create`, 207, 'batch create with a duplicate email', () => [
    `${CT}/batch/create`,
    { inputs: [{ properties: { email: 'fresh@x.io' } }, { properties: { email: 'new@x.io' } }] },
  ]),
  c('contacts', `POST ${CT}/search`, 200, 'search contacts', () => [
    `${CT}/search`,
    { filterGroups: [{ filters: [{ propertyName: 'engagement_tier', operator: 'IN', values: ['1', '2'] }] }], limit: 1 },
  ]),
  // deals, which the document writes by type id
  c('deals', `GET ${D}`, 200, 'list deals', () => [`${D}?properties=dealstage&associations=companies,contacts`]),
  c('deals', `GET ${D}/{dealId}`, 200, 'get a deal with more contacts than are listed inline', () => [
    `/crm/v3/objects/deals/${ids.crowdedDeal}?associations=contacts`,
  ]),
  c('deals', `GET ${D}/{dealId}`, 200, 'get a deal by object name', () => [
    `/crm/v3/objects/deals/${ids.deal}?associations=companies`,
  ]),
  c('deals', `POST ${D}/search`, 200, 'search deals', () => [
    `${D}/search`,
    { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'BETWEEN', value: '1000', highValue: '90000' }] }] },
  ]),
  c('deals', `POST ${D}/search`, 400, 'search on an unknown object', () => ['/crm/v3/objects/0-9/search', {}]),
  // associations v4
  c('associations-v4', `GET ${A4}/{toObjectType}`, 200, 'list associations', () => [
    `/crm/v4/objects/companies/${ids.company}/associations/contacts?limit=1`,
  ]),
  c('associations-v4', `GET ${A4}/{toObjectType}`, 404, 'list associations of a missing object', () => [
    '/crm/v4/objects/companies/1/associations/contacts',
  ]),
  c(
    'associations-v4',
    'PUT /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    200,
    'associate by default',
    () => [`/crm/v4/objects/deals/${ids.lonelyDeal}/associations/default/companies/${ids.company2}`],
  ),
  c('associations-v4', `PUT ${A4}/{toObjectType}/{toObjectId}`, 201, 'associate with a label', () => [
    `/crm/v4/objects/contacts/${ids.contact}/associations/companies/${ids.company2}`,
    [assocSpec(1)],
  ]),
  c('associations-v4', `DELETE ${A4}/{toObjectType}/{toObjectId}`, 204, 'remove an association', () => [
    `/crm/v4/objects/contacts/${ids.contact}/associations/companies/${ids.company2}`,
  ]),
  c('associations-v4', `POST ${AB}/read`, 200, 'batch read associations', () => [
    '/crm/v4/associations/deals/companies/batch/read',
    { inputs: [{ id: ids.deal }] },
  ]),
  c('associations-v4', `POST ${AB}/read`, 200, 'batch read of a record with more associations than a page', () => [
    '/crm/v4/associations/deals/contacts/batch/read',
    { inputs: [{ id: ids.crowdedDeal }, { id: ids.crowdedDeal, after: String(BATCH_READ_PAGE) }] },
  ]),
  c('associations-v4', `POST ${AB}/read`, 207, 'batch read with no associations', () => [
    '/crm/v4/associations/0-3/0-1/batch/read',
    { inputs: [{ id: ids.deal }, { id: '1' }] },
  ]),
  c('associations-v4', `POST ${AB}/associate/default`, 200, 'batch associate by default', () => [
    '/crm/v4/associations/contacts/companies/batch/associate/default',
    { inputs: [{ from: { id: ids.contact }, to: { id: ids.company2 } }] },
  ]),
  c('associations-v4', `POST ${AB}/archive`, 204, 'batch archive associations', () => [
    '/crm/v4/associations/contacts/companies/batch/archive',
    { inputs: [{ from: { id: ids.contact }, to: [{ id: ids.company2 }] }] },
  ]),
  // properties
  c('properties', `GET ${P}`, 200, 'list properties', () => ['/crm/v3/properties/contacts']),
  c('properties', `GET ${P}/{propertyName}`, 200, 'get a property', () => ['/crm/v3/properties/contacts/engagement_tier']),
  c('properties', `GET ${P}/{propertyName}`, 404, 'get a missing property', () => ['/crm/v3/properties/contacts/no_such']),
  c('properties', `POST ${P}`, 201, 'create a property', () => [
    '/crm/v3/properties/companies',
    newProperty('ptrack_reps_tier_1'),
  ]),
  c('properties', `POST ${P}`, 409, 'create a duplicate property', () => [
    '/crm/v3/properties/companies',
    newProperty('ptrack_reps_tier_1'),
  ]),
  c('properties', `POST ${P}`, 400, 'create a property without required fields', () => [
    '/crm/v3/properties/companies',
    { name: 'half' },
  ]),
  c('properties', `PATCH ${P}/{propertyName}`, 200, 'update a property', () => [
    '/crm/v3/properties/companies/ptrack_reps_tier_1',
    { label: 'Tier 1 reps (tracker)' },
  ]),
  c('properties', `POST ${P}/batch/read`, 200, 'batch read properties', () => [
    '/crm/v3/properties/contacts/batch/read',
    { inputs: [{ name: 'email' }], archived: false },
  ]),
  c('properties', `POST ${P}/batch/read`, 207, 'batch read with a missing property', () => [
    '/crm/v3/properties/contacts/batch/read',
    { inputs: [{ name: 'email' }, { name: 'nope' }], archived: false },
  ]),
  c('properties', `POST ${P}/batch/create`, 201, 'batch create properties', () => [
    '/crm/v3/properties/0-2/batch/create',
    { inputs: [newProperty(unique())] },
  ]),
  c('properties', `POST ${P}/batch/create`, 207, 'batch create with an existing property', () => [
    '/crm/v3/properties/0-2/batch/create',
    { inputs: [newProperty('ptrack_reps_tier_1')] },
  ]),
  c('properties', `GET ${P}/groups`, 200, 'list property groups', () => ['/crm/v3/properties/companies/groups']),
  c('properties', `POST ${P}/groups`, 201, 'create a property group', () => [
    '/crm/v3/properties/companies/groups',
    { name: 'partner_tracker', label: 'Partner Tracker', displayOrder: 1 },
  ]),
];

async function call(k: Case): Promise<{ status: number; contentType: string; text: string }> {
  const server = k.server === 'limited' ? limited : main;
  const [url, body] = k.request();
  const response = await fetch(`${server.url}${url}`, {
    method: k.method,
    headers: {
      authorization: `Bearer ${k.token ?? server.accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe("the stand-in's responses match HubSpot's OpenAPI documents", () => {
  // In order: later cases rely on earlier writes (a created contact, a created property).
  for (const k of cases) {
    it(`${k.doc}: ${k.name} → ${k.status}`, async () => {
      const { status, contentType, text } = await call(k);
      expect(status, text).toBe(k.status);
      const validate = validator.validator(k.doc, k.method, k.op, k.status);
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

  it('answers an injected 403 with a MISSING_SCOPES body the schema accepts', async () => {
    main.injectFaults({ status: 403 });
    const response = await fetch(`${main.url}${CT}`, { headers: { authorization: `Bearer ${main.accessToken}` } });
    expect(response.status).toBe(403);
    const body = await response.json();
    const validate = validator.validator('contacts', 'GET', CT, 403)!;
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body).toMatchObject({ category: 'MISSING_SCOPES' });
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
