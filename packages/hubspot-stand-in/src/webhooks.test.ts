import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubSpotStandIn, startHubSpotStandIn } from './server.ts';
import { canonicalWebhookUri, signWebhookV3 } from './webhooks.ts';

describe('signWebhookV3', () => {
  it('matches the reference test vector', () => {
    const signature = signWebhookV3({
      clientSecret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
      method: 'POST',
      uri: 'https://www.example.com/webhook_uri',
      body: '{"example_field":"example_value"}',
      timestamp: 1700000000000,
    });
    expect(signature).toBe('rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=');
  });

  it('signs the same for an escaped and an unescaped URI when only listed escapes differ', () => {
    const base = { clientSecret: 's', method: 'POST', body: '[]', timestamp: 1 };
    const plain = signWebhookV3({ ...base, uri: 'https://h.example/hook?a=b:c,d' });
    const escaped = signWebhookV3({ ...base, uri: 'https://h.example/hook?a=b%3Ac%2Cd' });
    expect(escaped).toBe(plain);
  });
});

describe('canonicalWebhookUri', () => {
  it('decodes only the listed escapes and keeps the others', () => {
    expect(canonicalWebhookUri('https://h.example/p%3Fq%40r%20s%26t%2a')).toBe('https://h.example/p?q@r%20s%26t*');
  });
});

describe('deliverWebhook', () => {
  let standIn: HubSpotStandIn;
  const received: Array<{ headers: IncomingHttpHeaders; body: string; url: string }> = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body, url: req.url ?? '' });
      res.writeHead(204).end();
    });
  });
  let target = '';

  beforeAll(async () => {
    standIn = await startHubSpotStandIn({ clientSecret: 'client-secret-1', portalId: 33 });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/hubspot/webhook?source=test`;
  });
  afterAll(async () => {
    await standIn.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const expectedSignature = (r: (typeof received)[number]) =>
    signWebhookV3({
      clientSecret: 'client-secret-1',
      method: 'POST',
      uri: target,
      body: r.body,
      timestamp: String(r.headers['x-hubspot-request-timestamp']),
    });

  it('posts a JSON array of events with a v3 signature the receiver can verify', async () => {
    standIn.store.setNow(Date.UTC(2026, 10, 2, 9, 0));
    const delivery = await standIn.deliverWebhook({
      targetUrl: target,
      events: [
        { objectId: 1246965, subscriptionType: 'contact.propertyChange', propertyName: 'engagement_tier', propertyValue: '2' },
      ],
    });
    expect(delivery.status).toBe(204);
    const last = received.at(-1)!;
    expect(last.url).toBe('/api/hubspot/webhook?source=test');
    expect(last.headers['x-hubspot-request-timestamp']).toBe(String(Date.UTC(2026, 10, 2, 9, 0)));
    expect(last.headers['x-hubspot-signature-v3']).toBe(expectedSignature(last));
    const [event] = JSON.parse(last.body);
    expect(event).toMatchObject({ objectId: 1246965, propertyName: 'engagement_tier', propertyValue: '2', portalId: 33 });
    expect(typeof event.eventId).toBe('number');
  });

  it('sends a signature that no longer matches when asked to tamper with the body or signature', async () => {
    const events = [
      { objectId: 7, subscriptionType: 'contact.propertyChange', propertyName: 'rep_quality_score', propertyValue: '9' },
    ];
    await standIn.deliverWebhook({ targetUrl: target, events, tamper: 'body' });
    const tamperedBody = received.at(-1)!;
    expect(tamperedBody.headers['x-hubspot-signature-v3']).not.toBe(expectedSignature(tamperedBody));
    await standIn.deliverWebhook({ targetUrl: target, events, tamper: 'signature' });
    const tamperedSignature = received.at(-1)!;
    expect(tamperedSignature.headers['x-hubspot-signature-v3']).not.toBe(expectedSignature(tamperedSignature));
    await standIn.deliverWebhook({ targetUrl: target, events, tamper: 'no-signature' });
    expect(received.at(-1)!.headers['x-hubspot-signature-v3']).toBeUndefined();
  });

  it('uses the given timestamp, so a receiver can be shown a stale request', async () => {
    const stale = Date.UTC(2026, 10, 2, 8, 0);
    await standIn.deliverWebhook({
      targetUrl: target,
      events: [{ objectId: 1, subscriptionType: 'contact.creation' }],
      timestamp: stale,
    });
    const last = received.at(-1)!;
    expect(last.headers['x-hubspot-request-timestamp']).toBe(String(stale));
    expect(last.headers['x-hubspot-signature-v3']).toBe(expectedSignature(last));
  });
});
