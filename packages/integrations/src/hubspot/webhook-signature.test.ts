import { describe, expect, it } from 'vitest';
import { signedUri, verifyWebhookSignature, webhookSignature } from './webhook-signature';

// The reference vector (shared/reference/hubspot-api.md, webhooks v3).
const vector = {
  secret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
  method: 'POST',
  uri: 'https://www.example.com/webhook_uri',
  rawBody: '{"example_field":"example_value"}',
  timestamp: '1700000000000',
};
const expected = 'rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=';

describe('HubSpot v3 webhook signature', () => {
  it('matches the reference vector', () => {
    expect(webhookSignature(vector)).toBe(expected);
  });

  it('accepts the vector within 5 minutes of its timestamp', () => {
    const now = new Date(1700000000000 + 4 * 60_000);
    expect(verifyWebhookSignature({ ...vector, signature: expected, now })).toEqual({ ok: true });
  });

  it('refuses a timestamp older than 5 minutes even with a correct signature', () => {
    const now = new Date(1700000000000 + 5 * 60_000 + 1);
    expect(verifyWebhookSignature({ ...vector, signature: expected, now })).toEqual({ ok: false, reason: 'STALE' });
  });

  it('refuses a changed body, a wrong secret and missing headers', () => {
    const now = new Date(1700000000000);
    expect(verifyWebhookSignature({ ...vector, rawBody: '{"example_field":"x"}', signature: expected, now }).ok).toBe(false);
    expect(verifyWebhookSignature({ ...vector, secret: 'other', signature: expected, now })).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyWebhookSignature({ ...vector, signature: undefined, now })).toEqual({ ok: false, reason: 'MISSING' });
  });

  it('decodes only the escapes HubSpot decodes', () => {
    expect(signedUri('https://x.co/a%3Fb%2Fc%20d?q=%40')).toBe('https://x.co/a?b/c%20d?q=@');
  });
});
