import { useQuery } from '@tanstack/react-query';
import { fetchDashboard } from '../api/dashboard.api';

export const dashboardKey = ['dashboard'] as const;

/** The program figures; refetched when the page is opened again, since any write can move them. */
export function useDashboard() {
  return useQuery({ queryKey: dashboardKey, queryFn: fetchDashboard, refetchOnMount: 'always' });
}
