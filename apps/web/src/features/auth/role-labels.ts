import type { Role } from './api/auth-types';

export const ROLE_LABELS = {
  admin: 'Admin',
  director: 'Director',
  manager: 'Manager',
  viewer: 'Viewer',
  partner_admin: 'Partner admin',
  partner_member: 'Partner member',
} as const satisfies Record<Role, string>;

export const ROLE_HELP = {
  admin: 'Everything, including users, settings and integrations',
  director: 'Edits every partner; runs imports and syncs',
  manager: 'Edits partners (their own, when the workspace says so)',
  viewer: 'Reads everything and exports; changes nothing',
  partner_admin: 'A partner’s user (for the partner portal)',
  partner_member: 'A partner’s user (for the partner portal)',
} as const satisfies Record<Role, string>;

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Partner roles belong to one partner, chosen when inviting. */
export const isPartnerRole = (role: Role) => role === 'partner_admin' || role === 'partner_member';
