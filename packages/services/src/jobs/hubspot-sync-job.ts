import type { HubSpotRunReport } from '@ptrack/contracts';
import { loadConnection } from '../hubspot/hubspot-connection';
import { pushHubSpot } from '../hubspot/push-hubspot';
import { setupHubSpotProperties } from '../hubspot/setup-hubspot';
import { syncHubSpot } from '../hubspot/sync-hubspot';
import type { JobDefinition } from './job-definition';

function succeeded(report: HubSpotRunReport): HubSpotRunReport {
  // A failed run is the job's failure: recorded with HubSpot's reason and retried with backoff.
  if (report.status === 'failed') throw new Error(report.error ?? `the HubSpot ${report.kind} failed`);
  return report;
}

export const hubspotSyncJob: JobDefinition = {
  name: 'hubspot-sync',
  describe:
    'Every 15 minutes once HubSpot is connected: pulls what changed there (reps, partner companies, deals), then pushes partner figures back',
  async schedule(settings, db) {
    const connection = await loadConnection(db);
    return connection.accessToken ? { cron: '*/15 * * * *', tz: settings.timeZone } : null;
  },
  async idle(db) {
    return (await loadConnection(db)).accessToken ? null : 'HubSpot is not connected: connect it in Settings → HubSpot first';
  },
  async run(ctx) {
    // The properties the push writes exist once the setup ran (connecting in the settings runs it; a
    // token saved another way may not have).
    if (!(await loadConnection(ctx.database.db)).setupAt) await setupHubSpotProperties(ctx);
    const pulled = succeeded(await syncHubSpot(ctx, { mode: 'incremental' }));
    const pushed = succeeded(await pushHubSpot(ctx));
    return {
      counts: {
        created: pulled.created,
        updated: pulled.updated,
        unchanged: pulled.unchanged,
        failed: pulled.failed.length + pushed.failed.length,
        pushed: pushed.updated,
        requests: pulled.requests + pushed.requests,
      },
    };
  },
  // Missed while the machine slept: the next start catches up (an incremental pull resumes from its cursor).
  catchUp: true,
  retry: { limit: 3, delaySeconds: 60 },
};
