import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../../../lib/notify';
import {
  createInvitation,
  createResetLink,
  createToken,
  fetchAudit,
  fetchInvitations,
  fetchSessions,
  fetchTokens,
  fetchUsers,
  revokeInvitation,
  revokeSession,
  revokeToken,
  updateUser,
} from '../api/auth.api';
import type { CreateTokenRequest, InviteUserRequest, UpdateUserRequest } from '../api/auth-types';

const usersKey = ['users'] as const;
const invitationsKey = ['invitations'] as const;
const sessionsKey = ['sessions'] as const;
const tokensKey = ['tokens'] as const;

export const useUsers = () => useQuery({ queryKey: usersKey, queryFn: fetchUsers });
export const useInvitations = () => useQuery({ queryKey: invitationsKey, queryFn: fetchInvitations });
export const useSessions = () => useQuery({ queryKey: sessionsKey, queryFn: fetchSessions });
export const useTokens = () => useQuery({ queryKey: tokensKey, queryFn: fetchTokens });

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => updateUser(id, body),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
    onError: (error) => notifyError(error, 'The user was not changed'),
  });
}

export function useCreateInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserRequest) => createInvitation(body),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSettled: () => client.invalidateQueries({ queryKey: invitationsKey }),
    onError: (error) => notifyError(error, 'The invitation was not revoked'),
  });
}

export const useResetLink = () =>
  useMutation({ mutationFn: createResetLink, onError: (error) => notifyError(error, 'No reset link was made') });

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => client.invalidateQueries({ queryKey: sessionsKey }),
    onError: (error) => notifyError(error, 'The session was not ended'),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenRequest) => createToken(body),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
    onError: (error) => notifyError(error, 'The token was not revoked'),
  });
}

const AUDIT_PAGE = 50;

/** The audit log, newest first, a page at a time ("Older" asks for the next). */
export function useAudit(kind: string) {
  return useInfiniteQuery({
    queryKey: ['audit', kind],
    queryFn: ({ pageParam }) => fetchAudit({ kind: kind || undefined, before: pageParam, limit: AUDIT_PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
