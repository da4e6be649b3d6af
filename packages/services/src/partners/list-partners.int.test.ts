import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, systemActor } from '../context';
import { createReferral } from '../referrals/save-referral';
import { createRep } from '../reps/save-rep';
import { getSettings, updateSettings } from '../settings';
import { logTouch } from '../touches/log-touch';
import { createPartner } from './create-partner';
import { getPartner } from './get-partner';
import { listPartners } from './list-partners';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const DAY = 86_400_000;

describe('the calendar-dependent rollups of the partner grid', () => {
  it('move with the days, without any write, and agree with the partner page', async () => {
    let now = new Date('2026-06-01T12:00:00Z');
    const ctx = createContext(database, systemActor('test', 'api'), () => now);
    const settings = await getSettings(ctx);
    await updateSettings(ctx, { version: settings.version, timeZone: 'UTC' });
    const partner = await createPartner(ctx, { name: 'Calendar Co' });
    const engaged = await createRep(ctx, { partnerId: partner.id, name: 'Inbound Ida', engagementTier: 2 });
    const bringing = await createRep(ctx, { partnerId: partner.id, name: 'Referral Rob', engagementTier: 1 });
    await logTouch(ctx, {
      repId: engaged.id,
      kind: 'email',
      direction: 'inbound',
      occurredAt: new Date(now.getTime() - 85 * DAY).toISOString(),
    });
    await createReferral(ctx, { partnerId: partner.id, repId: bringing.id, introducedAt: '2026-03-10', stage: 'intro' });

    const row = async () => (await listPartners(ctx, { q: 'Calendar Co', limit: 5 })).items[0]!;
    expect(await row()).toMatchObject({ repsEngaged: 1, repsBringingDeals: 1, totalEngaged: 2 });

    now = new Date(now.getTime() + 6 * DAY); // the inbound reply is now 91 days old, the intro 88
    expect(await row()).toMatchObject({ repsEngaged: 0, repsBringingDeals: 1, totalEngaged: 1 });
    expect((await getPartner(ctx, partner.id)).rollup).toMatchObject({ repsEngaged: 0, repsBringingDeals: 1 });

    now = new Date(now.getTime() + 3 * DAY); // the intro is 91 days old too
    expect(await row()).toMatchObject({ repsEngaged: 0, repsBringingDeals: 0, totalEngaged: 0 });
    expect((await getPartner(ctx, partner.id)).rollup).toMatchObject({ repsEngaged: 0, repsBringingDeals: 0 });
  });

  it('pages a filtered list to the end, every page with the total of the whole list', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const ctx = createContext(database, systemActor('test', 'api'), () => now);
    for (const name of ['Page A', 'Page B', 'Page C', 'Page D', 'Page E'])
      await createPartner(ctx, { name, programStatus: 'Testing' });
    const filter = JSON.stringify({ field: 'programStatus', op: 'eq', value: 'Testing' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPartners(ctx, { filter, sort: '-name', limit: 2, cursor });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Page E', 'Page D', 'Page C', 'Page B', 'Page A']);
  });
});
