import { partners, queryRows } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext, systemActor } from '../context';
import { getDigestSettings, updateDigestSettings } from '../digests/digest-settings';
import { openHubSpotTestKit } from '../hubspot/hubspot-test-kit';
import { listReps } from '../reps/get-rep';
import { getSettings, updateSettings } from '../settings';
import { listJobs } from './list-jobs';
import { JOBS } from './registry';
import { runJobInline } from './run-job-inline';

// The jobs the server runs: each is listed with the schedule its settings give, and runs.
const NOW = new Date('2026-02-04T17:00:00Z'); // a Wednesday
const database = await openTestDatabase();
const ctx = createContext(database, systemActor('Dana', 'api'), () => NOW);
afterAll(async () => {
  await database.close();
});

const listed = async (name: string) => (await listJobs(ctx, { jobs: JOBS, worker: false })).items.find((j) => j.name === name)!;

describe('the digest job', () => {
  it('follows the digest schedule in the workspace time zone, and runs without sending while it is off', async () => {
    expect((await listed('digest')).schedule).toBeNull();
    const off = await runJobInline(ctx, 'digest', JOBS);
    expect(off).toMatchObject({ status: 'succeeded', summary: 'nothing sent: schedule off' });

    const workspace = await getSettings(ctx);
    await updateSettings(ctx, { version: workspace.version, timeZone: 'Europe/Berlin' });
    const digest = await getDigestSettings(ctx);
    await updateDigestSettings(ctx, {
      version: digest.version,
      scheduleEnabled: true,
      scheduleWeekday: 1,
      scheduleTime: '08:30',
    });
    const job = await listed('digest');
    expect(job.schedule).toEqual({ cron: '30 8 * * 1', timeZone: 'Europe/Berlin' });
    // Monday 9 February 2026, 08:30 in Berlin (UTC+1).
    expect(job.nextRunAt).toBe('2026-02-09T07:30:00.000Z');
  });
});

describe('the HubSpot sync job', () => {
  it('is scheduled only once HubSpot is connected, then sets up, pulls and pushes in one run', async () => {
    const unconnected = await listed('hubspot-sync');
    expect(unconnected).toMatchObject({ schedule: null, available: false, note: expect.stringMatching(/not connected/) });
    await expect(runJobInline(ctx, 'hubspot-sync', JOBS)).rejects.toMatchObject({ code: 'CONFLICTING_STATE' });
    const kit = await openHubSpotTestKit({ companies: 3, contactsPerCompany: 2, deals: 4 });
    try {
      const jobs = await listJobs(kit.ctx, { jobs: JOBS, worker: false });
      expect(jobs.items.find((j) => j.name === 'hubspot-sync')!.schedule).toEqual({ cron: '*/15 * * * *', timeZone: 'UTC' });
      const run = await runJobInline(kit.ctx, 'hubspot-sync', JOBS);
      expect(run.status, run.error ?? '').toBe('succeeded');
      const reps = await listReps(kit.ctx, { limit: 100 });
      expect(reps.items.length).toBe(6);
      expect(run.counts).toMatchObject({ failed: 0 });
      expect(run.counts.created).toBeGreaterThanOrEqual(reps.items.length);
      // A second run finds nothing new: what it counts is every request HubSpot saw.
      kit.standIn.resetStats();
      const again = await runJobInline(kit.ctx, 'hubspot-sync', JOBS);
      expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
      expect(again.counts.requests).toBe(kit.standIn.stats.total);
    } finally {
      await kit.close();
    }
  });
});

describe('the database maintenance job', () => {
  it('refreshes the planner’s statistics of the embedded database, and says why not on PostgreSQL', async () => {
    const job = await listed('database-maintenance');
    if (database.kind === 'postgres') {
      expect(job).toMatchObject({ available: false, note: expect.stringContaining('autovacuum') });
      return;
    }
    await database.db
      .insert(partners)
      .values(Array.from({ length: 300 }, (_, i) => ({ name: `Maintained ${i}`, createdAt: NOW, updatedAt: NOW })));
    const run = await runJobInline(ctx, 'database-maintenance', JOBS);
    expect(run).toMatchObject({ status: 'succeeded' });
    const [stats] = await queryRows<{ tuples: number }>(
      database.db,
      sql`select reltuples::int as tuples from pg_class where oid = 'partners'::regclass`,
    );
    expect(stats!.tuples).toBe(300);
  });
});
