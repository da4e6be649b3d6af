import type { RepDto } from '@ptrack/contracts';
import { partners, reps } from '@ptrack/storage';
import { and, asc, eq, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { decodeCursor, pageOf } from '../paging';
import { loadSettings } from '../settings';
import { loadRepDto } from './rep-dto';

export async function getRep(ctx: ServiceContext, id: string): Promise<RepDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => loadRepDto(tx, await loadSettings(tx), ctx.now(), id));
}

/** Reps of a partner or matching a search, by name (case-insensitive), in cursor pages. */
export async function listReps(
  ctx: ServiceContext,
  query: { partnerId?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: RepDto[]; nextCursor: string | null }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const nameKey = sql<string>`lower(${reps.name}) collate "C"`;
    const rows = await tx
      .select({ id: reps.id, key: sql<string>`lower(${reps.name})` })
      .from(reps)
      .innerJoin(partners, eq(partners.id, reps.partnerId))
      .where(
        and(
          query.partnerId ? eq(reps.partnerId, query.partnerId) : undefined,
          query.q
            ? sql`strpos(lower(${reps.name} || ' ' || coalesce(${reps.email}, '') || ' ' || ${partners.name}), lower(${query.q}::text)) > 0`
            : undefined,
          after ? sql`(${nameKey}, ${reps.id}) > (${after[0]}::text collate "C", ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(nameKey), asc(reps.id))
      .limit(query.limit + 1);
    const page = pageOf(rows, query.limit, (r) => [r.key, r.id]);
    const items: RepDto[] = [];
    for (const r of page.items) items.push(await loadRepDto(tx, settings, ctx.now(), r.id));
    return { items, nextCursor: page.nextCursor };
  });
}
