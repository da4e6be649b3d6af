import { api } from '../../../api/client';
import type {
  AcceptInvitationRequest,
  ApiTokenList,
  AuditPage,
  CreatedApiToken,
  CreatedInvitation,
  CreateTokenRequest,
  InvitationList,
  InvitationLookup,
  InviteUserRequest,
  LinkResponse,
  SessionList,
  SessionState,
  SetupRequest,
  SignInRequest,
  UpdateUserRequest,
  UserDto,
  UserList,
} from './auth-types';

const id = encodeURIComponent;

export const fetchSession = () => api.get<SessionState>('/api/session');
export const setup = (body: SetupRequest) => api.post<SessionState>('/api/setup', body);
export const signIn = (body: SignInRequest) => api.post<SessionState>('/api/session', body);
export const signOut = () => api.delete('/api/session');

export const fetchSessions = () => api.get<SessionList>('/api/sessions');
export const revokeSession = (sessionId: string) => api.delete(`/api/sessions/${id(sessionId)}`);
export const signOutEverywhere = () => api.delete('/api/sessions');

export const requestPasswordReset = (email: string) => api.post<void>('/api/password-reset', { email });
export const completePasswordReset = (token: string, password: string) =>
  api.post<void>('/api/password-reset/complete', { token, password });

export const fetchUsers = () => api.get<UserList>('/api/users');
export const updateUser = (userId: string, body: UpdateUserRequest) => api.patch<UserDto>(`/api/users/${id(userId)}`, body);
export const createResetLink = (userId: string) => api.post<LinkResponse>(`/api/users/${id(userId)}/reset-link`);

export const fetchInvitations = () => api.get<InvitationList>('/api/invitations');
export const createInvitation = (body: InviteUserRequest) => api.post<CreatedInvitation>('/api/invitations', body);
export const revokeInvitation = (invitationId: string) => api.delete(`/api/invitations/${id(invitationId)}`);
export const lookupInvitation = (token: string) => api.get<InvitationLookup>('/api/invitations/lookup', { token });
export const acceptInvitation = (body: AcceptInvitationRequest) => api.post<SessionState>('/api/invitations/accept', body);

export const fetchTokens = () => api.get<ApiTokenList>('/api/tokens');
export const createToken = (body: CreateTokenRequest) => api.post<CreatedApiToken>('/api/tokens', body);
export const revokeToken = (tokenId: string) => api.delete(`/api/tokens/${id(tokenId)}`);

export const fetchAudit = (query: { kind?: string | undefined; before?: string | undefined; limit?: number }) =>
  api.get<AuditPage>('/api/audit', query);
