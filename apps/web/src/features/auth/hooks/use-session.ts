import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys, removeAllButSession } from '../../../api/query-keys';
import { setSignedIn } from '../../../api/session-expiry';
import { fetchSession } from '../api/auth.api';
import type { Me, Permission, SessionState } from '../api/auth-types';

// Asked once at boot and then changed only by signing in or out here: a refetch answering "nobody"
// after the session ended must not swap the page (and a half-typed form) for the sign-in page — the
// sign-in dialog handles that over the page instead (api/session-expiry.ts).
export const sessionQuery = queryOptions({
  queryKey: queryKeys.session,
  queryFn: async () => {
    const state = await fetchSession();
    setSignedIn(state.user !== null);
    return state;
  },
  staleTime: Number.POSITIVE_INFINITY,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in user (null on the public pages and before signing in). */
export function useMe(): Me | null {
  return useQuery(sessionQuery).data?.user ?? null;
}

/** Whether the signed-in user's role holds `permission`; the server enforces it either way. */
export function useCan(permission: Permission): boolean {
  return useMe()?.permissions.includes(permission) ?? false;
}

/**
 * Makes a new session state the app's: after a sign-in as someone else (or a sign-out), nothing cached
 * for the previous user stays on screen.
 */
export function useApplySession(): (state: SessionState) => void {
  const client = useQueryClient();
  return useCallback(
    (state: SessionState) => {
      const before = client.getQueryData(sessionQuery.queryKey)?.user?.id ?? null;
      const after = state.user?.id ?? null;
      if (before !== after) removeAllButSession(client);
      setSignedIn(after !== null);
      client.setQueryData(queryKeys.session, state);
    },
    [client],
  );
}
