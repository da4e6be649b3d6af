import { addDays } from '@ptrack/domain';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startApi, type TestApi } from './support';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are untyped JSON, checked by the assertions
type Json = any;

async function everyOpenAction(api: TestApi): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await api.get(`/api/actions?status=open&limit=500${query}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('digests and the calendar feed over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
    const demo = await api.post('/api/demo', { seed: 7 });
    expect(demo.status, JSON.stringify(demo.body)).toBeLessThan(300);
  }, 120_000);
  afterAll(async () => api.close());

  it('keeps secrets write-only and names the field of a bad value', async () => {
    const initial = await api.get('/api/digests/settings');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      slackWebhook: { configured: false },
      smtpPassword: { configured: false },
      scheduleWeekday: 1,
    });
    const secretUrl = 'https://hooks.slack.com/services/T1/B2/supersecretwebhookpart';
    const put = await api.request('PUT', '/api/digests/settings', {
      version: initial.body.version,
      slackWebhookUrl: secretUrl,
      smtpHost: 'smtp.example.test',
      smtpPassword: 'correct horse battery',
      scheduleEnabled: true,
      scheduleTime: '07:45',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const got = await api.get('/api/digests/settings');
    for (const body of [put.body, got.body]) {
      expect(JSON.stringify(body)).not.toContain('supersecretwebhook');
      expect(JSON.stringify(body)).not.toContain('correct horse');
      expect(body).toMatchObject({
        slackWebhook: { configured: true },
        smtpPassword: { configured: true },
        scheduleTime: '07:45',
      });
    }
    expectProblem(
      await api.request('PUT', '/api/digests/settings', { version: got.body.version, scheduleTime: '25:00' }),
      400,
      'scheduleTime',
    );
    expectProblem(
      await api.request('PUT', '/api/digests/settings', {
        version: got.body.version,
        recipients: [{ owner: 'Dana', email: 'not-an-email' }],
      }),
      400,
      'recipients.0.email',
    );
    expectProblem(await api.request('PUT', '/api/digests/settings', { version: 1, skipEmpty: true }), 409);
  });

  it('documents the digest and calendar operations in the OpenAPI document', async () => {
    const doc = (await api.get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/digests/settings']).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/api/digests/send'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SendDigestRequestInput',
    });
    expect(doc.paths['/api/calendar/{file}'].get).toBeDefined();
    expect(doc.components.schemas.DigestSettings.properties).not.toHaveProperty('slackWebhookUrl');
    expect(doc.components.schemas.DigestSettings.properties).not.toHaveProperty('calendarToken');
  });

  it('refuses to send by email before SMTP is set up, saying what is missing', async () => {
    const s = await api.get('/api/digests/settings');
    await api.request('PUT', '/api/digests/settings', { version: s.body.version, smtpHost: null });
    const res = await api.post('/api/digests/send', { to: 'email' });
    expectProblem(res, 409, 'smtpHost');
    expectProblem(await api.post('/api/digests/send', { to: 'pigeon' }), 400, 'to');
  });

  it('previews the digests as JSON, text and HTML', async () => {
    const json = await api.get('/api/digests/preview');
    expect(json.status).toBe(200);
    const today = await api.get('/api/today?limit=500');
    const digests: Json[] = json.body.digests;
    expect(digests.reduce((n, d) => n + d.counts.overdue + d.counts.dueToday, 0)).toBe(today.body.overdue + today.body.dueToday);

    const owner = digests.find((d) => d.owner !== null);
    const text = await api.get(`/api/digests/preview?format=text&owner=${encodeURIComponent(owner.owner)}`);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.body).toContain(`Partner list for ${owner.owner}`);
    expect(text.body).not.toContain('Partner list for Unassigned');
    const html = await api.get('/api/digests/preview?format=html');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    for (const d of digests) expect(html.body).toContain(`Partner list for ${d.owner ?? 'Unassigned'}`);
    expectProblem(await api.get('/api/digests/preview?format=pdf'), 400, 'query.format');
  });

  it('serves open actions as an ICS feed at a secret address, and 404 for any other address', async () => {
    const none = await api.get('/api/calendar/abcdefghijklmnopqrstuvwxyz.ics');
    expectProblem(none, 404);
    const created = await api.post('/api/digests/calendar-token');
    expect(created.status).toBe(200);
    const path: string = created.body.calendarFeedPath;
    const token = path.slice('/api/calendar/'.length, -'.ics'.length);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);

    const feed = await api.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const horizon = addDays((await api.get('/api/settings')).body.today, 60);
    const all = await everyOpenAction(api);
    const open = all.filter((a) => a.dueDate <= horizon);
    expect(open.length).toBeGreaterThan(0);
    expect(events).toHaveLength(open.length);
    const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
    for (const a of open) {
      const e = byUid.get(a.id)!;
      expect(e, a.id).toBeDefined();
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(a.dueDate);
      expect(e.summary.startsWith(`${a.partnerName} — ${a.type}`)).toBe(true);
      if (a.repName) expect(e.description).toContain(a.repName);
    }

    // One owner's feed: the actions of that owner's partners.
    const partners = (await api.get('/api/partners?limit=500')).body.items as Json[];
    const owner = partners.find((p) => p.owner)!.owner;
    const ownerIds = new Set(partners.filter((p) => p.owner === owner).map((p) => p.id));
    const ownFeed = await api.get(`${path}?owner=${encodeURIComponent(owner.toUpperCase())}`);
    const ownEvents = new ICAL.Component(ICAL.parse(ownFeed.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(ownEvents.map((e) => e.uid.split('@')[0]).sort()).toEqual(
      open
        .filter((a) => ownerIds.has(a.partnerId))
        .map((a) => a.id)
        .sort(),
    );

    // The same events keep their UIDs on the next fetch; a wrong or replaced token is a 404.
    const again = await api.get(path);
    expect(again.body.match(/^UID:.*$/gm)).toEqual(feed.body.match(/^UID:.*$/gm));
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expectProblem(await api.get(`/api/calendar/${wrong}.ics`), 404);
    const replaced = await api.post('/api/digests/calendar-token');
    expect(replaced.body.calendarFeedPath).not.toBe(path);
    expectProblem(await api.get(path), 404);
    expect((await api.get(replaced.body.calendarFeedPath)).status).toBe(200);
  });
});
