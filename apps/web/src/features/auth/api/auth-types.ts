// The accounts API's request and response types (issue 12: /api/session, users, invitations, tokens,
// audit), written from the shared contract (auth-api.md) while `packages/contracts/src/auth.ts` is being
// written on the identity branch. At merge the lead replaces this file by type-only re-exports from
// `@ptrack/contracts` (the names below are the ones used there); `Role` becomes `Me['role']` and
// `Permission` stays (or comes from the policy's permission list).

export type Role = 'admin' | 'director' | 'manager' | 'viewer' | 'partner_admin' | 'partner_member';

/** The signed-in user, with the permission names their role holds (used to hide controls). */
export type Me = {
  id: string;
  name: string;
  email: string;
  role: Role;
  partnerId: string | null;
  permissions: string[];
};

export type SessionState = { needsSetup: boolean; user: Me | null };

export type SetupRequest = { name: string; email: string; password: string };
export type SignInRequest = { email: string; password: string };

export type SessionDto = {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
};
export type SessionList = { items: SessionDto[] };

export type PasswordResetRequest = { email: string };
export type CompletePasswordResetRequest = { token: string; password: string };

export type UserDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  partnerId: string | null;
  active: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  version: number;
};
export type UserList = { items: UserDto[] };
export type UpdateUserRequest = { version: number; role?: Role; active?: boolean; name?: string };
export type LinkResponse = { url: string; expiresAt: string; emailed: boolean };

export type InvitationDto = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  partnerId: string | null;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null;
};
export type InvitationList = { items: InvitationDto[] };
export type InviteUserRequest = { email: string; name?: string; role: Role; partnerId?: string };
export type CreatedInvitation = InvitationDto & { url: string; emailed: boolean };
export type InvitationLookup = { email: string; name: string | null; role: Role; expiresAt: string };
export type AcceptInvitationRequest = { token: string; name: string; password: string };

export type TokenAccess = 'read' | 'read-write';
export type ApiTokenDto = {
  id: string;
  name: string;
  access: TokenAccess;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};
export type ApiTokenList = { items: ApiTokenDto[] };
export type CreateTokenRequest = { name: string; access: TokenAccess; expiresInDays?: number };
export type CreatedApiToken = ApiTokenDto & { token: string };

export type AuditEntryDto = {
  id: string;
  at: string;
  kind: string;
  actorName: string | null;
  userId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
};
export type AuditPage = { items: AuditEntryDto[]; next: string | null };

/** The permission names of `Me.permissions` (the policy table of issue 12). */
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
