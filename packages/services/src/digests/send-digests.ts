import type { DigestDelivery, DigestDeliveryReport, SendDigestRequest } from '@ptrack/contracts';
import { AppError, digestFor, isDigestEmpty, type OwnerDigest, ownerKey, ownerLabel, UNASSIGNED_LABEL } from '@ptrack/domain';
import { digestEmail, postSlackMessage, sendEmail, slackDigestMessage } from '@ptrack/integrations';
import type { SecretBox } from '@ptrack/storage';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import { composeWorkspaceDigests, type WorkspaceDigests } from './compose-digests';
import type { DigestSettings } from './digest-settings';

/**
 * The digests one send covers: one owner's (even when empty, so "test-send" always shows something),
 * or every owner with something this week plus every listed recipient (who then hears "nothing").
 */
export function digestsToSend(w: WorkspaceDigests, owner: string | undefined): OwnerDigest[] {
  if (owner !== undefined) {
    const unassigned = ownerKey(owner) === ownerKey(UNASSIGNED_LABEL);
    return [digestFor(w.digests, unassigned ? null : owner, w.today, w.weekEnd)];
  }
  const present = new Set(w.digests.map((d) => ownerKey(d.owner)));
  const quiet = w.settings.recipients
    .map((r) => (ownerKey(r.owner) === ownerKey(UNASSIGNED_LABEL) ? null : r.owner))
    .filter((owner) => !present.has(ownerKey(owner)))
    .map((owner) => digestFor([], owner, w.today, w.weekEnd));
  return [...w.digests, ...quiet];
}

// A recipient named "Unassigned" takes the Unassigned digest (else it goes to the default email).
function recipientOf(settings: DigestSettings, owner: string | null) {
  const key = ownerKey(owner ?? UNASSIGNED_LABEL);
  return settings.recipients.find((r) => ownerKey(r.owner) === key);
}

function report(channel: 'slack' | 'email', today: string, deliveries: DigestDelivery[]): DigestDeliveryReport {
  const count = (status: DigestDelivery['status']) => deliveries.filter((d) => d.status === status).length;
  return { channel, today, sent: count('sent'), skipped: count('skipped'), failed: count('failed'), deliveries };
}

async function deliverToSlack(secrets: SecretBox, w: WorkspaceDigests, digests: OwnerDigest[]): Promise<DigestDelivery[]> {
  const stored = w.settings.slackWebhookUrl;
  if (!stored) throw new AppError('CONFLICTING_STATE', 'No Slack webhook URL is set: add one in Settings → Digest & calendar');
  const url = secrets.decrypt(stored, 'digest_settings.slack_webhook_url');
  const out: DigestDelivery[] = [];
  for (const d of digests) {
    const mention = recipientOf(w.settings, d.owner)?.slackMention ?? null;
    if (w.settings.skipEmpty && isDigestEmpty(d)) {
      out.push({ owner: d.owner, recipient: mention, status: 'skipped', reason: 'nothing this week' });
      continue;
    }
    try {
      await postSlackMessage(url, slackDigestMessage(d, { baseUrl: w.settings.baseUrl, mention }));
      out.push({ owner: d.owner, recipient: mention, status: 'sent', reason: null });
    } catch (error) {
      out.push({ owner: d.owner, recipient: mention, status: 'failed', reason: (error as Error).message });
    }
  }
  return out;
}

async function deliverByEmail(secrets: SecretBox, w: WorkspaceDigests, digests: OwnerDigest[]): Promise<DigestDelivery[]> {
  const s = w.settings;
  if (!s.smtpHost || !s.fromAddress) {
    throw new AppError(
      'CONFLICTING_STATE',
      'Email is not set up: add the SMTP host and from address in Settings → Digest & calendar',
      {
        issues: [{ field: s.smtpHost ? 'fromAddress' : 'smtpHost', message: 'is not set' }],
      },
    );
  }
  const port = s.smtpPort ?? (s.smtpSecurity === 'tls' ? 465 : 587);
  const smtp = {
    host: s.smtpHost,
    port,
    security: s.smtpSecurity,
    user: s.smtpUser,
    password: s.smtpPassword && secrets.decrypt(s.smtpPassword, 'digest_settings.smtp_password'),
  };
  const out: DigestDelivery[] = [];
  for (const d of digests) {
    const to = recipientOf(s, d.owner)?.email ?? s.defaultEmail;
    if (!to) {
      const reason = `no email address for ${ownerLabel(d.owner)} (add a recipient or a default email)`;
      out.push({ owner: d.owner, recipient: null, status: 'skipped', reason });
      continue;
    }
    if (s.skipEmpty && isDigestEmpty(d)) {
      out.push({ owner: d.owner, recipient: to, status: 'skipped', reason: 'nothing this week' });
      continue;
    }
    try {
      await sendEmail(smtp, { ...digestEmail(d, { baseUrl: s.baseUrl }), from: s.fromAddress, to });
      out.push({ owner: d.owner, recipient: to, status: 'sent', reason: null });
    } catch (error) {
      out.push({ owner: d.owner, recipient: to, status: 'failed', reason: (error as Error).message });
    }
  }
  return out;
}

/** Sends the digests to Slack or by email now, and reports each delivery (one failure stops no other). */
export async function sendDigests(ctx: ServiceContext, input: SendDigestRequest): Promise<DigestDeliveryReport> {
  authorize(ctx, 'integrations:run');
  const w = await composeWorkspaceDigests(ctx);
  const digests = digestsToSend(w, input.owner);
  switch (input.to) {
    case 'slack':
      return report('slack', w.today, await deliverToSlack(ctx.database.secrets, w, digests));
    case 'email':
      return report('email', w.today, await deliverByEmail(ctx.database.secrets, w, digests));
    default: {
      const never: never = input.to;
      throw new Error(`unknown channel ${String(never)}`);
    }
  }
}
