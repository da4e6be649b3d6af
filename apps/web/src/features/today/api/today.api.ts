import type {
  ActionDto,
  CompleteActionRequest,
  LogTouchRequest,
  RescheduleOverdueRequest,
  RescheduleOverdueResponse,
  RouteResponse,
  SnoozeActionRequest,
  TodayResponse,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchToday(query: {
  limit: number;
  cursor?: string | undefined;
  due?: 'all' | 'overdue';
}): Promise<TodayResponse> {
  return api.call('getToday', { query });
}

export function rescheduleOverdue(body: RescheduleOverdueRequest): Promise<RescheduleOverdueResponse> {
  return api.call('rescheduleOverdue', { body });
}

export function completeAction(id: string, body: CompleteActionRequest): Promise<RouteResponse<'completeAction'>> {
  return api.call('completeAction', { params: { id }, body });
}

export function snoozeAction(id: string, body: SnoozeActionRequest): Promise<ActionDto> {
  return api.call('snoozeAction', { params: { id }, body });
}

export function logTouch(body: LogTouchRequest): Promise<RouteResponse<'logTouch'>> {
  return api.call('logTouch', { body });
}
