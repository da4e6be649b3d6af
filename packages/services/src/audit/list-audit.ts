import type { AuditPage, AuditQuery } from '@ptrack/contracts';
import { auditLog } from '@ptrack/storage';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';

/** The audit log, newest first, a page at a time (`next` is the `before` of the following page). */
export async function listAudit(ctx: ServiceContext, query: AuditQuery): Promise<AuditPage> {
  authorize(ctx, 'audit:read');
  const where: SQL[] = [];
  if (query.kind) where.push(eq(auditLog.kind, query.kind));
  if (query.before) where.push(lt(auditLog.id, Number(query.before)));
  const rows = await ctx.database.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      kind: r.kind,
      actorName: r.actorName,
      userId: r.userId,
      ip: r.ip,
      detail: r.detail,
    })),
    next: rows.length > query.limit ? String(page[page.length - 1]?.id) : null,
  };
}
