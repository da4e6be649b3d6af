import { vacuumAnalyze } from '@ptrack/storage';
import type { JobDefinition } from './job-definition';

// The embedded database has no autovacuum: without this, the space of deleted and updated rows is never
// reused and the planner keeps the statistics of when the tables were small (see analyzeAfterBulkLoad).
export const databaseMaintenanceJob: JobDefinition = {
  name: 'database-maintenance',
  describe: 'Reclaims the space of changed rows and refreshes the query planner’s statistics in the embedded database, nightly',
  schedule: (settings) => ({ cron: '45 2 * * *', tz: settings.timeZone }),
  unavailable(database) {
    return database.kind === 'postgres' ? 'A PostgreSQL server does this itself (autovacuum)' : null;
  },
  async run(ctx) {
    const started = Date.now();
    await vacuumAnalyze(ctx.database.db);
    return { counts: { seconds: Math.round((Date.now() - started) / 1000) } };
  },
  catchUp: true,
};
