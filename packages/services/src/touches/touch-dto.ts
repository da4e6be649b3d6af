import type { TouchDto } from '@ptrack/contracts';
import type { touches } from '@ptrack/storage';

export function toTouchDto(t: typeof touches.$inferSelect): TouchDto {
  return {
    ...t,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    occurredAt: t.occurredAt.toISOString(),
  };
}
