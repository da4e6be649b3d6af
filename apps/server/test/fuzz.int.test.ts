import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './support';

// "Bad input gets a clear error and loses nothing; never a 5xx": random bodies, shaped like the real
// ones but with values of any type, at every write endpoint. Each answer is a success or a 4xx
// problem+json that names at least one field.

let api: TestApi;
let ids: { partner: string; rep: string; action: string; referral: string; plan: string; account: string };

beforeAll(async () => {
  api = await startApi();
  const partner = (await api.post('/api/partners', { name: 'Fuzz Partner' })).body;
  const rep = (await api.post('/api/reps', { partnerId: partner.id, name: 'Fuzz Rep', engagementTier: 2 })).body;
  const action = (await api.post('/api/actions', { repId: rep.id, dueDate: '2026-02-01' })).body;
  const referral = (await api.post('/api/referrals', { partnerId: partner.id, introducedAt: '2026-01-10' })).body;
  const plan = (await api.post('/api/plans', { partnerId: partner.id, goal: 'Three convos' })).body;
  const account = (await api.post('/api/accounts', { name: 'Fuzz Account' })).body;
  ids = { partner: partner.id, rep: rep.id, action: action.id, referral: referral.id, plan: plan.id, account: account.id };
});
afterAll(async () => {
  await api?.close();
});

const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '2025-02-30',
    '2026-13-01',
    '',
    ' ',
    '-1',
    '1e309',
    '__proto__',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const FIELDS = {
  partner: [
    'name',
    'type',
    'website',
    'icpMatch',
    'namedAccounts',
    'economicsOk',
    'icpAlignment',
    'capacity',
    'jvpDate',
    'reviewedAt',
    'custom',
    'version',
    'hubspotCompanyId',
  ],
  rep: ['partnerId', 'name', 'email', 'engagementTier', 'qualityScore', 'responsive', 'custom', 'version'],
  touch: ['partnerId', 'repId', 'kind', 'direction', 'occurredAt', 'summary', 'next'],
  action: ['partnerId', 'repId', 'dueDate', 'type', 'status', 'version', 'until', 'days', 'next'],
  referral: ['partnerId', 'repId', 'account', 'introducedAt', 'stage', 'amountMinor', 'expectedCloseDate', 'version'],
  plan: ['partnerId', 'goal', 'metric', 'target', 'startDate', 'endDate', 'status', 'version'],
  view: ['name', 'definition', 'version'],
  settings: ['version', 'timeZone', 'cadences', 'ippBands', 'optionLists', 'weekStartsOn'],
};

const body = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys, 'unknownField'), anyValue, { maxKeys: 6 }) as fc.Arbitrary<Record<string, unknown>>;

const endpoint = fc.oneof(
  body(FIELDS.partner).map((b) => ['POST', '/api/partners', b] as const),
  body(FIELDS.partner).map((b) => ['PATCH', `/api/partners/${ids.partner}`, b] as const),
  body(FIELDS.rep).map((b) => ['POST', '/api/reps', b] as const),
  body(FIELDS.rep).map((b) => ['PATCH', `/api/reps/${ids.rep}`, b] as const),
  body(FIELDS.touch).map((b) => ['POST', '/api/touches', b] as const),
  body(FIELDS.action).map((b) => ['POST', '/api/actions', b] as const),
  body(FIELDS.action).map((b) => ['PATCH', `/api/actions/${ids.action}`, b] as const),
  body(FIELDS.action).map((b) => ['POST', `/api/actions/${ids.action}/snooze`, b] as const),
  body(FIELDS.action).map((b) => ['POST', `/api/actions/${ids.action}/complete`, b] as const),
  body(FIELDS.referral).map((b) => ['POST', '/api/referrals', b] as const),
  body(FIELDS.referral).map((b) => ['PATCH', `/api/referrals/${ids.referral}`, b] as const),
  body(FIELDS.plan).map((b) => ['POST', '/api/plans', b] as const),
  body(FIELDS.plan).map((b) => ['PATCH', `/api/plans/${ids.plan}`, b] as const),
  body(FIELDS.view).map((b) => ['POST', '/api/views', b] as const),
  body(FIELDS.settings).map((b) => ['PATCH', '/api/settings', b] as const),
  fc
    .string({ maxLength: 40 })
    .map((q) => ['GET', `/api/partners?sort=${encodeURIComponent(q)}&filter=${encodeURIComponent(q)}`, undefined] as const),
  fc
    .string({ maxLength: 40 })
    .map(
      (q) =>
        [
          'GET',
          `/api/partners?view=${encodeURIComponent(q)}&cursor=${encodeURIComponent(q)}&limit=${encodeURIComponent(q)}`,
          undefined,
        ] as const,
    ),
);

describe('random input at every write endpoint', () => {
  it('is answered with a success or a 4xx problem naming a field, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(endpoint, async ([method, url, payload]) => {
        const res = await api.request(method, url, payload);
        expect(res.status, `${method} ${url} ${JSON.stringify(payload)} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
          if (res.status === 400) expect(res.body.errors.length, JSON.stringify(res.body)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
