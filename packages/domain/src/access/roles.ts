// docs/RULES.md "People and access": team users hold one of four roles; partner users belong to one partner.

/** Roles of the team running the program. */
export const TEAM_ROLES = ['admin', 'director', 'manager', 'viewer'] as const;
/** Roles of a partner company's own users (the portal); each such user is tied to one partner. */
export const PARTNER_ROLES = ['partner_admin', 'partner_member'] as const;
export const ROLES = [...TEAM_ROLES, ...PARTNER_ROLES] as const;

export type TeamRole = (typeof TEAM_ROLES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isPartnerRole(role: Role): role is PartnerRole {
  return (PARTNER_ROLES as readonly Role[]).includes(role);
}
