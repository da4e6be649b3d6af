// The accounts API's types (issue 12), from the contracts as types only (the bundle carries no zod).
// The web's own names for the two the contracts do not spell out: a role, and a permission name.

import type { Me } from '@ptrack/contracts';

export type {
  AcceptInvitationRequest,
  ApiTokenDto,
  ApiTokenList,
  AuditEntryDto,
  AuditPage,
  CompletePasswordResetRequest,
  CreatedApiToken,
  CreatedInvitation,
  CreateTokenRequest,
  InvitationDto,
  InvitationList,
  InvitationLookup,
  InviteUserRequest,
  LinkResponse,
  Me,
  PasswordResetRequest,
  SessionDto,
  SessionList,
  SessionState,
  SetupRequest,
  SignInRequest,
  TokenAccess,
  UpdateUserRequest,
  UserDto,
  UserList,
} from '@ptrack/contracts';

export type Role = Me['role'];

/** The permission names of `Me.permissions` (permissions.md; the server's list is in services' authorize). */
export type Permission =
  | 'workspace:read'
  | 'partners:write'
  | 'views:write'
  | 'imports:run'
  | 'exports:run'
  | 'settings:write'
  | 'integrations:manage'
  | 'integrations:run'
  | 'jobs:run'
  | 'backup:run'
  | 'users:read'
  | 'users:manage'
  | 'audit:read';
