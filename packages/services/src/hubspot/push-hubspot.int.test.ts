import { COMPANY_AGGREGATE } from '@ptrack/domain';
import { partners, reps } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createAction } from '../actions/create-action';
import { updateRep } from '../reps/save-rep';
import { FAST, type HubSpotTestKit, openHubSpotTestKit } from './hubspot-test-kit';
import { pushHubSpot } from './push-hubspot';
import { setupHubSpotProperties, testHubSpotConnection } from './setup-hubspot';
import { syncHubSpot } from './sync-hubspot';

let kit: HubSpotTestKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

describe('HubSpot connection and setup', () => {
  it('tests the connection and refuses a wrong token with HubSpot’s 401', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 1, deals: 0 });
    await expect(testHubSpotConnection(kit.ctx, FAST)).resolves.toEqual({ ok: true, requests: 1 });
    const { saveHubSpotConnection } = await import('./hubspot-connection');
    await saveHubSpotConnection(kit.ctx, { token: 'pat-na1-wrong-token-0000' });
    await expect(testHubSpotConnection(kit.ctx, FAST)).rejects.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { status: 401 },
    });
  });

  it('creates the missing properties once and finds them the second time', async () => {
    kit = await openHubSpotTestKit({ companies: 1, contactsPerCompany: 1, deals: 0, defineProperties: false });
    const first = await setupHubSpotProperties(kit.ctx, FAST);
    expect(first.created).toEqual(
      expect.arrayContaining([
        'contacts.partner_sales_rep',
        'contacts.engagement_tier',
        `companies.${COMPANY_AGGREGATE.jordans}`,
      ]),
    );
    expect(first.existing).toEqual([]);
    expect(kit.standIn.store.property('contacts', 'engagement_tier')?.options.map((o) => o.value)).toEqual(['1', '2', '3', '4']);
    const second = await setupHubSpotProperties(kit.ctx, FAST);
    expect(second.created).toEqual([]);
    expect(second.existing.sort()).toEqual(first.created.sort());
  });
});

describe('pushHubSpot', () => {
  it('writes partner aggregates to companies and the tracker’s tier edits back to contacts', async () => {
    kit = await openHubSpotTestKit({ companies: 2, contactsPerCompany: 4, deals: 4 }, { pushRepEdits: true });
    await setupHubSpotProperties(kit.ctx, FAST);
    await syncHubSpot(kit.ctx, { mode: 'full', api: FAST });
    const [partner] = await kit.database.db.select().from(partners).orderBy(partners.hubspotCompanyId).limit(1);
    await createAction(kit.ctx, { partnerId: partner!.id, dueDate: '2030-01-15', type: 'Follow-up' });
    const [rep] = await kit.database.db
      .select()
      .from(reps)
      .where(eq(reps.partnerId, partner!.id))
      .orderBy(reps.hubspotContactId)
      .limit(1);
    const tier = rep!.engagementTier === 1 ? 2 : 1;
    await updateRep(kit.ctx, rep!.id, { version: rep!.version, engagementTier: tier });

    const report = await pushHubSpot(kit.ctx, { api: FAST });
    expect(report).toMatchObject({ kind: 'push', status: 'succeeded', failed: [] });
    // Only the edit made in the tracker goes back, not the values the sync brought in.
    expect(report.counts).toMatchObject({ 'companies.updated': 2, 'contacts.updated': 1 });

    const company = kit.standIn.store.get('companies', partner!.hubspotCompanyId!)!;
    const mine = await kit.database.db.select().from(reps).where(eq(reps.partnerId, partner!.id));
    const perTier = (t: number) => String(mine.filter((r) => r.engagementTier === t).length);
    expect(company.properties.get(COMPANY_AGGREGATE.tier1Reps)).toBe(perTier(1));
    expect(company.properties.get(COMPANY_AGGREGATE.tier2Reps)).toBe(perTier(2));
    expect(company.properties.get(COMPANY_AGGREGATE.nextActionDate)).toBe('2030-01-15');
    expect(Number(company.properties.get(COMPANY_AGGREGATE.jordans))).toBe(mine.filter((r) => (r.qualityScore ?? 0) >= 8).length);
    expect(kit.standIn.store.get('contacts', rep!.hubspotContactId!)!.properties.get('engagement_tier')).toBe(String(tier));

    const again = await pushHubSpot(kit.ctx, { api: FAST });
    expect(again.counts['contacts.updated']).toBe(0);
  });
});
