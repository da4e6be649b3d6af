import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, addDays, digestLinks, ownerKey, UNASSIGNED_LABEL } from '@ptrack/domain';
import { buildActionsCalendar } from '@ptrack/integrations';
import { actions, partners } from '@ptrack/storage';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { actionQuery } from '../actions/action-dto';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { loadDigestSettings } from './digest-settings';

const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;
/**
 * What the feed holds: every overdue action and those due in the next 60 days, the earliest 2,000. A
 * program of 2,000 partners has ~20,000 open follow-ups; written out that is ~7 MB and 7+ s of
 * ical-generator (measured), more than calendar apps take, and nobody plans from 500 events a day.
 * `?owner=` gives each owner a feed of their own.
 */
export const CALENDAR_DAYS_AHEAD = 60;
export const CALENDAR_MAX_EVENTS = 2000;

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever is sent.
function sameToken(given: string, stored: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(stored).digest();
  return timingSafeEqual(a, b);
}

function hostOf(baseUrl: string | null): string {
  try {
    return baseUrl ? new URL(baseUrl).host : 'partner-tracker';
  } catch {
    return 'partner-tracker';
  }
}

/**
 * The ICS feed of open actions — all overdue ones and those due in the next 60 days, of one owner
 * when asked — for the secret feed file name `<token>.ics`. A wrong, old or missing token is
 * NOT_FOUND, the same answer as for no feed at all.
 */
export async function getCalendarFeed(
  ctx: ServiceContext,
  file: string,
  options: { owner?: string | undefined } = {},
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadDigestSettings(tx);
    const token = FEED_FILE.exec(file)?.[1];
    const stored = settings.calendarToken
      ? ctx.database.secrets.tryDecrypt(settings.calendarToken, 'digest_settings.calendar_token')
      : null;
    if (!token || !stored || !sameToken(token, stored)) {
      throw new AppError('NOT_FOUND', 'No calendar feed at this address');
    }
    const { today } = calendarOf(await loadSettings(tx), ctx.now());
    const key =
      options.owner === undefined ? null : ownerKey(options.owner) === ownerKey(UNASSIGNED_LABEL) ? '' : ownerKey(options.owner);
    const rows = await actionQuery(
      tx,
      and(
        eq(actions.status, 'open'),
        lte(actions.dueDate, addDays(today, CALENDAR_DAYS_AHEAD)),
        // The same matching as ownerKey: trimmed, ignoring case; '' is the partners without an owner.
        key === null ? undefined : sql`lower(btrim(coalesce(${partners.owner}, ''))) = ${key}`,
      ),
    )
      .orderBy(asc(actions.dueDate), asc(actions.id))
      .limit(CALENDAR_MAX_EVENTS);
    const links = digestLinks(settings.baseUrl);
    return buildActionsCalendar({
      name: 'Partner Tracker — next actions',
      domain: hostOf(settings.baseUrl),
      actions: rows.map((r) => ({
        id: r.a.id,
        dueDate: r.a.dueDate,
        partnerName: r.partnerName,
        repName: r.rep?.name ?? null,
        type: r.a.type,
        notes: r.a.notes,
        url: links ? links.partner(r.a.partnerId) : null,
      })),
    });
  });
}
