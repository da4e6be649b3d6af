import type {
  ActionDto,
  CompleteActionRequest,
  LogTouchRequest,
  RescheduleOverdueRequest,
  RescheduleOverdueResponse,
  SnoozeActionRequest,
  TodayResponse,
  TouchDto,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

export type CompleteActionResult = { action: ActionDto; next: ActionDto | null; touch: TouchDto | null };
export type LogTouchResult = { touch: TouchDto; completed: ActionDto[]; next: ActionDto | null };

export function fetchToday(query: {
  limit: number;
  cursor?: string | undefined;
  due?: 'all' | 'overdue';
}): Promise<TodayResponse> {
  return api.get<TodayResponse>('/api/today', query);
}

export function rescheduleOverdue(body: RescheduleOverdueRequest): Promise<RescheduleOverdueResponse> {
  return api.post<RescheduleOverdueResponse>('/api/actions/reschedule-overdue', body);
}

export function completeAction(id: string, body: CompleteActionRequest): Promise<CompleteActionResult> {
  return api.post<CompleteActionResult>(`/api/actions/${id}/complete`, body);
}

export function snoozeAction(id: string, body: SnoozeActionRequest): Promise<ActionDto> {
  return api.post<ActionDto>(`/api/actions/${id}/snooze`, body);
}

export function logTouch(body: LogTouchRequest): Promise<LogTouchResult> {
  return api.post<LogTouchResult>('/api/touches', body);
}
