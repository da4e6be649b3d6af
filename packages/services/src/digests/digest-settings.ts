import { randomBytes } from 'node:crypto';
import type { CalendarTokenResponse, DigestSettingsDto, UpdateDigestSettingsRequest } from '@ptrack/contracts';
import { AppError, ownerKey } from '@ptrack/domain';
import { digestSettings, type Executor, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { loadSettings } from '../settings';

export type DigestSettings = typeof digestSettings.$inferSelect;

// History of the digest settings sits beside the workspace settings' (…0001), under its own id.
const HISTORY_ID = '00000000-0000-0000-0000-000000000002';
const SECRET_FIELDS = ['slackWebhookUrl', 'smtpPassword', 'calendarToken'] as const;

export async function loadDigestSettings(tx: Executor): Promise<DigestSettings> {
  const rows = await tx.select().from(digestSettings).where(eq(digestSettings.id, 1));
  if (rows[0]) return rows[0];
  await tx.insert(digestSettings).values({ id: 1 }).onConflictDoNothing();
  const created = await tx.select().from(digestSettings).where(eq(digestSettings.id, 1));
  return created[0]!;
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
export function toDigestSettingsDto(s: DigestSettings, timeZone: string): DigestSettingsDto {
  const path = s.calendarToken ? calendarFeedPath(s.calendarToken) : null;
  return {
    scheduleEnabled: s.scheduleEnabled,
    scheduleWeekday: s.scheduleWeekday,
    scheduleTime: s.scheduleTime,
    scheduleChannels: s.scheduleChannels,
    timeZone,
    skipEmpty: s.skipEmpty,
    baseUrl: s.baseUrl,
    slackWebhook: secretState(s.slackWebhookUrl),
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

export async function getDigestSettings(ctx: ServiceContext): Promise<DigestSettingsDto> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    return toDigestSettingsDto(await loadDigestSettings(tx), settings.timeZone);
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

/** Writes a change of the settings read as `current` (the next version) and its history, secrets redacted. */
async function saveDigestSettings(
  tx: Tx,
  ctx: ServiceContext,
  current: DigestSettings,
  set: Partial<typeof digestSettings.$inferInsert>,
): Promise<DigestSettings> {
  const [updated] = await tx
    .update(digestSettings)
    .set({ ...set, version: current.version + 1, updatedAt: ctx.now() })
    .where(eq(digestSettings.id, 1))
    .returning();
  // The audit log says which secrets changed (never their values) and which other settings did.
  const changed = Object.keys(set).filter(
    (k) => JSON.stringify(set[k as keyof typeof set]) !== JSON.stringify(current[k as keyof DigestSettings]),
  );
  const secrets = changed.filter((k) => (SECRET_FIELDS as readonly string[]).includes(k));
  const others = changed.filter((k) => !(SECRET_FIELDS as readonly string[]).includes(k));
  if (secrets.length > 0) await audit(ctx, 'secret-changed', { fields: secrets.map((k) => `digests.${k}`) }, tx);
  if (others.length > 0) await audit(ctx, 'settings-changed', { fields: others.map((k) => `digests.${k}`) }, tx);
  await recordChange(tx, ctx, {
    entityType: 'settings',
    entityId: HISTORY_ID,
    partnerId: null,
    operation: 'update',
    ...redacted(current, updated!),
  });
  return updated!;
}

/** Changes the digest settings; an omitted secret keeps its stored value, null removes it. */
export async function updateDigestSettings(ctx: ServiceContext, input: UpdateDigestSettingsRequest): Promise<DigestSettingsDto> {
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const current = await loadDigestSettings(tx);
    if (current.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', 'The digest settings were changed by someone else', {
        current: toDigestSettingsDto(current, settings.timeZone),
      });
    }
    checkRecipients(input.recipients);
    const { version: _version, ...patch } = input;
    const updated = await saveDigestSettings(tx, ctx, current, {
      ...patch,
      ...(patch.scheduleChannels ? { scheduleChannels: [...new Set(patch.scheduleChannels)] } : {}),
      ...(patch.recipients ? { recipients: patch.recipients.map((r) => ({ ...r, owner: r.owner.trim() })) } : {}),
    });
    return toDigestSettingsDto(updated, settings.timeZone);
  });
}

/**
 * A new secret calendar feed URL (256 random bits); the old one stops working at once, which is how a
 * leaked feed address is revoked.
 */
export async function regenerateCalendarToken(ctx: ServiceContext): Promise<z.infer<typeof CalendarTokenResponse>> {
  return inTransaction(ctx, async (tx) => {
    const current = await loadDigestSettings(tx);
    const token = randomBytes(32).toString('base64url');
    const updated = await saveDigestSettings(tx, ctx, current, { calendarToken: token });
    const path = calendarFeedPath(token);
    return { calendarFeedPath: path, calendarFeedUrl: webAppUrlOf(updated!.baseUrl, path) };
  });
}
