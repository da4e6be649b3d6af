import type { JobListResponse, JobRunDto } from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchJobs(): Promise<JobListResponse> {
  return api.call('listJobs');
}

/** Runs a job now: queued for the server's worker (or, without one, run within the request). */
export function runJobNow(name: string): Promise<JobRunDto> {
  return api.call('runJob', { params: { name } });
}
