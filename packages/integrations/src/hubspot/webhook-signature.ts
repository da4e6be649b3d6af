import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects nothing itself: a receiver must refuse v3 signatures older than 5 minutes. */
export const WEBHOOK_MAX_AGE_MS = 5 * 60_000;

// The only escapes HubSpot decodes in the URI it signs (hubspot-api.md, webhooks v3).
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function signedUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);
}

/** base64(HMAC-SHA256(secret, method + uri + body + timestamp)). */
export function webhookSignature(input: {
  secret: string;
  method: string;
  uri: string;
  rawBody: string;
  timestamp: string;
}): string {
  return createHmac('sha256', input.secret)
    .update(`${input.method.toUpperCase()}${signedUri(input.uri)}${input.rawBody}${input.timestamp}`)
    .digest('base64');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'MISSING' | 'STALE' | 'BAD_SIGNATURE' };

/** Verifies a v3 signature in constant time and refuses a timestamp more than 5 minutes from `now`. */
export function verifyWebhookSignature(input: {
  secret: string;
  method: string;
  uri: string;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now: Date;
}): SignatureCheck {
  if (!input.timestamp || !input.signature) return { ok: false, reason: 'MISSING' };
  const sent = Number(input.timestamp);
  if (!Number.isFinite(sent) || Math.abs(input.now.getTime() - sent) > WEBHOOK_MAX_AGE_MS) return { ok: false, reason: 'STALE' };
  const expected = Buffer.from(webhookSignature({ ...input, timestamp: input.timestamp }), 'utf8');
  const given = Buffer.from(input.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'BAD_SIGNATURE' };
  return { ok: true };
}
