import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, digestLinks } from '@ptrack/domain';
import { buildActionsCalendar } from '@ptrack/integrations';
import { actions } from '@ptrack/storage';
import { asc, eq } from 'drizzle-orm';
import { actionQuery } from '../actions/action-dto';
import { inTransaction, type ServiceContext } from '../context';
import { loadDigestSettings } from './digest-settings';

const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

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
 * The ICS feed of every open action for the secret feed file name `<token>.ics`. A wrong, old or
 * missing token is NOT_FOUND, the same answer as for no feed at all.
 */
export async function getCalendarFeed(ctx: ServiceContext, file: string): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadDigestSettings(tx);
    const token = FEED_FILE.exec(file)?.[1];
    if (!token || !settings.calendarToken || !sameToken(token, settings.calendarToken)) {
      throw new AppError('NOT_FOUND', 'No calendar feed at this address');
    }
    const rows = await actionQuery(tx, eq(actions.status, 'open')).orderBy(asc(actions.dueDate), asc(actions.id));
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
