import { ROLES } from '@ptrack/domain';
import { z } from 'zod';
import { Email, Id, Instant } from './common';

// Accounts (issue 12): sessions, first run, invitations, password resets, users, API tokens, audit log.
// The contract is /work/briefs/auth-api.md; the web imports these types.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export const RoleName = z.enum(ROLES);
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
const PersonName = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const LinkToken = z.string().min(1, 'is required').max(200);

export const Me = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: RoleName,
    partnerId: z.uuid().nullable(),
    permissions: z.array(z.string()).meta({ description: "The permission names the user's role holds" }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const SessionState = z
  .object({ needsSetup: z.boolean().meta({ description: 'No user exists yet: POST /api/setup' }), user: Me.nullable() })
  .meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;

export const SetupRequest = z.strictObject({ name: PersonName, email: Email, password: Password });
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SignInRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SessionDto = z
  .object({
    id: z.uuid(),
    createdAt: Instant,
    lastSeenAt: Instant,
    expiresAt: Instant,
    userAgent: z.string().nullable(),
    ipAddress: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type SessionDto = z.infer<typeof SessionDto>;
export const SessionList = z.object({ items: z.array(SessionDto) });
export type SessionList = z.infer<typeof SessionList>;

export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;
export const CompletePasswordResetRequest = z.strictObject({ token: LinkToken, password: Password });
export type CompletePasswordResetRequest = z.infer<typeof CompletePasswordResetRequest>;

export const UserDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: RoleName,
    partnerId: z.uuid().nullable(),
    active: z.boolean(),
    createdAt: Instant,
    lastSignInAt: Instant.nullable(),
    version: z.int(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof UserDto>;
export const UserList = z.object({ items: z.array(UserDto) });
export type UserList = z.infer<typeof UserList>;

export const UpdateUserRequest = z.strictObject({
  version: z.int().min(1),
  role: RoleName.optional(),
  active: z.boolean().optional(),
  name: PersonName.optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const LinkResponse = z
  .object({
    url: z.string(),
    expiresAt: Instant,
    emailed: z.boolean().meta({ description: 'false when SMTP is not configured: copy the url to the person' }),
  })
  .meta({ id: 'Link' });
export type LinkResponse = z.infer<typeof LinkResponse>;

export const InvitationDto = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: RoleName,
    partnerId: z.uuid().nullable(),
    expiresAt: Instant,
    createdAt: Instant,
    invitedBy: z.string(),
  })
  .meta({ id: 'Invitation' });
export type InvitationDto = z.infer<typeof InvitationDto>;
export const InvitationList = z.object({ items: z.array(InvitationDto) });
export type InvitationList = z.infer<typeof InvitationList>;
export const CreatedInvitation = InvitationDto.extend({ url: z.string(), emailed: z.boolean() }).meta({
  id: 'CreatedInvitation',
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InviteUserRequest = z.strictObject({
  email: Email,
  name: PersonName.optional(),
  role: RoleName,
  partnerId: Id.optional(),
});
export type InviteUserRequest = z.infer<typeof InviteUserRequest>;

export const InvitationLookupQuery = z.strictObject({ token: LinkToken });
export const InvitationLookup = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: RoleName,
  expiresAt: Instant,
});
export type InvitationLookup = z.infer<typeof InvitationLookup>;

export const AcceptInvitationRequest = z.strictObject({ token: LinkToken, name: PersonName, password: Password });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const TOKEN_ACCESS = ['read', 'read-write'] as const;
export type TokenAccess = (typeof TOKEN_ACCESS)[number];

export const ApiTokenDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    access: z.enum(TOKEN_ACCESS),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    expiresAt: Instant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenDto = z.infer<typeof ApiTokenDto>;
export const ApiTokenList = z.object({ items: z.array(ApiTokenDto) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;
export const CreatedApiToken = ApiTokenDto.extend({
  token: z.string().meta({ description: 'The token itself: shown once, stored only as a hash' }),
}).meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const CreateTokenRequest = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  access: z.enum(TOKEN_ACCESS),
  expiresInDays: z.int().min(1).max(3650).optional(),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

export const AuditQuery = z.strictObject({
  kind: z.string().max(64).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'must be the `next` value of a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryDto = z
  .object({
    id: z.string(),
    at: Instant,
    kind: z.string(),
    actorName: z.string(),
    userId: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;
export const AuditPage = z.object({ items: z.array(AuditEntryDto), next: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
