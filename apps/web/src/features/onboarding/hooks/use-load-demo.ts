import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loadDemo } from '../api/demo.api';

/** Loads the demo workspace, then refetches everything (every list has changed). */
export function useLoadDemo() {
  const client = useQueryClient();
  return useMutation({ mutationFn: loadDemo, onSuccess: () => client.invalidateQueries() });
}
