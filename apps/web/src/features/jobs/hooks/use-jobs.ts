import type { JobListResponse } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { fetchJobs, runJobNow } from '../api/jobs.api';

// While a run is queued or running, the list is re-read this often to show how it ends.
const ACTIVE_REFRESH_MS = 2_000;

function hasActiveRun(list: JobListResponse | undefined): boolean {
  return list?.items.some((job) => job.lastRun?.status === 'queued' || job.lastRun?.status === 'running') ?? false;
}

export function useJobs() {
  return useQuery({
    queryKey: queryKeys.jobs,
    queryFn: fetchJobs,
    refetchInterval: (query) => (hasActiveRun(query.state.data) ? ACTIVE_REFRESH_MS : false),
  });
}

export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => runJobNow(name),
    onSettled: () => invalidate(client, staleAfter.jobRun()),
  });
}
