import type { ApiTokenDto } from '@ptrack/contracts';
import type { apiTokens } from '@ptrack/storage';

export function toApiTokenDto(t: typeof apiTokens.$inferSelect): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    access: t.access,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}
