import type { RescheduleOverdueRequest, SnoozeActionRequest } from '@ptrack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidate, staleAfter } from '../../../api/query-keys';
import { rescheduleOverdue, snoozeAction } from '../api/today.api';

/** After any change to actions, Today and the partner rollups (next action, last touch) are stale. */
function useRefreshAfterWrite() {
  const client = useQueryClient();
  return () => invalidate(client, staleAfter.actionWrite());
}

export function useSnoozeAction() {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SnoozeActionRequest }) => snoozeAction(id, body),
    onSuccess: refresh,
  });
}

export function useRescheduleOverdue() {
  const refresh = useRefreshAfterWrite();
  return useMutation({ mutationFn: (body: RescheduleOverdueRequest) => rescheduleOverdue(body), onSuccess: refresh });
}
