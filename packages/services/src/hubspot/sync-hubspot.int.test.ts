import { BATCH_READ_PAGE, DEAL_STAGES, INLINE_ASSOCIATIONS_PAGE } from '@ptrack/hubspot-stand-in';
import { changeHistory, partnerStats, partners, referrals, reps } from '@ptrack/storage';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST, type HubSpotTestKit, openHubSpotTestKit } from './hubspot-test-kit';
import { syncHubSpot } from './sync-hubspot';

let kit: HubSpotTestKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function snapshotOf(k: HubSpotTestKit) {
  const db = k.database.db;
  const [p, r, f, h] = [
    await db.select().from(partners).orderBy(partners.hubspotCompanyId),
    await db.select().from(reps).orderBy(reps.hubspotContactId),
    await db.select().from(referrals).orderBy(referrals.hubspotDealId),
    await db.select({ n: sql<number>`count(*)::int` }).from(changeHistory),
  ];
  return { partners: p, reps: r, referrals: f, history: h[0]!.n };
}

/** Each partner's maintained rep count against its reps as stored: the figures the grid and dashboard show. */
async function repCountsOf(k: HubSpotTestKit) {
  const db = k.database.db;
  const stats = await db.select({ id: partnerStats.partnerId, n: partnerStats.totalReps }).from(partnerStats);
  const stored = await db.select({ id: reps.partnerId, n: sql<number>`count(*)::int` }).from(reps).groupBy(reps.partnerId);
  const byId = (rows: { id: string; n: number }[]) => Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.id, r.n]));
  return { figures: byId(stats), records: byId(stored) };
}

describe('syncHubSpot (full)', () => {
  it('pulls partner companies, rep contacts and deals through the official client', async () => {
    kit = await openHubSpotTestKit({ companies: 3, contactsPerCompany: 2, otherContactsPerCompany: 1, deals: 7 });
    const report = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });

    expect(report).toMatchObject({ kind: 'full', status: 'succeeded', failed: [], created: 3 + 6 + 7, updated: 0 });
    const counts = await repCountsOf(kit);
    expect(counts.figures).toEqual(counts.records);
    expect(report.requests).toBeGreaterThan(0);
    const { partners: p, reps: r, referrals: f } = await snapshotOf(kit);
    expect(p.map((x) => x.domain)).toEqual([
      'partner-00001.example.com',
      'partner-00002.example.com',
      'partner-00003.example.com',
    ]);
    // Only partner sales reps become reps; the "other" contacts stay in HubSpot.
    expect(r).toHaveLength(6);
    const first = kit.standIn.store.get('contacts', r[0]!.hubspotContactId!)!;
    expect(r[0]).toMatchObject({
      email: first.properties.get('email'),
      title: first.properties.get('jobtitle'),
      engagementTier: Number(first.properties.get('engagement_tier')),
      qualityScore: Number(first.properties.get('rep_quality_score')),
    });
    expect(f).toHaveLength(7);
    const deal = kit.standIn.store.get('deals', f[0]!.hubspotDealId!)!;
    expect(f[0]!.amountMinor).toBe(Number(deal.properties.get('amount')) * 100);
    expect(f.map((x) => x.stage).sort()).toEqual(
      ['intro', 'qualified', 'deal', 'deal', 'deal', 'closed-won', 'closed-lost'].sort(),
    );
    expect(DEAL_STAGES).toHaveLength(7);
    // Every referral sits with the partner of its company.
    const partnerOfCompany = new Map(p.map((x) => [x.id, x.hubspotCompanyId]));
    for (const referral of f) {
      const companies = kit.standIn.store.associationsOf('deals', referral.hubspotDealId!, 'companies').map((a) => a.toId);
      expect(companies).toContain(partnerOfCompany.get(referral.partnerId));
    }
    const sources = await kit.database.db.selectDistinct({ source: changeHistory.source }).from(changeHistory);
    expect(sources).toEqual([{ source: 'hubspot' }]);
  });

  it('changes nothing when run again', async () => {
    kit = await openHubSpotTestKit({ companies: 2, contactsPerCompany: 3, deals: 5 });
    await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    const before = await snapshotOf(kit);
    const again = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 + 5, failed: [] });
    expect(await snapshotOf(kit)).toEqual(before);
  });

  it('links a partner of the same domain and a rep of the same email instead of creating them', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 2, deals: 0 });
    const [partner] = await kit.database.db
      .insert(partners)
      .values({ name: 'Our name for them', website: 'https://www.partner-00001.example.com/about' })
      .returning();
    const [rep] = await kit.database.db
      .insert(reps)
      .values({ partnerId: partner!.id, name: 'Typed by hand', email: 'REP1@partner-00001.example.com', notes: 'keep me' })
      .returning();
    const report = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    expect(report.counts).toMatchObject({ 'partners.linked': 1, 'reps.updated': 1, 'reps.created': 1 });
    const all = await kit.database.db.select().from(partners);
    expect(all).toEqual([
      expect.objectContaining({
        id: partner!.id,
        name: 'Our name for them',
        hubspotCompanyId: kit.standIn.store.ids('companies')[0],
      }),
    ]);
    const [linked] = await kit.database.db.select().from(reps).where(eq(reps.id, rep!.id));
    // HubSpot's name and email win; the tracker's notes stay.
    expect(linked).toMatchObject({
      email: 'rep1@partner-00001.example.com',
      notes: 'keep me',
      hubspotContactId: expect.any(String),
    });
    expect(linked!.name).not.toBe('Typed by hand');
  });

  it('reports a record it cannot apply and applies the rest', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 2, deals: 1 });
    const orphan = kit.standIn.store.create('contacts', { firstname: 'No', lastname: 'Company', partner_sales_rep: 'true' });
    const companyId = kit.standIn.store.ids('companies')[0]!;
    const odd = kit.standIn.store.create(
      'deals',
      { dealname: 'Odd', dealstage: 'closedwon', pipeline: 'default', amount: 'n/a' },
      [{ toType: 'companies', toId: companyId, typeId: 5 }],
    );
    const report = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    expect(report.status).toBe('succeeded');
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { object: 'contact', id: orphan.id, reason: expect.stringContaining('no associated company') },
        { object: 'deal', id: odd.id, reason: expect.stringContaining('amount') },
      ]),
    );
    expect(await kit.database.db.select().from(reps)).toHaveLength(2);
    expect(await kit.database.db.select().from(referrals)).toHaveLength(2);
  });

  it('survives a 429 storm and 5xx faults with the same result as a clean run', async () => {
    kit = await openHubSpotTestKit({ companies: 3, contactsPerCompany: 2, deals: 6 });
    kit.standIn.injectFaults({ status: 429, count: 4 });
    kit.standIn.injectFaults({ status: 503, count: 2, match: (_m, path) => path.includes('/batch/read') });
    kit.standIn.injectFaults({ status: 500, count: 1, match: (m, path) => m === 'GET' && path.endsWith('/objects/deals') });
    const report = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    expect(kit.standIn.stats.faults).toBe(7);
    expect(report).toMatchObject({ status: 'succeeded', created: 3 + 6 + 6, failed: [] });
    // Every attempt counts as a request, the failed ones included.
    expect(report.requests).toBe(kit.standIn.stats.total);
  });

  it('stays under the account limit when the client’s pacer is set below it', async () => {
    kit = await openHubSpotTestKit(
      { companies: 10, contactsPerCompany: 10, deals: 2500 },
      { standIn: { rateLimit: { max: 20, intervalMs: 1000 } } },
    );
    // 100 per 10 s paces 10 per second with at most 10 back to back after a pause: in any rolling
    // second at most 10 + 10 start, within the stand-in's 20.
    const report = await syncHubSpot(kit.ctx, { mode: 'full', api: { ...FAST, requestsPer10s: 100 } });
    expect(report).toMatchObject({ status: 'succeeded', failed: [] });
    expect(report.requests).toBeGreaterThan(20);
    expect(kit.standIn.stats.rateLimited).toBe(0);
  });

  it('waits out real rate limiting when the pacer is set too high, and loses nothing', async () => {
    kit = await openHubSpotTestKit(
      { companies: 10, contactsPerCompany: 10, deals: 2500 },
      { standIn: { rateLimit: { max: 3, intervalMs: 1000 } } },
    );
    const report = await syncHubSpot(kit.ctx, {
      mode: 'full',
      api: { ...FAST, retry: { attempts: 6, baseDelayMs: 2, maxDelayMs: 10, rateLimitDelayMs: 1000, maxRateLimitDelayMs: 1000 } },
    });
    expect(kit.standIn.stats.rateLimited).toBeGreaterThan(0);
    expect(report).toMatchObject({ status: 'succeeded', failed: [], created: 10 + 100 + 2500 });
    expect(report.requests).toBe(kit.standIn.stats.total);
  });

  it('refuses a second sync while one is running', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 1, deals: 0 });
    const first = syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    await expect(syncHubSpot(kit.ctx, { mode: 'full', api: FAST })).rejects.toMatchObject({ code: 'CONFLICTING_STATE' });
    await expect(first).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('fails with HubSpot’s status once retries run out, and records the failed run', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 1, deals: 0 });
    kit.standIn.injectFaults({ status: 502, count: 100 });
    await expect(
      syncHubSpot(kit.ctx, { mode: 'full', api: { ...FAST, retry: { ...FAST.retry, attempts: 3 } } }),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { status: 502 },
    });
    expect(kit.standIn.stats.total).toBe(3);
  });

  // A page is 500 listed records: 1,200 contacts make pages 1–3, 1,200 deals pages 4–6.
  it.each([
    [2, 'among the contacts', 1000],
    [4, 'among the deals', 1200],
  ])('resumes a sync interrupted after page %i (%s) without duplicates or loss', async (stopAfter, _where, repsBefore) => {
    const seed = { companies: 12, contactsPerCompany: 100, deals: 1200 };
    kit = await openHubSpotTestKit(seed);
    const interrupted = syncHubSpot(kit.ctx, {
      mode: 'full',
      api: FAST,
      afterPage: (n) => {
        if (n === stopAfter) throw new Error(`process killed after page ${n}`);
      },
    });
    await expect(interrupted).rejects.toThrow('process killed');
    const half = await snapshotOf(kit);
    // Whole pages only: nothing of the page after the interruption.
    expect(half.reps).toHaveLength(repsBefore);
    expect(half.referrals).toHaveLength(stopAfter === 4 ? 500 : 0);

    const resumed = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    expect(resumed).toMatchObject({ status: 'succeeded', resumed: true, failed: [] });
    const after = await snapshotOf(kit);
    expect(after.reps).toHaveLength(seed.companies * seed.contactsPerCompany);
    expect(new Set(after.reps.map((r) => r.hubspotContactId)).size).toBe(after.reps.length);
    expect(after.referrals).toHaveLength(seed.deals);
    expect(new Set(after.referrals.map((r) => r.hubspotDealId)).size).toBe(seed.deals);
    // The run's counts add up across the interruption: each record created exactly once.
    expect(resumed.counts).toMatchObject({ 'reps.created': 1200, 'referrals.created': 1200, 'partners.created': 12 });
    // The figures cover what both runs wrote, not only the resumed run's pages.
    const counts = await repCountsOf(kit);
    expect(Object.keys(counts.records)).toHaveLength(seed.companies);
    expect(counts.figures).toEqual(counts.records);
  });
});

describe('syncHubSpot (incremental)', () => {
  it('applies only what changed since the cursor: HubSpot wins for rep details, the tracker keeps its own fields', async () => {
    kit = await openHubSpotTestKit({ companies: 2, contactsPerCompany: 2, deals: 3 });
    await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    const store = kit.standIn.store;
    const [rep] = await kit.database.db.select().from(reps).orderBy(reps.hubspotContactId).limit(1);
    await kit.database.db.update(reps).set({ notes: 'met at SaaStr', responsive: true }).where(eq(reps.id, rep!.id));

    store.advance(60 * 60_000);
    const newTier = rep!.engagementTier === 1 ? '4' : '1';
    store.update('contacts', rep!.hubspotContactId!, { engagement_tier: newTier, jobtitle: 'VP Sales' });
    const companyId = store.ids('companies')[0]!;
    const added = store.create(
      'contacts',
      { firstname: 'New', lastname: 'Rep', email: 'new@partner.example.com', partner_sales_rep: 'true' },
      [{ toType: 'companies', toId: companyId, typeId: 1 }],
    );
    const dealId = store.ids('deals')[0]!;
    store.update('deals', dealId, { dealstage: 'closedwon' });

    const report = await syncHubSpot(kit.ctx, { mode: 'incremental', api: FAST });
    expect(report).toMatchObject({ kind: 'incremental', status: 'succeeded', failed: [] });
    expect(report.counts['reps.created']).toBe(1);
    expect(report.counts['reps.updated']).toBe(1);
    expect(report.counts['referrals.updated']).toBe(1);

    const [changed] = await kit.database.db.select().from(reps).where(eq(reps.id, rep!.id));
    expect(changed).toMatchObject({
      engagementTier: Number(newTier),
      title: 'VP Sales',
      notes: 'met at SaaStr',
      responsive: true,
    });
    const [created] = await kit.database.db.select().from(reps).where(eq(reps.hubspotContactId, added.id));
    expect(created?.name).toBe('New Rep');
    const [won] = await kit.database.db.select().from(referrals).where(eq(referrals.hubspotDealId, dealId));
    expect(won?.stage).toBe('closed-won');
    const history = await kit.database.db
      .select()
      .from(changeHistory)
      .where(sql`${changeHistory.entityId} = ${rep!.id} and ${changeHistory.field} = 'engagementTier'`);
    expect(history).toEqual([expect.objectContaining({ source: 'hubspot', after: Number(newTier) })]);
  });

  /**
   * A deal of the partner with `buyers` customer contacts, then a new partner rep: the rep has the
   * highest id, so it comes after every buyer in the deal's associations.
   */
  function dealWithLateRep(store: HubSpotTestKit['standIn']['store'], buyers: number) {
    const companyId = store.ids('companies')[0]!;
    const deal = store.create('deals', { dealname: 'Co-sell', dealstage: DEAL_STAGES[0]!, amount: '1200' }, [
      { toType: 'companies', toId: companyId, typeId: 341 },
    ]);
    for (let i = 0; i < buyers; i++)
      store.associate('deals', deal.id, 'contacts', store.create('contacts', { email: `buyer${i}@customer.example` }).id);
    const lateRep = store.create(
      'contacts',
      { firstname: 'Late', lastname: 'Rep', email: 'late@partner.example.com', partner_sales_rep: 'true' },
      [{ toType: 'companies', toId: companyId, typeId: 1 }],
    );
    store.associate('deals', deal.id, 'contacts', lateRep.id);
    expect(store.associationsOf('deals', deal.id, 'contacts').findIndex((a) => a.toId === lateRep.id)).toBe(buyers);
    return { dealId: deal.id, contactId: lateRep.id };
  }

  async function expectDealOfRep(late: { dealId: string; contactId: string }) {
    const db = kit!.database.db;
    const [rep] = await db.select().from(reps).where(eq(reps.hubspotContactId, late.contactId));
    const [referral] = await db.select().from(referrals).where(eq(referrals.hubspotDealId, late.dealId));
    expect(referral).toMatchObject({ repId: rep!.id, partnerId: rep!.partnerId });
  }

  it('reads every page of a changed deal’s associations: a rep past the first 500 contacts still gets the deal', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 1, deals: 0 });
    await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    kit.standIn.store.advance(60 * 60_000);
    const late = dealWithLateRep(kit.standIn.store, BATCH_READ_PAGE);
    const report = await syncHubSpot(kit.ctx, { mode: 'incremental', api: FAST });
    expect(report).toMatchObject({ kind: 'incremental', status: 'succeeded', failed: [] });
    await expectDealOfRep(late);
  });

  it('reads a listed deal’s contacts past the 100 HubSpot lists inline, in a full pull', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 1, deals: 0 });
    const late = dealWithLateRep(kit.standIn.store, INLINE_ASSOCIATIONS_PAGE + 20);
    const report = await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    expect(report).toMatchObject({ kind: 'full', status: 'succeeded', failed: [] });
    await expectDealOfRep(late);
  });
});
