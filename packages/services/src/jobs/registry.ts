import { automaticBackupJob } from './automatic-backup';
import { databaseMaintenanceJob } from './database-maintenance';
import { digestJob } from './digest-job';
import { hubspotSyncJob } from './hubspot-sync-job';
import type { JobDefinition } from './job-definition';
import { uploadExpiryJob } from './upload-expiry-job';

/** Every background job, in the order people see them. Add a job here and nowhere else. */
export const JOBS: readonly JobDefinition[] = [
  hubspotSyncJob,
  digestJob,
  automaticBackupJob,
  databaseMaintenanceJob,
  uploadExpiryJob,
];
