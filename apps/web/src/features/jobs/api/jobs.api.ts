import type { JobListResponse, JobRunDto } from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchJobs(): Promise<JobListResponse> {
  return api.get<JobListResponse>('/api/jobs');
}

/** Runs a job now: queued for the server's worker (or, without one, run within the request). */
export function runJobNow(name: string): Promise<JobRunDto> {
  return api.post<JobRunDto>(`/api/jobs/${encodeURIComponent(name)}/run`);
}
