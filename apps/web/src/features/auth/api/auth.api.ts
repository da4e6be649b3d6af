import { api } from '../../../api/client';
import type {
  AcceptInvitationRequest,
  CreateTokenRequest,
  InviteUserRequest,
  SetupRequest,
  SignInRequest,
  UpdateUserRequest,
} from './auth-types';

export const fetchSession = () => api.call('getSession');
export const setup = (body: SetupRequest) => api.call('setup', { body });
export const signIn = (body: SignInRequest) => api.call('signIn', { body });
export const signOut = () => api.call('signOut');

export const fetchSessions = () => api.call('listSessions');
export const revokeSession = (sessionId: string) => api.call('revokeSession', { params: { id: sessionId } });
export const signOutEverywhere = () => api.call('signOutEverywhere');

export const requestPasswordReset = (email: string) => api.call('requestPasswordReset', { body: { email } });
export const completePasswordReset = (token: string, password: string) =>
  api.call('completePasswordReset', { body: { token, password } });

export const fetchUsers = () => api.call('listUsers');
export const updateUser = (userId: string, body: UpdateUserRequest) => api.call('updateUser', { params: { id: userId }, body });
export const createResetLink = (userId: string) => api.call('createResetLink', { params: { id: userId } });

export const fetchInvitations = () => api.call('listInvitations');
export const createInvitation = (body: InviteUserRequest) => api.call('createInvitation', { body });
export const revokeInvitation = (invitationId: string) => api.call('revokeInvitation', { params: { id: invitationId } });
export const lookupInvitation = (token: string) => api.call('lookupInvitation', { query: { token } });
export const acceptInvitation = (body: AcceptInvitationRequest) => api.call('acceptInvitation', { body });

export const fetchTokens = () => api.call('listTokens');
export const createToken = (body: CreateTokenRequest) => api.call('createToken', { body });
export const revokeToken = (tokenId: string) => api.call('revokeToken', { params: { id: tokenId } });

export const fetchAudit = (query: { kind?: string | undefined; before?: string | undefined; limit?: number }) =>
  api.call('listAudit', { query });
