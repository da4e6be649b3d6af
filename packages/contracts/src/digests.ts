import { z } from 'zod';
import { Email, IsoDate, Text, Url, Version } from './common';

const Weekday = z.int().min(0, 'must be 0 (Sunday) to 6 (Saturday)').max(6, 'must be 0 (Sunday) to 6 (Saturday)');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');
const Channel = z.enum(['slack', 'email']);
const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);

export const DigestRecipient = z
  .strictObject({
    owner: Text(200).min(1, 'must not be blank').meta({ description: "A partner owner's name, as in the partners' owner field" }),
    email: Email.nullable().default(null),
    slackMention: z
      .string()
      .trim()
      .regex(/^<(@[UW][A-Z0-9]+|!subteam\^[A-Z0-9]+|!here|!channel)>$/, 'must be a Slack mention such as <@U024BE7LH>')
      .nullable()
      .default(null),
  })
  .meta({ id: 'DigestRecipient' });
export type DigestRecipient = z.infer<typeof DigestRecipient>;

/** A stored secret as the API shows it: whether it is set, and at most its last 4 characters. */
const SecretState = z.object({ configured: z.boolean(), hint: z.string().nullable() });

export const DigestSettingsDto = z
  .object({
    scheduleEnabled: z.boolean(),
    scheduleWeekday: z.int().meta({ description: '0 = Sunday … 6 = Saturday, in the workspace time zone' }),
    scheduleTime: z.string().meta({ description: 'HH:MM in the workspace time zone' }),
    scheduleChannels: z.array(Channel),
    timeZone: z.string(),
    skipEmpty: z.boolean().meta({ description: 'Send nothing to an owner with nothing this week (else one line says so)' }),
    baseUrl: z.string().nullable().meta({ description: 'The web app address used for links in digests and the calendar' }),
    slackWebhook: SecretState,
    smtpHost: z.string().nullable(),
    smtpPort: z.int().nullable(),
    smtpSecurity: SmtpSecurity,
    smtpUser: z.string().nullable(),
    smtpPassword: SecretState,
    fromAddress: z.string().nullable(),
    defaultEmail: z.string().nullable().meta({ description: 'Gets the Unassigned digest and those of owners without an email' }),
    recipients: z.array(DigestRecipient),
    calendarFeedPath: z.string().nullable().meta({ description: 'The secret calendar feed path, null until one is created' }),
    calendarFeedUrl: z.string().nullable().meta({ description: 'The feed path on the base URL, when one is set' }),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DigestSettings' });
export type DigestSettingsDto = z.infer<typeof DigestSettingsDto>;

const NullableText = (max: number) =>
  Text(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

export const UpdateDigestSettingsRequest = z
  .strictObject({
    version: Version,
    scheduleEnabled: z.boolean().optional(),
    scheduleWeekday: Weekday.optional(),
    scheduleTime: Time.optional(),
    scheduleChannels: z.array(Channel).max(2).optional(),
    skipEmpty: z.boolean().optional(),
    baseUrl: Url.nullable().optional(),
    slackWebhookUrl: Url.nullable()
      .optional()
      .meta({ description: 'Write-only: omit to keep the stored one, null to remove it' }),
    smtpHost: NullableText(255).optional(),
    smtpPort: z.int().min(1).max(65535).nullable().optional(),
    smtpSecurity: SmtpSecurity.optional(),
    smtpUser: NullableText(320).optional(),
    smtpPassword: z
      .string()
      .max(1000)
      .nullable()
      .optional()
      .meta({ description: 'Write-only: omit to keep the stored one, null to remove it' }),
    fromAddress: Email.nullable().optional(),
    defaultEmail: Email.nullable().optional(),
    recipients: z.array(DigestRecipient).max(500).optional(),
  })
  .meta({ id: 'UpdateDigestSettingsRequest' });
export type UpdateDigestSettingsRequest = z.infer<typeof UpdateDigestSettingsRequest>;

export const SendDigestRequest = z
  .strictObject({
    to: Channel,
    owner: Text(200)
      .min(1)
      .optional()
      .meta({ description: 'Only this owner\'s digest ("Unassigned" for partners without an owner); all owners when omitted' }),
  })
  .meta({ id: 'SendDigestRequest' });
export type SendDigestRequest = z.infer<typeof SendDigestRequest>;

export const DigestDelivery = z.object({
  owner: z.string().nullable().meta({ description: 'null: the Unassigned digest' }),
  recipient: z.string().nullable().meta({ description: 'The email address, or the Slack mention; null when none' }),
  status: z.enum(['sent', 'skipped', 'failed']),
  reason: z.string().nullable(),
});
export type DigestDelivery = z.infer<typeof DigestDelivery>;

export const DigestDeliveryReport = z
  .object({
    channel: Channel,
    today: IsoDate,
    sent: z.int(),
    skipped: z.int(),
    failed: z.int(),
    deliveries: z.array(DigestDelivery),
  })
  .meta({ id: 'DigestDeliveryReport' });
export type DigestDeliveryReport = z.infer<typeof DigestDeliveryReport>;

export const DigestPreviewQuery = z.strictObject({
  owner: z.string().trim().max(200).optional(),
  format: z.enum(['json', 'text', 'html']).default('json'),
});

const DigestActionDto = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  repName: z.string().nullable(),
  type: z.string(),
  notes: z.string().nullable(),
  dueDate: IsoDate,
  daysOverdue: z.int(),
});
const DigestPartnerDto = z.object({ id: z.string(), name: z.string(), daysSinceLastTouch: z.int().nullable() });
export const OwnerDigestDto = z
  .object({
    owner: z.string().nullable(),
    today: IsoDate,
    weekEnd: IsoDate,
    overdue: z.array(DigestActionDto),
    dueToday: z.array(DigestActionDto),
    laterThisWeek: z.array(DigestActionDto),
    plansAtRisk: z.array(DigestPartnerDto),
    needsAttention: z.array(DigestPartnerDto),
    counts: z.object({
      overdue: z.int(),
      dueToday: z.int(),
      laterThisWeek: z.int(),
      plansAtRisk: z.int(),
      needsAttention: z.int(),
    }),
  })
  .meta({ id: 'OwnerDigest' });
export const DigestPreviewDto = z
  .object({ today: IsoDate, weekEnd: IsoDate, timeZone: z.string(), digests: z.array(OwnerDigestDto) })
  .meta({ id: 'DigestPreview' });
export type DigestPreviewDto = z.infer<typeof DigestPreviewDto>;

export const CalendarFeedParams = z.strictObject({ file: z.string().max(200) });
// Not strict: calendar apps may add their own parameters to a subscribed address.
export const CalendarFeedQuery = z.object({
  owner: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only the actions of this owner\'s partners ("Unassigned" for partners without an owner)' }),
});
export const CalendarTokenResponse = z.object({ calendarFeedPath: z.string(), calendarFeedUrl: z.string().nullable() });
