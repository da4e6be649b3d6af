import { AppError, type Role } from '@ptrack/domain';
import type { ServiceContext } from '../context';

// A minimal stand-in for the one policy (permissions.md): the coarse permission table only. The policy
// work replaces this file (same path, same signature) with the table in @ptrack/domain and the
// "managers edit only their own partners" scope.

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

const TEAM_WRITER: readonly Role[] = ['admin', 'director', 'manager'];
const TEAM_READER: readonly Role[] = ['admin', 'director', 'manager', 'viewer'];
const ADMIN: readonly Role[] = ['admin'];

const ROLES_BY_PERMISSION: Record<Permission, readonly Role[]> = {
  'workspace:read': TEAM_READER,
  'partners:write': TEAM_WRITER,
  'views:write': TEAM_WRITER,
  'imports:run': TEAM_WRITER,
  'exports:run': TEAM_READER,
  'settings:write': ADMIN,
  'integrations:manage': ADMIN,
  'integrations:run': TEAM_WRITER,
  'jobs:run': ADMIN,
  'backup:run': ADMIN,
  'users:read': TEAM_READER,
  'users:manage': ADMIN,
  'audit:read': ADMIN,
};

// What a read-only API token keeps of its user's permissions.
const READ_ONLY_PERMISSIONS: ReadonlySet<Permission> = new Set(['workspace:read', 'exports:run', 'users:read']);

/** The permission names a role holds (read-only: only those a read token keeps). */
export function permissionsOf(role: Role, readOnly = false): Permission[] {
  return PERMISSIONS.filter((p) => ROLES_BY_PERMISSION[p].includes(role) && (!readOnly || READ_ONLY_PERMISSIONS.has(p)));
}

/** Refuses (NOT_ALLOWED) an actor whose role does not hold the permission. */
export function authorize(
  ctx: ServiceContext,
  permission: Permission,
  _scope?: { partnerId?: string; ownerUserId?: string | null },
): void {
  const { actor } = ctx;
  if (!ROLES_BY_PERMISSION[permission].includes(actor.role) || (actor.readOnly && !READ_ONLY_PERMISSIONS.has(permission))) {
    throw new AppError('NOT_ALLOWED', `Your role (${actor.role}${actor.readOnly ? ', read-only token' : ''}) may not do this`, {
      permission,
    });
  }
}
