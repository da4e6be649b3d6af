import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateAllBut } from '../../../api/query-keys';
import { loadDemo } from '../api/demo.api';

/** Loads the demo workspace, then refetches everything (every list has changed). */
export function useLoadDemo() {
  const client = useQueryClient();
  return useMutation({ mutationFn: loadDemo, onSuccess: () => invalidateAllBut(client) });
}
