import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { fetchDashboard } from '../api/dashboard.api';

/** The program figures; refetched when the page is opened again, since any write can move them. */
export function useDashboard() {
  return useQuery({ queryKey: queryKeys.dashboard, queryFn: fetchDashboard, refetchOnMount: 'always' });
}
