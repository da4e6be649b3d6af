import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
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

const { users: usersKey, invitations: invitationsKey, sessions: sessionsKey, tokens: tokensKey } = queryKeys.accounts;

const refresh = (client: QueryClient, key?: readonly string[]) => invalidate(client, staleAfter.accountsChanged(key));

export const useUsers = () => useQuery({ queryKey: usersKey, queryFn: fetchUsers });
export const useInvitations = () => useQuery({ queryKey: invitationsKey, queryFn: fetchInvitations });
export const useSessions = () => useQuery({ queryKey: sessionsKey, queryFn: fetchSessions });
export const useTokens = () => useQuery({ queryKey: tokensKey, queryFn: fetchTokens });

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => updateUser(id, body),
    onSettled: () => refresh(client, usersKey),
    onError: (error) => notifyError(error, 'The user was not changed'),
  });
}

export function useCreateInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserRequest) => createInvitation(body),
    onSuccess: () => refresh(client, invitationsKey),
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSettled: () => refresh(client, invitationsKey),
    onError: (error) => notifyError(error, 'The invitation was not revoked'),
  });
}

export function useResetLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createResetLink,
    onSettled: () => refresh(client),
    onError: (error) => notifyError(error, 'No reset link was made'),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => refresh(client, sessionsKey),
    onError: (error) => notifyError(error, 'The session was not ended'),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenRequest) => createToken(body),
    onSuccess: () => refresh(client, tokensKey),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSettled: () => refresh(client, tokensKey),
    onError: (error) => notifyError(error, 'The token was not revoked'),
  });
}

const AUDIT_PAGE = 50;

/** The audit log, newest first, a page at a time ("Older" asks for the next). */
export function useAudit(kind: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.accounts.auditOf(kind),
    queryFn: ({ pageParam }) => fetchAudit({ kind: kind || undefined, before: pageParam, limit: AUDIT_PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
