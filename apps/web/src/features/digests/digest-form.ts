import type { DigestSettingsDto, UpdateDigestSettingsRequest } from '@ptrack/contracts';

/** The digest settings as the form edits them: text fields as strings, secrets write-only. */
export type DigestForm = {
  scheduleEnabled: boolean;
  scheduleWeekday: number;
  scheduleTime: string;
  scheduleChannels: ('slack' | 'email')[];
  skipEmpty: boolean;
  baseUrl: string;
  /** A new webhook URL; blank keeps the stored one. */
  slackWebhookUrl: string;
  removeSlackWebhook: boolean;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: 'tls' | 'starttls' | 'none';
  smtpUser: string;
  /** A new password; blank keeps the stored one. */
  smtpPassword: string;
  removeSmtpPassword: boolean;
  fromAddress: string;
  defaultEmail: string;
  recipients: { owner: string; email: string; slackMention: string }[];
};

export function digestFormOf(s: DigestSettingsDto): DigestForm {
  return {
    scheduleEnabled: s.scheduleEnabled,
    scheduleWeekday: s.scheduleWeekday,
    scheduleTime: s.scheduleTime,
    scheduleChannels: s.scheduleChannels,
    skipEmpty: s.skipEmpty,
    baseUrl: s.baseUrl ?? '',
    slackWebhookUrl: '',
    removeSlackWebhook: false,
    smtpHost: s.smtpHost ?? '',
    smtpPort: s.smtpPort === null ? '' : String(s.smtpPort),
    smtpSecurity: s.smtpSecurity,
    smtpUser: s.smtpUser ?? '',
    smtpPassword: '',
    removeSmtpPassword: false,
    fromAddress: s.fromAddress ?? '',
    defaultEmail: s.defaultEmail ?? '',
    recipients: s.recipients.map((r) => ({ owner: r.owner, email: r.email ?? '', slackMention: r.slackMention ?? '' })),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A problem the form can name before sending, or null. */
export function checkDigestForm(f: DigestForm): { field: string; message: string } | null {
  if (f.smtpPort.trim() !== '' && !/^\d{1,5}$/.test(f.smtpPort.trim()))
    return { field: 'smtpPort', message: 'must be a port number' };
  const blank = f.recipients.findIndex((r) => r.owner.trim() === '');
  if (blank >= 0) return { field: `recipients.${blank}.owner`, message: 'must not be blank' };
  return null;
}

/** The request body: blanks become null; a secret is sent only when typed, or null when removed. */
export function digestPatchOf(f: DigestForm, version: number): UpdateDigestSettingsRequest {
  return {
    version,
    scheduleEnabled: f.scheduleEnabled,
    scheduleWeekday: f.scheduleWeekday,
    scheduleTime: f.scheduleTime,
    scheduleChannels: f.scheduleChannels,
    skipEmpty: f.skipEmpty,
    baseUrl: orNull(f.baseUrl),
    ...(f.removeSlackWebhook
      ? { slackWebhookUrl: null }
      : f.slackWebhookUrl.trim()
        ? { slackWebhookUrl: f.slackWebhookUrl.trim() }
        : {}),
    smtpHost: orNull(f.smtpHost),
    smtpPort: f.smtpPort.trim() === '' ? null : Number(f.smtpPort),
    smtpSecurity: f.smtpSecurity,
    smtpUser: orNull(f.smtpUser),
    ...(f.removeSmtpPassword ? { smtpPassword: null } : f.smtpPassword !== '' ? { smtpPassword: f.smtpPassword } : {}),
    fromAddress: orNull(f.fromAddress),
    defaultEmail: orNull(f.defaultEmail),
    recipients: f.recipients.map((r) => ({
      owner: r.owner.trim(),
      email: orNull(r.email),
      slackMention: orNull(r.slackMention),
    })),
  };
}
