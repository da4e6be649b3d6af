import type { CreatedApiToken, CreateTokenRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { apiTokens } from '@ptrack/storage';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { hashToken, newToken } from '../sessions/identity';
import { signedInUserOf } from '../sessions/list-sessions';
import { API_TOKEN_PREFIX } from '../sessions/resolve-actor';
import { toApiTokenDto } from './token-dto';

/** POST /api/tokens: a personal API token, shown once and stored as its SHA-256. */
export async function createToken(ctx: ServiceContext, input: CreateTokenRequest): Promise<CreatedApiToken> {
  const userId = signedInUserOf(ctx);
  // A token must not mint tokens: a leaked read token would otherwise become a read-write one.
  if (ctx.actor.tokenId) throw new AppError('NOT_ALLOWED', 'Create API tokens while signed in, not with a token');
  const token = newToken(API_TOKEN_PREFIX);
  const now = ctx.now();
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId,
        name: input.name,
        tokenHash: hashToken(token),
        access: input.access,
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    if (!row) throw new Error('the token was not stored');
    await audit(ctx, 'token-created', { tokenId: row.id, name: row.name, access: row.access }, tx);
    return { ...toApiTokenDto(row), token };
  });
}
