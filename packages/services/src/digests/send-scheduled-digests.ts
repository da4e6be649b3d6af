import type { DigestDeliveryReport } from '@ptrack/contracts';
import { digestSchedule, todayIn } from '@ptrack/domain';
import { digestSettings } from '@ptrack/storage';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { loadDigestSettings } from './digest-settings';
import { sendDigests } from './send-digests';

export type ScheduledDigestResult = {
  /** Why nothing went out, when nothing did. */
  skipped: 'schedule-off' | 'already-sent-today' | null;
  counts: { sent: number; skipped: number; failed: number };
  reports: DigestDeliveryReport[];
};

/** The schedule for the job scheduler from the stored settings: `{ cron, tz }`, or null when it is off. */
export async function getDigestSchedule(ctx: ServiceContext): Promise<{ cron: string; tz: string } | null> {
  return inTransaction(ctx, async (tx) => {
    const workspace = await loadSettings(tx);
    const s = await loadDigestSettings(tx);
    return digestSchedule({ ...s, timeZone: workspace.timeZone });
  });
}

/**
 * The scheduled run (called by the job scheduler): sends to every channel the schedule names that is
 * set up. The workspace day is claimed first, so a retried or doubled job sends a day's digest once;
 * when every delivery failed the claim is given back, so the job's retry tries again.
 */
export async function sendScheduledDigests(ctx: ServiceContext, options: { now: Date }): Promise<ScheduledDigestResult> {
  const at: ServiceContext = { ...ctx, now: () => options.now };
  const claim = await inTransaction(at, async (tx) => {
    const workspace = await loadSettings(tx);
    const s = await loadDigestSettings(tx);
    if (!s.scheduleEnabled) return { status: 'schedule-off' as const };
    const today = todayIn(workspace.timeZone, options.now);
    const claimed = await tx
      .update(digestSettings)
      .set({ lastScheduledDay: today })
      .where(
        and(eq(digestSettings.id, 1), or(isNull(digestSettings.lastScheduledDay), ne(digestSettings.lastScheduledDay, today))),
      )
      .returning({ id: digestSettings.id });
    if (claimed.length === 0) return { status: 'already-sent-today' as const };
    const channels = s.scheduleChannels.filter((c) => (c === 'slack' ? !!s.slackWebhookUrl : !!(s.smtpHost && s.fromAddress)));
    return { status: 'claimed' as const, previous: s.lastScheduledDay, channels };
  });
  if (claim.status !== 'claimed') return { skipped: claim.status, counts: { sent: 0, skipped: 0, failed: 0 }, reports: [] };
  const giveBack = () =>
    inTransaction(at, async (tx) => {
      await tx.update(digestSettings).set({ lastScheduledDay: claim.previous }).where(eq(digestSettings.id, 1));
    });
  const reports: DigestDeliveryReport[] = [];
  try {
    for (const to of claim.channels) reports.push(await sendDigests(at, { to }));
  } catch (error) {
    await giveBack();
    throw error;
  }
  const counts = {
    sent: reports.reduce((n, r) => n + r.sent, 0),
    skipped: reports.reduce((n, r) => n + r.skipped, 0),
    failed: reports.reduce((n, r) => n + r.failed, 0),
  };
  if (counts.sent === 0 && counts.failed > 0) await giveBack();
  return { skipped: null, counts, reports };
}
