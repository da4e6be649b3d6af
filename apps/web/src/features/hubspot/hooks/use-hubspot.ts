import type { SaveHubSpotConnectionRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import {
  fetchHubSpotConnection,
  fetchHubSpotRuns,
  runHubSpotPush,
  runHubSpotSync,
  saveHubSpotConnection,
  setupHubSpotProperties,
  testHubSpotConnection,
} from '../api/hubspot.api';

export function useHubSpotConnection() {
  return useQuery({ queryKey: queryKeys.hubspot.connection, queryFn: fetchHubSpotConnection });
}

export function useHubSpotRuns() {
  return useQuery({ queryKey: queryKeys.hubspot.runs, queryFn: fetchHubSpotRuns });
}

export function useSaveHubSpotConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveHubSpotConnectionRequest) => saveHubSpotConnection(body),
    onSuccess: (saved) => client.setQueryData(queryKeys.hubspot.connection, saved),
  });
}

export type HubSpotAction = 'test' | 'setup' | 'sync' | 'full-sync' | 'push';

/** One of the section's buttons; a sync or push reloads the runs, and a sync the partner lists it changed. */
export function useHubSpotAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: HubSpotAction) => {
      switch (action) {
        case 'test':
          return testHubSpotConnection();
        case 'setup':
          return setupHubSpotProperties();
        case 'sync':
          return runHubSpotSync('incremental');
        case 'full-sync':
          return runHubSpotSync('full');
        case 'push':
          return runHubSpotPush();
        default: {
          const never: never = action;
          throw new Error(`unknown action ${String(never)}`);
        }
      }
    },
    onSettled: (_data, _error, action) => {
      void invalidate(client, staleAfter.hubspotAction(action === 'sync' || action === 'full-sync'));
    },
  });
}
