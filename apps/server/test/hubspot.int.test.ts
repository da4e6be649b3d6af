import { type HubSpotStandIn, seedProgram, startHubSpotStandIn } from '@ptrack/hubspot-stand-in';
import { changeHistory, reps } from '@ptrack/storage';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, NOW, startApi, type TestApi } from './support';

describe('HubSpot over HTTP', () => {
  let api: TestApi;
  let standIn: HubSpotStandIn;
  let webhookUrl: string;
  const secrets: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    standIn = await startHubSpotStandIn();
    // Webhook timestamps come from the stand-in's clock: the same fixed instant as the app's.
    standIn.store.setNow(NOW.getTime());
    seedProgram(standIn.store, { companies: 2, contactsPerCompany: 2, deals: 3 });
    secrets.push(standIn.accessToken, standIn.clientSecret);
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    webhookUrl = `${address}/api/hubspot/webhook`;
  });
  afterAll(async () => {
    await standIn.close();
    await api.close();
  });

  const expectNoSecrets = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of secrets) expect(text).not.toContain(secret);
  };

  it('stores the token and client secret but shows only that they are configured', async () => {
    const before = await api.get('/api/hubspot/connection');
    expect(before.body).toMatchObject({ configured: false, tokenHint: null, clientSecretConfigured: false });
    const saved = await api.patch('/api/hubspot/connection', {
      token: standIn.accessToken,
      clientSecret: standIn.clientSecret,
      baseUrl: standIn.url,
      stageMap: { 'default/closedwon': 'closed-won' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      configured: true,
      tokenHint: `…${standIn.accessToken.slice(-4)}`,
      clientSecretConfigured: true,
    });
    expectNoSecrets(saved.body);
    expectNoSecrets((await api.get('/api/hubspot/connection')).body);
  });

  it('names the field of a bad connection option', async () => {
    expectProblem(await api.patch('/api/hubspot/connection', { stageMap: { x: 'won' } }), 400, 'stageMap.x');
    expectProblem(await api.patch('/api/hubspot/connection', { baseUrl: 'ftp://x' }), 400, 'baseUrl');
  });

  it('tests, sets up, syncs and pushes, never echoing a secret', async () => {
    const test = await api.post('/api/hubspot/test');
    expect(test.status, JSON.stringify(test.body)).toBe(200);
    const setup = await api.post('/api/hubspot/setup');
    expect(setup.status).toBe(200);
    const sync = await api.post('/api/hubspot/sync', { mode: 'full' });
    expect(sync.status, JSON.stringify(sync.body)).toBe(200);
    expect(sync.body).toMatchObject({ status: 'succeeded', created: 2 + 4 + 3, failed: [] });
    const push = await api.post('/api/hubspot/push');
    expect(push.status, JSON.stringify(push.body)).toBe(200);
    const runs = await api.get('/api/hubspot/runs');
    expect(runs.body.items.map((r: { kind: string }) => r.kind)).toEqual(['push', 'full']);
    for (const body of [test.body, setup.body, sync.body, push.body, runs.body]) expectNoSecrets(body);
    const openapi = await api.get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toContain('/api/hubspot/webhook');
  });

  it('applies a signed tier change from a webhook', async () => {
    const [rep] = await api.database.db.select().from(reps).orderBy(reps.hubspotContactId).limit(1);
    const tier = rep!.engagementTier === 1 ? '3' : '1';
    const delivery = await standIn.deliverWebhook({
      targetUrl: webhookUrl,
      events: [
        {
          objectId: Number(rep!.hubspotContactId),
          subscriptionType: 'contact.propertyChange',
          propertyName: 'engagement_tier',
          propertyValue: tier,
        },
        { objectId: 1, subscriptionType: 'contact.propertyChange', propertyName: 'engagement_tier', propertyValue: '2' },
      ],
    });
    expect(delivery.status, delivery.responseBody).toBe(200);
    expect(JSON.parse(delivery.responseBody)).toEqual({ applied: 1, ignored: 1, failed: [] });
    const [after] = await api.database.db.select().from(reps).where(eq(reps.id, rep!.id));
    expect(after!.engagementTier).toBe(Number(tier));
    const history = await api.database.db
      .select()
      .from(changeHistory)
      .where(and(eq(changeHistory.entityId, rep!.id), eq(changeHistory.field, 'engagementTier')));
    expect(history).toEqual([expect.objectContaining({ source: 'hubspot', actor: 'HubSpot webhook', after: Number(tier) })]);
  });

  it('verifies a webhook HubSpot signed for the public address a proxy forwards from, once that address is set', async () => {
    const [rep] = await api.database.db.select().from(reps).orderBy(reps.hubspotContactId).limit(1);
    const deliver = (score: string) =>
      standIn.deliverWebhook({
        targetUrl: webhookUrl,
        publicUrl: 'https://tracker.example.test/api/hubspot/webhook',
        events: [
          {
            objectId: Number(rep!.hubspotContactId),
            subscriptionType: 'contact.propertyChange',
            propertyName: 'rep_quality_score',
            propertyValue: score,
          },
        ],
      });
    const unknownAddress = await deliver('9');
    expect(unknownAddress.status).toBe(401);
    expect(JSON.parse(unknownAddress.responseBody).detail).toMatch(/signature does not match/);

    const settings = await api.get('/api/digests/settings');
    const saved = await api.request('PUT', '/api/digests/settings', {
      version: settings.body.version,
      baseUrl: 'https://tracker.example.test/',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const delivered = await deliver('9');
    expect(delivered.status, delivered.responseBody).toBe(200);
    expect(JSON.parse(delivered.responseBody)).toEqual({
      applied: rep!.qualityScore === 9 ? 0 : 1,
      ignored: rep!.qualityScore === 9 ? 1 : 0,
      failed: [],
    });
    const [after] = await api.database.db.select().from(reps).where(eq(reps.id, rep!.id));
    expect(after!.qualityScore).toBe(9);
  });

  it.each([
    ['a stale timestamp', { timestamp: NOW.getTime() - 5 * 60_000 - 1 }],
    ['a bad signature', { tamper: 'signature' as const }],
    ['a body changed after signing', { tamper: 'body' as const }],
    ['no signature', { tamper: 'no-signature' as const }],
  ])('refuses %s with 401 problem+json and changes nothing', async (_name, spoil) => {
    const [rep] = await api.database.db.select().from(reps).orderBy(reps.hubspotContactId).limit(1);
    const delivery = await standIn.deliverWebhook({
      targetUrl: webhookUrl,
      events: [
        {
          objectId: Number(rep!.hubspotContactId),
          subscriptionType: 'contact.propertyChange',
          propertyName: 'rep_quality_score',
          propertyValue: '1',
        },
      ],
      ...spoil,
    });
    expect(delivery.status).toBe(401);
    const body = JSON.parse(delivery.responseBody);
    expect(body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const [after] = await api.database.db.select().from(reps).where(eq(reps.id, rep!.id));
    expect(after!.qualityScore).toBe(rep!.qualityScore);
  });
});
