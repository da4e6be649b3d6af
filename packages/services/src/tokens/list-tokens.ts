import type { ApiTokenList } from '@ptrack/contracts';
import { apiTokens } from '@ptrack/storage';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { signedInUserOf } from '../sessions/list-sessions';
import { toApiTokenDto } from './token-dto';

/** GET /api/tokens: the signed-in user's own tokens that are not revoked. */
export async function listTokens(ctx: ServiceContext): Promise<ApiTokenList> {
  const userId = signedInUserOf(ctx);
  const rows = await ctx.database.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(toApiTokenDto) };
}
