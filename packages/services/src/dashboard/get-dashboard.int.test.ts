import { type Database, refreshAllStats } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext, systemActor } from '../context';
import { createPartner } from '../partners/create-partner';
import { createReferral } from '../referrals/save-referral';
import { getDashboard } from './get-dashboard';

const NOW = new Date('2026-02-04T17:00:00Z');

describe('the dashboard funnel', () => {
  let database: Database;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase();
    ctx = createContext(database, systemActor('dashboard test', 'api'), () => NOW);
  });
  afterAll(async () => database.close());

  it('stays monotone when a sheet brought only later stages: a closed-won baseline passed every earlier stage', async () => {
    // As imported from a legacy sheet: 53 intros and 10 closed won, no qualified conversations or deals.
    const legacy = await createPartner(ctx, { name: 'Legacy Partner' });
    await database.db.execute(
      sql`update partners set baseline = ${JSON.stringify({ introsMade: 53, closedWon: 10 })}::jsonb where id = ${legacy.id}`,
    );
    // And one partner tracked here: two intros, one of them a deal.
    const tracked = await createPartner(ctx, { name: 'Tracked Partner' });
    await createReferral(ctx, { partnerId: tracked.id, account: { name: 'Globex' }, introducedAt: '2026-01-10', stage: 'intro' });
    await createReferral(ctx, { partnerId: tracked.id, account: { name: 'Initech' }, introducedAt: '2026-01-12', stage: 'deal' });
    await refreshAllStats(database.db, { timeZone: 'UTC', today: '2026-02-04' });

    const { funnel } = await getDashboard(ctx);
    expect(funnel).toMatchObject({ introsMade: 53 + 2, qualifiedConversations: 10 + 1, dealsBroughtIn: 10 + 1, closedWon: 10 });
    expect(funnel.introToDealConversion).toBeCloseTo(11 / 55);
  });
});
