import type { CompleteActionRequest, LogTouchRequest } from '@ptrack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidate, staleAfter } from '../../../api/query-keys';
import { completeAction, logTouch } from '../../today/api/today.api';

/** Logs a touch; wherever it was logged, the rollups, rep figures, timeline and Today move with it. */
export function useLogTouch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LogTouchRequest) => logTouch(body),
    onSuccess: () => invalidate(client, staleAfter.activity()),
  });
}

/** Marks an action done (and may log a touch and schedule the next action in the same request). */
export function useCompleteAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CompleteActionRequest }) => completeAction(id, body),
    onSuccess: () => invalidate(client, staleAfter.actionWrite()),
  });
}
