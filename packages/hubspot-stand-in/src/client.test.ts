import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BATCH_READ_PAGE } from './routes/associations.ts';
import { type SeededProgram, seedProgram } from './seed.ts';
import { type HubSpotStandIn, startHubSpotStandIn } from './server.ts';

// The official client (v13) against the stand-in. Its retry decorators are process-wide: each
// `new Client()` replaces them, so every test builds its client right before using it.
const client = (s: HubSpotStandIn, numberOfApiCallRetries = 1) =>
  new Client({ accessToken: s.accessToken, basePath: s.url, numberOfApiCallRetries });

interface HttpError {
  code: number;
  body: { category?: string; message?: string };
}

/**
 * A fake clock for the stand-in's rate limits and the client's retry waits (whole seconds: 1 s after a
 * search limit, 10 s after the rolling one): such a wait moves the clock on at once instead of sleeping,
 * so the retry tests neither take ten seconds nor depend on the machine's speed.
 */
function fakeRetryClock() {
  let now = Date.now();
  const waits: number[] = [];
  const realSetTimeout = globalThis.setTimeout;
  const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    fn: (...a: unknown[]) => void,
    ms?: number,
    ...rest: unknown[]
  ) => {
    if (typeof ms === 'number' && ms >= 1000 && ms % 1000 === 0) {
      waits.push(ms);
      now += ms;
      return realSetTimeout(fn, 0, ...rest);
    }
    return realSetTimeout(fn, ms, ...rest);
  }) as typeof setTimeout);
  return { clock: () => now, waits, restore: () => spy.mockRestore() };
}

let standIn: HubSpotStandIn;
let seeded: SeededProgram;

beforeAll(async () => {
  standIn = await startHubSpotStandIn();
  standIn.store.setNow(Date.UTC(2026, 10, 2, 9, 0));
  seeded = seedProgram(standIn.store, { companies: 250, contactsPerCompany: 2, otherContactsPerCompany: 1, deals: 40 });
  // The client logs every retry to console.error; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(async () => {
  await standIn?.close();
});

describe('the official client against the stand-in', () => {
  it('pages through every company with basicApi.getPage, in id order, without duplicates', async () => {
    const hubspot = client(standIn);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await hubspot.crm.companies.basicApi.getPage(100, after, ['name', 'domain']);
      seen.push(...page.results.map((r) => r.id));
      expect(page.results.every((r) => typeof r.properties.name === 'string')).toBe(true);
      after = page.paging?.next?.after;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(seeded.companyIds);
  });

  it('reads every contact with getAll, with associations to companies', async () => {
    const contacts = await client(standIn).crm.contacts.getAll(100, undefined, ['email', 'partner_sales_rep'], undefined, [
      'companies',
    ]);
    expect(contacts).toHaveLength(750);
    const rep = contacts.find((c) => c.id === seeded.repIdsByCompany[3]![1]);
    expect(rep?.properties.partner_sales_rep).toBe('true');
    expect(rep?.associations?.companies?.results.map((r) => r.id)).toContain(seeded.companyIds[3]);
  });

  it('searches partner reps by tier, sorted by last modified, paging with the numeric after', async () => {
    const hubspot = client(standIn);
    const filterGroups = [
      {
        filters: [
          { propertyName: 'partner_sales_rep', operator: FilterOperatorEnum.Eq, value: 'true' },
          { propertyName: 'engagement_tier', operator: FilterOperatorEnum.Lte, value: '2' },
        ],
      },
    ];
    const ids: string[] = [];
    let after: string | undefined = '0';
    let total = 0;
    while (after !== undefined) {
      const page = await hubspot.crm.contacts.searchApi.doSearch({
        filterGroups,
        sorts: ['lastmodifieddate'],
        properties: ['engagement_tier'],
        limit: 200,
        after,
      });
      total = page.total;
      ids.push(...page.results.map((r) => r.id));
      expect(page.results.every((r) => ['1', '2'].includes(r.properties.engagement_tier ?? ''))).toBe(true);
      after = page.paging?.next?.after;
    }
    const expected = [...standIn.store.all('contacts')].filter((c) =>
      ['1', '2'].includes(c.properties.get('engagement_tier') ?? ''),
    );
    expect(total).toBe(expected.length);
    expect(ids.sort()).toEqual(expected.map((c) => c.id).sort());
  });

  it('finds only records modified since a cursor (incremental sync) on the controllable clock', async () => {
    const since = Date.UTC(2026, 10, 3, 9, 0);
    standIn.store.setNow(since + 60_000);
    const changed = seeded.repIdsByCompany[10]![0]!;
    standIn.store.update('contacts', changed, { engagement_tier: '4' });
    const page = await client(standIn).crm.contacts.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(since) }] }],
      sorts: ['lastmodifieddate'],
      properties: ['engagement_tier'],
      limit: 100,
      after: '0',
    });
    expect(page.results.map((r) => r.id)).toEqual([changed]);
    expect(page.results[0]!.properties.lastmodifieddate).toBe(new Date(since + 60_000).toISOString());
  });

  it('batch-reads, batch-updates and batch-creates, reporting missing ids in a 207', async () => {
    const hubspot = client(standIn);
    const [first, second] = seeded.companyIds;
    const read = await hubspot.crm.companies.batchApi.read({
      inputs: [{ id: first! }, { id: '42' }],
      properties: ['domain'],
      propertiesWithHistory: [],
    });
    expect(read.results.map((r) => r.id)).toEqual([first]);
    expect('errors' in read && read.errors?.[0]?.context).toEqual({ ids: ['42'] });
    const updated = await hubspot.crm.companies.batchApi.update({ inputs: [{ id: second!, properties: { industry: 'Data' } }] });
    expect(updated.results[0]!.properties.industry).toBe('Data');
    expect(standIn.store.get('companies', second!)!.properties.get('industry')).toBe('Data');
    const created = await hubspot.crm.deals.batchApi.create({
      inputs: [{ properties: { dealname: 'Batch deal', amount: '1200' }, associations: [] }],
    });
    expect(created.results[0]!.properties.amount).toBe('1200');
  });

  it('reads, creates and removes v4 associations', async () => {
    const hubspot = client(standIn);
    const company = seeded.companyIds[5]!;
    const contacts = await hubspot.crm.associations.v4.basicApi.getPage('companies', company, 'contacts', undefined, 500);
    expect(contacts.results.map((r) => String(r.toObjectId))).toEqual([
      ...seeded.repIdsByCompany[5]!,
      seeded.otherContactIds[5]!,
    ]);
    // Typed string by the v13 client, but a JSON number on the wire as from HubSpot: normalise with String().
    expect(typeof (contacts.results[0]!.toObjectId as unknown)).toBe('number');
    const batch = await hubspot.crm.associations.v4.batchApi.getPage('deals', 'companies', {
      inputs: [{ id: seeded.dealIds[5]! }],
    });
    expect(batch.results[0]!.to.map((t) => String(t.toObjectId))).toEqual([company]);
    const lonely = standIn.store.create('contacts', { email: 'lonely@x.io' }).id;
    await hubspot.crm.associations.v4.basicApi.create('contacts', lonely, 'companies', company, [
      { associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 1 },
    ]);
    expect(standIn.store.associationsOf('contacts', lonely, 'companies')).toEqual([{ toId: company, typeIds: [1, 279] }]);
    await hubspot.crm.associations.v4.basicApi.archive('contacts', lonely, 'companies', company);
    expect(standIn.store.associationsOf('contacts', lonely, 'companies')).toEqual([]);
  });

  it('pages a batch read of a record with more associations than one answer holds, per input', async () => {
    const hubspot = client(standIn);
    const deal = standIn.store.create('deals', { dealname: 'Crowded' }).id;
    const contactIds = Array.from({ length: BATCH_READ_PAGE + 2 }, (_, i) => {
      const id = standIn.store.create('contacts', { email: `crowd${i}@x.io` }).id;
      standIn.store.associate('deals', deal, 'contacts', id);
      return id;
    });
    const first = await hubspot.crm.associations.v4.batchApi.getPage('deals', 'contacts', {
      inputs: [{ id: deal }, { id: seeded.dealIds[6]! }],
    });
    const crowded = first.results.find((r) => r._from.id === deal)!;
    expect(crowded.to).toHaveLength(BATCH_READ_PAGE);
    expect(crowded.paging?.next?.after).toBe(String(BATCH_READ_PAGE));
    expect(first.results.find((r) => r._from.id === seeded.dealIds[6])!.paging).toBeUndefined();
    const rest = await hubspot.crm.associations.v4.batchApi.getPage('deals', 'contacts', {
      inputs: [{ id: deal, after: crowded.paging!.next!.after }],
    });
    expect(rest.results[0]!.paging).toBeUndefined();
    expect([...crowded.to, ...rest.results[0]!.to].map((t) => String(t.toObjectId))).toEqual(contactIds);
  });

  it('creates a custom property once and answers the second create with 409', async () => {
    const hubspot = client(standIn);
    const input = {
      name: 'ptrack_jordans',
      label: 'Jordans',
      type: 'number',
      fieldType: 'number',
      groupName: 'companyinformation',
    } as Parameters<typeof hubspot.crm.properties.coreApi.create>[1];
    const created = await hubspot.crm.properties.coreApi.create('companies', input);
    expect(created.name).toBe('ptrack_jordans');
    const error = (await hubspot.crm.properties.coreApi.create('companies', input).catch((e) => e)) as HttpError;
    expect(error.code).toBe(409);
    expect(error.body.category).toBe('CONFLICT');
    const all = await hubspot.crm.properties.coreApi.getAll('companies');
    expect(all.results.filter((p) => p.name === 'ptrack_jordans')).toHaveLength(1);
  });

  it('lists deal pipelines and their stages, including one a test defines', async () => {
    standIn.store.definePipeline('deals', {
      id: 'partner',
      label: 'Partner referrals',
      stages: [
        { id: 'intro', label: 'Intro' },
        { id: 'won', label: 'Won', isClosed: true, probability: 1 },
      ],
    });
    const pipelines = await client(standIn).crm.pipelines.pipelinesApi.getAll('deals');
    expect(pipelines.results.map((p) => p.id)).toEqual(['default', 'partner']);
    expect(pipelines.results[0]!.stages.map((s) => s.id)).toContain('closedwon');
    expect(pipelines.results[1]!.stages[1]).toMatchObject({ id: 'won', metadata: { isClosed: 'true', probability: '1' } });
  });

  it('rejects a wrong token with a 401 the client exposes as error.code', async () => {
    const wrong = new Client({ accessToken: 'nope', basePath: standIn.url, numberOfApiCallRetries: 1 });
    const error = (await wrong.crm.companies.basicApi.getPage(1).catch((e) => e)) as HttpError;
    expect(error.code).toBe(401);
    expect(error.body.category).toBe('INVALID_AUTHENTICATION');
  });
});

describe('retries', () => {
  it('retries injected 5xx faults and succeeds within its attempts', async () => {
    standIn.resetStats();
    standIn.injectFaults({ status: 502, count: 2, match: (method) => method === 'GET' });
    const page = await client(standIn, 3).crm.companies.basicApi.getPage(5);
    expect(page.results).toHaveLength(5);
    expect(standIn.stats.faults).toBe(2);
    expect(standIn.requestLog.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('gives up on a 5xx after its last attempt, with the status as error.code', async () => {
    standIn.injectFaults({ status: 500, count: 2 });
    const error = (await client(standIn, 2)
      .crm.companies.basicApi.getPage(5)
      .catch((e) => e)) as HttpError;
    expect(error.code).toBe(500);
  });

  it('waits and retries a 429 from the ten-second rolling limit, which the client recognises by its body', async () => {
    const fake = fakeRetryClock();
    const limited = await startHubSpotStandIn({
      rateLimit: { max: 2, intervalMs: 10_000 },
      store: standIn.store,
      rateLimitClock: fake.clock,
    });
    try {
      const hubspot = client(limited, 2);
      const id = seeded.companyIds[0]!;
      for (let i = 0; i < 3; i++) await hubspot.crm.companies.basicApi.getById(id);
      expect(limited.stats.rateLimited).toBe(1);
      expect(limited.requestLog.map((r) => r.status)).toEqual([200, 200, 429, 200]);
      expect(fake.waits).toEqual([10_000]);
    } finally {
      fake.restore();
      await limited.close();
    }
  });

  it('retries a search over its own per-second limit (the secondly message)', async () => {
    const fake = fakeRetryClock();
    const limited = await startHubSpotStandIn({
      rateLimit: { max: 190, intervalMs: 10_000 },
      store: standIn.store,
      rateLimitClock: fake.clock,
    });
    try {
      const hubspot = client(limited, 3);
      for (let i = 0; i < 6; i++) await hubspot.crm.companies.searchApi.doSearch({ limit: 1, after: '0', filterGroups: [] });
      expect(limited.stats.rateLimited).toBe(1);
      expect(limited.requestLog.filter((r) => r.status === 200)).toHaveLength(6);
      expect(fake.waits).toEqual([1000]);
    } finally {
      fake.restore();
      await limited.close();
    }
  });
});
