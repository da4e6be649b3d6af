// One signer for both sides: the sync verifies with it, and the stand-in signs with it. Its own test
// (webhooks.test.ts) still checks it against HubSpot's reference vector, so the two cannot agree on a bug.
import { signedUri, webhookSignature } from '@ptrack/integrations/hubspot/webhook-signature';

/** The URI as HubSpot signs it: scheme, host, path and query, with only the listed escapes decoded. */
export const canonicalWebhookUri = signedUri;

export interface SignWebhookInput {
  clientSecret: string;
  method: string;
  /** The full request URI, e.g. `https://example.com/api/hubspot/webhook?x=1`. */
  uri: string;
  body: string;
  /** `X-HubSpot-Request-Timestamp`: milliseconds since the epoch. */
  timestamp: number | string;
}

/** `X-HubSpot-Signature-v3`: base64(HMAC-SHA256(secret, method + uri + body + timestamp)). */
export function signWebhookV3({ clientSecret, method, uri, body, timestamp }: SignWebhookInput): string {
  return webhookSignature({ secret: clientSecret, method, uri, rawBody: body, timestamp: String(timestamp) });
}

/** A webhook event; anything left out is filled with plausible values by `deliverWebhook`. */
export interface WebhookEvent {
  objectId: number;
  subscriptionType: string;
  propertyName?: string;
  propertyValue?: string;
  changeSource?: string;
  eventId?: number;
  subscriptionId?: number;
  portalId?: number;
  appId?: number;
  occurredAt?: number;
  attemptNumber?: number;
  [extra: string]: unknown;
}

/** A `contact.propertyChange` (or another object's) event for one property's new value. */
export function propertyChangeEvent(
  objectId: string | number,
  propertyName: string,
  propertyValue: string,
  subscriptionType = 'contact.propertyChange',
): WebhookEvent {
  return { objectId: Number(objectId), subscriptionType, propertyName, propertyValue };
}

/** How a delivery is spoiled, for tests of the receiver's checks. */
export type WebhookTamper = 'signature' | 'body' | 'no-signature';

export interface DeliverWebhookOptions {
  targetUrl: string;
  /**
   * The public address HubSpot is set up to call when a reverse proxy or tunnel forwards to
   * `targetUrl`: the signature covers this URL, and the request goes to `targetUrl`.
   */
  publicUrl?: string;
  events: WebhookEvent[];
  /** Defaults to now; pass an old one to test stale-request rejection. */
  timestamp?: number;
  tamper?: WebhookTamper;
}

export interface WebhookDelivery {
  status: number;
  responseBody: string;
  /** Exactly what was sent. */
  body: string;
  headers: Record<string, string>;
}

export interface WebhookSender {
  clientSecret: string;
  portalId: number;
  appId: number;
  now: () => number;
  nextEventId: () => number;
}

export async function sendWebhook(sender: WebhookSender, options: DeliverWebhookOptions): Promise<WebhookDelivery> {
  const timestamp = options.timestamp ?? sender.now();
  const events = options.events.map((e) => ({
    eventId: sender.nextEventId(),
    subscriptionId: 1,
    portalId: sender.portalId,
    appId: sender.appId,
    occurredAt: timestamp,
    attemptNumber: 0,
    changeSource: 'CRM',
    ...e,
  }));
  const body = JSON.stringify(events);
  const uri = options.publicUrl ?? options.targetUrl;
  let signature = signWebhookV3({ clientSecret: sender.clientSecret, method: 'POST', uri, body, timestamp });
  let sent = body;
  if (options.tamper === 'signature') signature = flipFirstChar(signature);
  // The body changes after signing, so the signature no longer matches it.
  if (options.tamper === 'body') sent = body.replace(/\]$/, ' ]');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': String(timestamp),
    'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (stand-in)',
  };
  if (options.tamper !== 'no-signature') headers['x-hubspot-signature-v3'] = signature;
  const response = await fetch(options.targetUrl, { method: 'POST', headers, body: sent });
  return { status: response.status, responseBody: await response.text(), body: sent, headers };
}

function flipFirstChar(signature: string): string {
  return (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
}
