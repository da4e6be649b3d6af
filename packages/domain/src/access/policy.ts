// Issue 12 "Roles and one policy": the permissions each role holds, defined once. The server enforces them
// in every use case; the web hides controls by the same names (Me.permissions).
import type { Role } from './roles';

export const PERMISSIONS = [
  'workspace:read',
  'partners:write',
  'views:write',
  'imports:run',
  'exports:run',
  'settings:write',
  'integrations:manage',
  'integrations:run',
  'jobs:run',
  'backup:run',
  'users:read',
  'users:manage',
  'audit:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;
const MANAGER: readonly Permission[] = [
  'workspace:read',
  'partners:write',
  'views:write',
  'imports:run',
  'exports:run',
  'integrations:run',
  'users:read',
];

/** Role → the permissions it holds. Partner users hold none: the portal (a later issue) has its own. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ALL,
  director: MANAGER,
  manager: MANAGER,
  viewer: ['workspace:read', 'exports:run', 'users:read'],
  partner_admin: [],
  partner_member: [],
};

/** What a read-only API token keeps of its user's permissions. */
export const READ_ONLY_PERMISSIONS: readonly Permission[] = ['workspace:read', 'exports:run', 'users:read'];

/** Who asks: the parts of the acting user the policy reads. */
export type AccessSubject = {
  role: Role;
  userId: string | null;
  partnerId: string | null;
  readOnly?: boolean;
};

/**
 * The record a permission is asked for. `ownerUserId` is the owner of the partner being written (null: no
 * owner); leaving it out means the write is not about one partner (an account, say).
 */
export type AccessScope = {
  partnerId?: string;
  ownerUserId?: string | null;
  /** The write can reach any partner at once (a sheet import, a HubSpot sync or push). */
  everyPartner?: boolean;
};

/** The workspace settings the policy reads. */
export type AccessSettings = { managersEditOwnPartnersOnly: boolean };

export const DEFAULT_ACCESS_SETTINGS: AccessSettings = { managersEditOwnPartnersOnly: false };

export type AccessDenialReason = 'ROLE_LACKS_PERMISSION' | 'READ_ONLY_TOKEN' | 'NOT_PARTNER_OWNER' | 'REACHES_EVERY_PARTNER';

export type AccessDecision = { allowed: true } | { allowed: false; reason: AccessDenialReason };

/** The permissions a subject holds, before any record scope: its role's, narrowed by a read-only token. */
export function permissionsOf(subject: Pick<AccessSubject, 'role' | 'readOnly'>): Permission[] {
  const held = ROLE_PERMISSIONS[subject.role];
  return subject.readOnly ? held.filter((p) => READ_ONLY_PERMISSIONS.includes(p)) : [...held];
}

/**
 * Whether `subject` may use `permission` on `scope`. docs/RULES.md "People and access": with the setting
 * "managers edit only their own partners" on, a manager writes only partners whose owner is that user.
 */
export function decide(
  subject: AccessSubject,
  permission: Permission,
  scope: AccessScope | undefined,
  settings: AccessSettings,
): AccessDecision {
  if (!ROLE_PERMISSIONS[subject.role].includes(permission)) return { allowed: false, reason: 'ROLE_LACKS_PERMISSION' };
  if (subject.readOnly && !READ_ONLY_PERMISSIONS.includes(permission)) return { allowed: false, reason: 'READ_ONLY_TOKEN' };
  if (
    permission === 'partners:write' &&
    subject.role === 'manager' &&
    settings.managersEditOwnPartnersOnly &&
    scope?.ownerUserId !== undefined &&
    (subject.userId === null || scope.ownerUserId !== subject.userId)
  ) {
    return { allowed: false, reason: 'NOT_PARTNER_OWNER' };
  }
  // A manager bound to their own partners cannot run what writes every partner's records at once.
  if (subject.role === 'manager' && settings.managersEditOwnPartnersOnly && scope?.everyPartner === true) {
    return { allowed: false, reason: 'REACHES_EVERY_PARTNER' };
  }
  return { allowed: true };
}

/** A sentence for a denial, naming what is not allowed. */
export function describeDenial(role: Role, permission: Permission, reason: AccessDenialReason): string {
  switch (reason) {
    case 'ROLE_LACKS_PERMISSION':
      return `A ${role.replace('_', ' ')} may not use ${permission}`;
    case 'READ_ONLY_TOKEN':
      return `A read-only API token may not use ${permission}`;
    case 'NOT_PARTNER_OWNER':
      return `${permission}: managers edit only the partners they own (workspace setting)`;
    case 'REACHES_EVERY_PARTNER':
      return `${permission}: this writes every partner's records, and managers edit only the partners they own (workspace setting)`;
    default: {
      const never: never = reason;
      return never;
    }
  }
}
