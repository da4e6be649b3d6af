import type { RepDto } from '@ptrack/contracts';
import { partners, reps } from '@ptrack/storage';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { loadRepDto } from './rep-dto';

export async function getRep(ctx: ServiceContext, id: string): Promise<RepDto> {
  return inTransaction(ctx, async (tx) => loadRepDto(tx, await loadSettings(tx), ctx.now(), id));
}

/** Reps of a partner or matching a search, by name; cursor is the last id seen. */
export async function listReps(
  ctx: ServiceContext,
  query: { partnerId?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: RepDto[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const rows = await tx
      .select({ id: reps.id })
      .from(reps)
      .innerJoin(partners, eq(partners.id, reps.partnerId))
      .where(
        and(
          query.partnerId ? eq(reps.partnerId, query.partnerId) : undefined,
          query.q ? sql`strpos(lower(${reps.name} || ' ' || coalesce(${reps.email}, '') || ' ' || ${partners.name}), lower(${query.q}::text)) > 0` : undefined,
          query.cursor ? gt(reps.id, query.cursor) : undefined,
        ),
      )
      .orderBy(asc(reps.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const items = [];
    for (const r of page) items.push(await loadRepDto(tx, settings, ctx.now(), r.id));
    items.sort((a, b) => a.name.localeCompare(b.name));
    return { items, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
  });
}
