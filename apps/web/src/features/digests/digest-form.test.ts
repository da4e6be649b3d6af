import type { DigestSettingsDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import { checkDigestForm, digestFormOf, digestPatchOf } from './digest-form';

const saved: DigestSettingsDto = {
  scheduleEnabled: true,
  scheduleWeekday: 1,
  scheduleTime: '08:00',
  scheduleChannels: ['slack'],
  timeZone: 'Europe/Paris',
  skipEmpty: false,
  baseUrl: 'https://tracker.example.com',
  slackWebhook: { configured: true, hint: 'wxyz' },
  smtpHost: 'smtp.example.com',
  smtpPort: 587,
  smtpSecurity: 'starttls',
  smtpUser: 'bot',
  smtpPassword: { configured: true, hint: null },
  fromAddress: 'tracker@example.com',
  defaultEmail: null,
  recipients: [{ owner: 'Dana', email: 'dana@example.com', slackMention: null }],
  calendarFeedPath: null,
  calendarFeedUrl: null,
  version: 4,
  updatedAt: '2026-02-04T09:00:00Z',
};

describe('the digest settings form', () => {
  it('keeps the stored secrets when their fields stay blank', () => {
    const patch = digestPatchOf(digestFormOf(saved), 4);
    expect(patch).not.toHaveProperty('slackWebhookUrl');
    expect(patch).not.toHaveProperty('smtpPassword');
    expect(patch).toMatchObject({ version: 4, smtpPort: 587, defaultEmail: null, recipients: saved.recipients });
  });

  it('sends a typed secret, and null for one removed', () => {
    const form = { ...digestFormOf(saved), slackWebhookUrl: ' https://hooks.slack.com/x ', removeSmtpPassword: true };
    expect(digestPatchOf(form, 4)).toMatchObject({ slackWebhookUrl: 'https://hooks.slack.com/x', smtpPassword: null });
  });

  it('turns blank text into null and names a bad port or a blank owner', () => {
    const form = { ...digestFormOf(saved), baseUrl: '  ', smtpPort: '' };
    expect(digestPatchOf(form, 4)).toMatchObject({ baseUrl: null, smtpPort: null });
    expect(checkDigestForm({ ...form, smtpPort: 'abc' })).toEqual({ field: 'smtpPort', message: 'must be a port number' });
    const blankOwner = { ...form, recipients: [{ owner: ' ', email: '', slackMention: '' }] };
    expect(checkDigestForm(blankOwner)?.field).toBe('recipients.0.owner');
  });
});
