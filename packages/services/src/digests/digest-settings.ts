import { randomBytes } from 'node:crypto';
import type { CalendarTokenResponse, DigestSettingsDto, UpdateDigestSettingsRequest } from '@ptrack/contracts';
import { AppError, ownerKey } from '@ptrack/domain';
import { digestSettings, type Executor, one, type SecretBox, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { SingletonWriter } from '../writes/settings-writers';

export type DigestSettings = typeof digestSettings.$inferSelect;

// History of the digest settings sits beside the workspace settings' (…0001), under its own id.
const HISTORY_ID = '00000000-0000-0000-0000-000000000002';
const SECRET_FIELDS = ['slackWebhookUrl', 'smtpPassword', 'calendarToken'] as const;

export async function loadDigestSettings(tx: Executor): Promise<DigestSettings> {
  const rows = await tx.select().from(digestSettings).where(eq(digestSettings.id, 1));
  if (rows[0]) return rows[0];
  await tx.insert(digestSettings).values({ id: 1 }).onConflictDoNothing();
  return one(tx.select().from(digestSettings).where(eq(digestSettings.id, 1)), 'the digest settings row');
}

export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/** An address in the web app: its configured public address (the digest settings' `baseUrl`) and `path`; null when none is set. */
export function webAppUrlOf(baseUrl: string | null, path: string): string | null {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}${path}` : null;
}

function secretState(value: string | null): { configured: boolean; hint: string | null } {
  return value ? { configured: true, hint: value.length >= 12 ? value.slice(-4) : null } : { configured: false, hint: null };
}

/** The settings as the API shows them: secrets only as "configured" and a 4-character hint. */
export function toDigestSettingsDto(s: DigestSettings, timeZone: string, secrets: SecretBox): DigestSettingsDto {
  // The hint needs the URL in clear; with a wrong key the setting shows as configured, without a hint.
  const slack = s.slackWebhookUrl ? secrets.tryDecrypt(s.slackWebhookUrl, 'digest_settings.slack_webhook_url') : null;
  const calendarToken = s.calendarToken ? secrets.tryDecrypt(s.calendarToken, 'digest_settings.calendar_token') : null;
  const path = calendarToken ? calendarFeedPath(calendarToken) : null;
  return {
    scheduleEnabled: s.scheduleEnabled,
    scheduleWeekday: s.scheduleWeekday,
    scheduleTime: s.scheduleTime,
    scheduleChannels: s.scheduleChannels,
    timeZone,
    skipEmpty: s.skipEmpty,
    baseUrl: s.baseUrl,
    slackWebhook: s.slackWebhookUrl ? { configured: true, hint: secretState(slack).hint } : secretState(null),
    smtpHost: s.smtpHost,
    smtpPort: s.smtpPort,
    smtpSecurity: s.smtpSecurity,
    smtpUser: s.smtpUser,
    // A password's last characters are still part of the password: no hint.
    smtpPassword: { configured: s.smtpPassword !== null && s.smtpPassword !== '', hint: null },
    fromAddress: s.fromAddress,
    defaultEmail: s.defaultEmail,
    recipients: s.recipients,
    calendarFeedPath: path,
    calendarFeedUrl: path ? webAppUrlOf(s.baseUrl, path) : null,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** What history keeps of the settings: that a secret was set, replaced or removed, never the secret. */
function redacted(
  before: DigestSettings,
  after: DigestSettings,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = { ...before };
  const a: Record<string, unknown> = { ...after };
  for (const field of SECRET_FIELDS) {
    b[field] = before[field] ? '(secret)' : null;
    a[field] = after[field] ? (after[field] === before[field] ? '(secret)' : '(new secret)') : null;
  }
  return { before: b, after: a };
}

const digestSettingsWriter = new SingletonWriter({ table: digestSettings, historyId: HISTORY_ID, redact: redacted });

export async function getDigestSettings(ctx: ServiceContext): Promise<DigestSettingsDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    return toDigestSettingsDto(await loadDigestSettings(tx), settings.timeZone, ctx.database.secrets);
  });
}

function checkRecipients(recipients: z.infer<typeof UpdateDigestSettingsRequest>['recipients']): void {
  const seen = new Set<string>();
  recipients?.forEach((r, i) => {
    const key = ownerKey(r.owner);
    if (seen.has(key)) throw AppError.validation([{ field: `recipients.${i}.owner`, message: `"${r.owner}" is listed twice` }]);
    seen.add(key);
  });
}

// Where the SMTP password goes: a new value of any of these sends the stored password somewhere new.
const SMTP_DESTINATION = ['smtpHost', 'smtpPort', 'smtpUser'] as const;

/**
 * The stored password is sent to whatever host the settings name: moving it to another host, port or
 * user, or onto an unencrypted connection, takes someone who knows it. Clearing a field sends nothing.
 * (The Slack webhook URL is itself the secret: changing it always means entering it.)
 */
function checkSmtpDestination(current: DigestSettings, input: UpdateDigestSettingsRequest): void {
  if (!current.smtpPassword || input.smtpPassword !== undefined) return;
  const changed: string[] = SMTP_DESTINATION.filter((f) => input[f] != null && input[f] !== current[f]);
  if (input.smtpSecurity === 'none' && current.smtpSecurity !== 'none') changed.push('smtpSecurity');
  if (changed.length > 0) {
    throw AppError.validation([
      { field: 'smtpPassword', message: `enter the password again to send it to a new address (${changed.join(', ')} changed)` },
    ]);
  }
}

/** Writes a change of the settings read as `current` (the next version) and its history, secrets redacted. */
async function saveDigestSettings(
  tx: Tx,
  ctx: ServiceContext,
  current: DigestSettings,
  set: Partial<typeof digestSettings.$inferInsert>,
): Promise<DigestSettings> {
  const updated = await digestSettingsWriter.update({ tx, ctx }, current, set);
  // The audit log says which secrets changed (never their values) and which other settings did.
  const changed = Object.keys(set).filter(
    (k) => JSON.stringify(set[k as keyof typeof set]) !== JSON.stringify(current[k as keyof DigestSettings]),
  );
  const secrets = changed.filter((k) => (SECRET_FIELDS as readonly string[]).includes(k));
  const others = changed.filter((k) => !(SECRET_FIELDS as readonly string[]).includes(k));
  if (secrets.length > 0) await audit(ctx, 'secret-changed', { fields: secrets.map((k) => `digests.${k}`) }, tx);
  if (others.length > 0) await audit(ctx, 'settings-changed', { fields: others.map((k) => `digests.${k}`) }, tx);
  return updated;
}

/** Changes the digest settings; an omitted secret keeps its stored value, null removes it. */
export async function updateDigestSettings(ctx: ServiceContext, input: UpdateDigestSettingsRequest): Promise<DigestSettingsDto> {
  authorize(ctx, 'integrations:manage');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const current = await loadDigestSettings(tx);
    if (current.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', 'The digest settings were changed by someone else', {
        current: toDigestSettingsDto(current, settings.timeZone, ctx.database.secrets),
      });
    }
    checkRecipients(input.recipients);
    checkSmtpDestination(current, input);
    const { version: _version, slackWebhookUrl, smtpPassword, ...patch } = input;
    const secrets = ctx.database.secrets;
    const updated = await saveDigestSettings(tx, ctx, current, {
      ...patch,
      ...(slackWebhookUrl !== undefined
        ? { slackWebhookUrl: slackWebhookUrl && secrets.encrypt(slackWebhookUrl, 'digest_settings.slack_webhook_url') }
        : {}),
      ...(smtpPassword !== undefined
        ? { smtpPassword: smtpPassword && secrets.encrypt(smtpPassword, 'digest_settings.smtp_password') }
        : {}),
      ...(patch.scheduleChannels ? { scheduleChannels: [...new Set(patch.scheduleChannels)] } : {}),
      ...(patch.recipients ? { recipients: patch.recipients.map((r) => ({ ...r, owner: r.owner.trim() })) } : {}),
    });
    return toDigestSettingsDto(updated, settings.timeZone, secrets);
  });
}

/**
 * A new secret calendar feed URL (256 random bits); the old one stops working at once, which is how a
 * leaked feed address is revoked.
 */
export async function regenerateCalendarToken(ctx: ServiceContext): Promise<z.infer<typeof CalendarTokenResponse>> {
  authorize(ctx, 'integrations:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await loadDigestSettings(tx);
    const token = randomBytes(32).toString('base64url');
    const updated = await saveDigestSettings(tx, ctx, current, {
      calendarToken: ctx.database.secrets.encrypt(token, 'digest_settings.calendar_token'),
    });
    const path = calendarFeedPath(token);
    return { calendarFeedPath: path, calendarFeedUrl: webAppUrlOf(updated.baseUrl, path) };
  });
}
