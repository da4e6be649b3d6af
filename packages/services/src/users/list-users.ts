import type { UserList } from '@ptrack/contracts';
import { users } from '@ptrack/storage';
import { asc } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import { toUserDto } from './user-account';

/** GET /api/users: every user, by name (owner pickers, the users page). */
export async function listUsers(ctx: ServiceContext): Promise<UserList> {
  authorize(ctx, 'users:read');
  const rows = await ctx.database.db.select().from(users).orderBy(asc(users.name), asc(users.id));
  return { items: rows.map(toUserDto) };
}
