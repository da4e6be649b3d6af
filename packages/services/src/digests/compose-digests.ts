import type { ActionDto, PartnerListRowDto } from '@ptrack/contracts';
import {
  composeDigests,
  type DigestAction,
  type DigestPartner,
  endOfWeek,
  type IsoDate,
  type OwnerDigest,
  type WeekStartsOn,
} from '@ptrack/domain';
import { actions, partners } from '@ptrack/storage';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { actionQuery, toActionDto } from '../actions/action-dto';
import { getToday } from '../actions/get-today';
import { inTransaction, type ServiceContext } from '../context';
import { listPartners } from '../partners/list-partners';
import { loadSettings } from '../settings';
import { type DigestSettings, loadDigestSettings } from './digest-settings';

const PAGE = 500;
// The same filter the grid and dashboard count as a plan at risk (the effective 90-day status).
const AT_RISK_FILTER = JSON.stringify({ field: 'planStatus', op: 'eq', value: 'at-risk' });

export type WorkspaceDigests = {
  today: IsoDate;
  weekEnd: IsoDate;
  timeZone: string;
  digests: OwnerDigest[];
  settings: DigestSettings;
};

function toDigestAction(a: ActionDto): DigestAction {
  return {
    id: a.id,
    partnerId: a.partnerId,
    partnerName: a.partnerName,
    repName: a.repName,
    type: a.type,
    notes: a.notes,
    dueDate: a.dueDate,
    daysOverdue: a.daysOverdue,
  };
}

function toDigestPartner(p: PartnerListRowDto): DigestPartner {
  return { id: p.id, name: p.name, daysSinceLastTouch: p.daysSinceLastTouch };
}

/** Every row of the Today list, page after page (the service's own rule: open, due today or earlier). */
async function allDueByToday(ctx: ServiceContext): Promise<{ today: IsoDate; timeZone: string; items: ActionDto[] }> {
  const first = await getToday(ctx, { limit: PAGE });
  const items = [...first.items];
  let cursor = first.nextCursor;
  while (cursor) {
    const next = await getToday(ctx, { limit: PAGE, cursor });
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { today: first.today, timeZone: first.timeZone, items };
}

async function allPartners(ctx: ServiceContext, query: { view?: string; filter?: string }): Promise<PartnerListRowDto[]> {
  const rows: PartnerListRowDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPartners(ctx, { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/**
 * Each owner's Monday list, from the services the app's own screens use: the Today list (overdue and
 * due today), the built-in "Needs attention" view (as the dashboard counts it), the partners whose
 * 90-day plan is at risk, and the open actions later this week (workspace time zone and week start).
 */
export async function composeWorkspaceDigests(ctx: ServiceContext): Promise<WorkspaceDigests> {
  const due = await allDueByToday(ctx);
  const needsAttention = await allPartners(ctx, { view: 'needs-attention' });
  const plansAtRisk = await allPartners(ctx, { filter: AT_RISK_FILTER });
  return inTransaction(ctx, async (tx) => {
    const workspace = await loadSettings(tx);
    const settings = await loadDigestSettings(tx);
    // The Today list's "today", so a digest built across midnight is still one day's list.
    const today = due.today;
    const weekEnd = endOfWeek(today, workspace.weekStartsOn as WeekStartsOn);
    const later = await actionQuery(
      tx,
      and(eq(actions.status, 'open'), gt(actions.dueDate, today), lte(actions.dueDate, weekEnd)),
    ).orderBy(asc(actions.dueDate), asc(actions.id));
    const owners = await tx.select({ id: partners.id, owner: partners.owner }).from(partners);
    const digests = composeDigests({
      today,
      weekEnd,
      ownerByPartner: new Map(owners.map((o) => [o.id, o.owner])),
      dueByToday: due.items.map(toDigestAction),
      laterThisWeek: later.map((r) => toDigestAction(toActionDto(r, today))),
      plansAtRisk: plansAtRisk.map(toDigestPartner),
      needsAttention: needsAttention.map(toDigestPartner),
    });
    return { today, weekEnd, timeZone: due.timeZone, digests, settings };
  });
}
