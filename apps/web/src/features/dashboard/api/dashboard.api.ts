import type { DashboardDto } from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchDashboard(): Promise<DashboardDto> {
  return api.call('getDashboard');
}
