import type { UpdateUserRequest, UserDto } from '@ptrack/contracts';
import { AppError, isPartnerRole, type Role } from '@ptrack/domain';
import { users } from '@ptrack/storage';
import { and, eq, ne, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { endUserAccess } from './end-user-access';
import { toUserDto } from './user-account';

/**
 * PATCH /api/users/{id}: role, active, name. Deactivating ends the user's sessions and revokes their
 * tokens; the last active admin can be neither demoted nor deactivated.
 */
export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserRequest): Promise<UserDto> {
  authorize(ctx, 'users:manage');
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!user) throw AppError.notFound('user', id);
    if (user.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', 'The user was changed by someone else', { current: toUserDto(user) });
    }
    const role = (input.role ?? user.role) as Role;
    const active = input.active ?? user.active;
    if (input.role && isPartnerRole(role) !== isPartnerRole(user.role as Role)) {
      throw AppError.validation([{ field: 'role', message: 'cannot move a user between team and partner roles' }]);
    }
    if (user.role === 'admin' && user.active && (role !== 'admin' || !active)) {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id)));
      if ((others?.n ?? 0) === 0) {
        throw new AppError('CONFLICTING_STATE', 'The last active admin cannot be demoted or deactivated');
      }
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (role !== user.role) changes.role = { from: user.role, to: role };
    if (active !== user.active) changes.active = { from: user.active, to: active };
    if (input.name !== undefined && input.name !== user.name) changes.name = { from: user.name, to: input.name };
    if (Object.keys(changes).length === 0) return toUserDto(user);
    const [updated] = await tx
      .update(users)
      .set({ role, active, name: input.name ?? user.name, updatedAt: ctx.now(), version: user.version + 1 })
      .where(eq(users.id, id))
      .returning();
    const ended = active ? null : await endUserAccess(tx, id, ctx.now());
    await audit(ctx, 'user-changed', { userId: id, email: user.email, changes, ...(ended ? { ended } : {}) }, tx);
    return toUserDto(updated ?? user);
  });
}
