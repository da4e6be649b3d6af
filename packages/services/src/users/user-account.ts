import type { Me, UserDto } from '@ptrack/contracts';
import { AppError, isPartnerRole, type Role } from '@ptrack/domain';
import { authAccounts, type Executor, users } from '@ptrack/storage';
import { permissionsOf } from '../access/authorize';
import { hashPassword } from '../sessions/identity';

export type UserRow = typeof users.$inferSelect;

/** better-auth's provider id for email + password accounts. */
export const CREDENTIAL_PROVIDER = 'credential';

/** Emails are compared and stored in lower case (better-auth signs in by the lower-cased address). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as Role,
    partnerId: u.partnerId,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    version: u.version,
  };
}

export function toMe(u: UserRow, readOnly = false): Me {
  const role = u.role as Role;
  return { id: u.id, name: u.name, email: u.email, role, partnerId: u.partnerId, permissions: permissionsOf(role, readOnly) };
}

/** A partner role needs its partner; a team role has none. */
export function checkRolePartner(role: Role, partnerId: string | null | undefined): void {
  if (isPartnerRole(role) && !partnerId) {
    throw AppError.validation([{ field: 'partnerId', message: 'is required for a partner role' }]);
  }
  if (!isPartnerRole(role) && partnerId) {
    throw AppError.validation([{ field: 'partnerId', message: 'is only for partner roles' }]);
  }
}

export async function anyUserExists(tx: Executor): Promise<boolean> {
  const rows = await tx.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

export type NewUserAccount = { name: string; email: string; role: Role; partnerId: string | null; password: string };

/**
 * Inserts a user and their email + password account; better-auth hashes the password (scrypt), the same
 * way its sign-in verifies it.
 */
export async function insertUserAccount(tx: Executor, input: NewUserAccount, now: Date): Promise<UserRow> {
  const email = normaliseEmail(input.email);
  const [user] = await tx
    .insert(users)
    .values({ name: input.name, email, role: input.role, partnerId: input.partnerId, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (!user)
    throw new AppError('DUPLICATE', 'email: a user with this email already exists', {
      issues: [{ field: 'email', message: 'a user with this email already exists' }],
    });
  await tx.insert(authAccounts).values({
    accountId: user.id,
    providerId: CREDENTIAL_PROVIDER,
    userId: user.id,
    password: await hashPassword(input.password),
    createdAt: now,
    updatedAt: now,
  });
  return user;
}
