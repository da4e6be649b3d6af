import { CreatePartnerRequest } from '@ptrack/contracts';
import { addDays, startOfWeek } from '@ptrack/domain';
import { changeHistory, type Database, queryRows } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../actions/create-action';
import { getToday } from '../actions/get-today';
import { listActions } from '../actions/list-actions';
import { createContext, type ServiceContext, systemActor } from '../context';
import { seedDemoWorkspace } from '../demo/seed-demo-workspace';
import { createPartner } from '../partners/create-partner';
import { listPartners } from '../partners/list-partners';
import { getSettings, updateSettings } from '../settings';
import { composeWorkspaceDigests } from './compose-digests';
import { getDigestSettings, regenerateCalendarToken, updateDigestSettings } from './digest-settings';
import { startSmtpReceiver, startWebhookReceiver } from './receivers.testing';
import { sendDigests } from './send-digests';
import { sendScheduledDigests } from './send-scheduled-digests';

const NOW = new Date('2026-03-18T07:30:00Z'); // Wednesday 08:30 in Paris
const key = (owner: string | null | undefined) => (owner ?? '').trim().toLowerCase();

let database: Database;
let ctx: ServiceContext;
let ownerOf: Map<string, string | null>;
let unowned: { id: string; name: string };

async function everyPartner(query: { view?: string; filter?: string } = {}) {
  const rows = [];
  let cursor: string | undefined;
  do {
    const page = await listPartners(ctx, { ...query, limit: 500, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function everyOpenAction() {
  const rows = [];
  let cursor: string | undefined;
  do {
    const page = await listActions(ctx, { status: 'open', limit: 500, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function settingsVersion(): Promise<number> {
  return (await getDigestSettings(ctx)).version;
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createContext(database, systemActor('digest-test', 'api'), () => NOW);
  const { version } = await getSettings(ctx);
  await updateSettings(ctx, { version, timeZone: 'Europe/Paris' });
  await seedDemoWorkspace(ctx, { seed: 42 });
  // A partner nobody owns, with user-entered text that must be escaped in HTML and Slack.
  const partner = await createPartner(ctx, CreatePartnerRequest.parse({ name: 'Zeta <b>&</b> Co' }));
  unowned = { id: partner.id, name: partner.name };
  await createAction(ctx, {
    partnerId: partner.id,
    dueDate: '2026-03-10',
    type: 'Follow-up',
    notes: '<script>alert(1)</script>',
  });
  ownerOf = new Map((await everyPartner()).map((p) => [p.id, p.owner]));
}, 120_000);
afterAll(async () => database.close());

describe('composing the digests', () => {
  it("splits the Today list, this week's actions, plans at risk and partners needing attention by owner", async () => {
    const w = await composeWorkspaceDigests(ctx);
    const today = await getToday(ctx, { limit: 500 });
    expect(today.nextCursor).toBeNull();
    expect(w.today).toBe(today.today);
    const weekEnd = addDays(startOfWeek(today.today, 1), 6);
    expect(w.weekEnd).toBe(weekEnd);
    const open = await everyOpenAction();
    const later = open.filter((a) => a.dueDate > today.today && a.dueDate <= weekEnd);
    const attention = await everyPartner({ view: 'needs-attention' });
    const atRisk = (await everyPartner()).filter((p) => p.planStatus === 'at-risk');
    // The demo gives something to check in every list.
    expect(today.overdue).toBeGreaterThan(0);
    expect(later.length).toBeGreaterThan(0);
    expect(attention.length).toBeGreaterThan(0);
    expect(atRisk.length).toBeGreaterThan(0);

    const owners = new Set([...ownerOf.values()].map(key));
    for (const d of w.digests) {
      const mine = (partnerId: string) => key(ownerOf.get(partnerId)) === key(d.owner);
      expect(owners.has(key(d.owner))).toBe(true);
      expect(d.overdue.map((a) => a.id)).toEqual(
        today.items.filter((a) => mine(a.partnerId) && a.daysOverdue > 0).map((a) => a.id),
      );
      expect(d.dueToday.map((a) => a.id)).toEqual(
        today.items.filter((a) => mine(a.partnerId) && a.dueDate === today.today).map((a) => a.id),
      );
      expect(d.laterThisWeek.map((a) => a.id)).toEqual(later.filter((a) => mine(a.partnerId)).map((a) => a.id));
      expect(d.needsAttention.map((p) => p.id)).toEqual(attention.filter((p) => mine(p.id)).map((p) => p.id));
      expect(d.plansAtRisk.map((p) => p.id).sort()).toEqual(
        atRisk
          .filter((p) => mine(p.id))
          .map((p) => p.id)
          .sort(),
      );
    }
    expect(w.digests.reduce((n, d) => n + d.counts.overdue, 0)).toBe(today.overdue);
    expect(w.digests.reduce((n, d) => n + d.counts.dueToday, 0)).toBe(today.dueToday);
  });

  it('puts partners without an owner in the Unassigned digest, last', async () => {
    const w = await composeWorkspaceDigests(ctx);
    const last = w.digests.at(-1)!;
    expect(last.owner).toBeNull();
    expect(last.overdue.map((a) => a.partnerId)).toContain(unowned.id);
    expect(w.digests.filter((d) => d.owner === null)).toHaveLength(1);
  });
});

describe('email digests', () => {
  it('sends each owner their digest over SMTP, text and HTML, with user-entered text escaped', async () => {
    const smtp = await startSmtpReceiver();
    try {
      const w = await composeWorkspaceDigests(ctx);
      const named = w.digests.filter((d) => d.owner !== null).map((d) => d.owner!);
      const [first, second] = named;
      await updateDigestSettings(ctx, {
        version: await settingsVersion(),
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        smtpSecurity: 'none',
        fromAddress: 'tracker@example.test',
        defaultEmail: 'lead@example.test',
        baseUrl: 'https://tracker.example.test',
        recipients: [
          { owner: first!.toUpperCase(), email: 'first@example.test', slackMention: null },
          { owner: second!, email: 'second@example.test', slackMention: null },
        ],
      });
      const report = await sendDigests(ctx, { to: 'email' });
      expect(report).toMatchObject({ channel: 'email', sent: w.digests.length, failed: 0, skipped: 0 });
      expect(smtp.mails).toHaveLength(w.digests.length);

      const mailTo = (address: string) => smtp.mails.filter((m) => JSON.stringify(m.to).includes(address));
      const [firstMail] = mailTo('first@example.test');
      const digest = w.digests.find((d) => d.owner === first)!;
      expect(firstMail!.subject).toContain(`Partner list for ${first}`);
      expect(firstMail!.subject).toContain(`${digest.counts.overdue} overdue, ${digest.counts.dueToday} due today`);
      expect(firstMail!.from?.text).toContain('tracker@example.test');
      for (const a of [...digest.overdue, ...digest.dueToday, ...digest.laterThisWeek].slice(0, 15)) {
        expect(firstMail!.text).toContain(a.partnerName);
        expect(firstMail!.html).toContain(`https://tracker.example.test/partners/${a.partnerId}`);
      }
      expect(firstMail!.text).toContain(`Overdue (${digest.counts.overdue})`);
      expect(mailTo('second@example.test')).toHaveLength(1);

      // The other owners and Unassigned go to the default address.
      const toLead = mailTo('lead@example.test');
      expect(toLead).toHaveLength(w.digests.length - 2);
      const unassigned = toLead.find((m) => m.subject?.includes('Unassigned'))!;
      expect(unassigned.text).toContain('Zeta <b>&</b> Co');
      expect(unassigned.text).toContain('<script>alert(1)</script>');
      expect(unassigned.html).toContain('Zeta &lt;b&gt;&amp;&lt;/b&gt; Co');
      expect(unassigned.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(unassigned.html).not.toContain('<script>');
      expect(unassigned.html).not.toContain('<b>');
    } finally {
      await smtp.close();
    }
  });

  it('says so in one line to an owner with nothing this week, or skips them by setting', async () => {
    const smtp = await startSmtpReceiver();
    try {
      await updateDigestSettings(ctx, {
        version: await settingsVersion(),
        smtpPort: smtp.port,
        recipients: [{ owner: 'Nobody Yet', email: 'nobody@example.test', slackMention: null }],
      });
      const report = await sendDigests(ctx, { to: 'email', owner: 'nobody yet' });
      expect(report).toMatchObject({
        sent: 1,
        deliveries: [{ owner: 'nobody yet', recipient: 'nobody@example.test', status: 'sent' }],
      });
      expect(smtp.mails[0]!.subject).toContain('nothing this week');
      expect(smtp.mails[0]!.text!.trim().split('\n')).toHaveLength(2); // the title and the one line

      await updateDigestSettings(ctx, { version: await settingsVersion(), skipEmpty: true });
      const skipped = await sendDigests(ctx, { to: 'email', owner: 'Nobody Yet' });
      expect(skipped).toMatchObject({ sent: 0, skipped: 1, deliveries: [{ status: 'skipped', reason: 'nothing this week' }] });
      expect(smtp.mails).toHaveLength(1);
      await updateDigestSettings(ctx, { version: await settingsVersion(), skipEmpty: false });
    } finally {
      await smtp.close();
    }
  });

  it('sends the Unassigned digest to a recipient named "Unassigned" before the default email', async () => {
    const smtp = await startSmtpReceiver();
    try {
      await updateDigestSettings(ctx, {
        version: await settingsVersion(),
        smtpPort: smtp.port,
        recipients: [{ owner: 'unassigned', email: 'triage@example.test', slackMention: null }],
      });
      const report = await sendDigests(ctx, { to: 'email' });
      const unassigned = report.deliveries.filter((d) => d.owner === null);
      expect(unassigned).toEqual([{ owner: null, recipient: 'triage@example.test', status: 'sent', reason: null }]);
      expect(report.deliveries.filter((d) => d.owner?.toLowerCase() === 'unassigned')).toEqual([]);
      const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes('triage@example.test'))!;
      expect(mail.text).toContain('Zeta <b>&</b> Co');
    } finally {
      await smtp.close();
    }
  });

  it('reports a delivery that failed when the SMTP server is not there', async () => {
    const smtp = await startSmtpReceiver();
    await smtp.close(); // a port that was just free: nothing listens on it
    await updateDigestSettings(ctx, { version: await settingsVersion(), smtpPort: smtp.port });
    const report = await sendDigests(ctx, { to: 'email', owner: 'Unassigned' });
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    expect(report.deliveries[0]!.reason).toMatch(/SMTP 127\.0\.0\.1:\d+ refused the email/);
  });
});

describe('Slack digests', () => {
  it('posts one Block Kit message per owner with a text fallback, the mention and the Today rows', async () => {
    const slack = await startWebhookReceiver();
    try {
      const w = await composeWorkspaceDigests(ctx);
      const owner = w.digests.find((d) => d.owner !== null && d.counts.overdue > 0)!;
      await updateDigestSettings(ctx, {
        version: await settingsVersion(),
        slackWebhookUrl: slack.url,
        recipients: [{ owner: owner.owner!, email: null, slackMention: '<@U024BE7LH>' }],
      });
      const report = await sendDigests(ctx, { to: 'slack' });
      expect(report).toMatchObject({ channel: 'slack', sent: w.digests.length, failed: 0 });
      expect(slack.posts).toHaveLength(w.digests.length);
      expect(slack.posts.every((p) => p.contentType === 'application/json')).toBe(true);

      type Message = { text: string; blocks: { type: string; text?: { text: string } }[] };
      const messages = slack.posts.map((p) => p.body as Message);
      const mine = messages.find((m) => m.text.includes(`Partner list for ${owner.owner}`))!;
      expect(mine.text).toContain(`${owner.counts.overdue} overdue`);
      expect(mine.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining(owner.owner!) } });
      const sectionText = mine.blocks.map((b) => b.text?.text ?? '').join('\n');
      expect(sectionText).toContain('<@U024BE7LH>');
      expect(sectionText).toContain(`*Overdue (${owner.counts.overdue})*`);
      for (const a of owner.overdue.slice(0, 15))
        expect(sectionText).toContain(`https://tracker.example.test/partners/${a.partnerId}`);

      const unassigned = messages.find((m) => m.text.includes('Unassigned'))!;
      const unassignedText = unassigned.blocks.map((b) => b.text?.text ?? '').join('\n');
      expect(unassignedText).toContain('Zeta &lt;b&gt;&amp;&lt;/b&gt; Co');
      expect(unassignedText).not.toContain('<script>');
    } finally {
      await slack.close();
    }
  });

  it("reports Slack's error on a 500 and gives up on a 429 after one retry", async () => {
    const slack = await startWebhookReceiver(() => ({ status: 500, body: 'no_service' }));
    try {
      await updateDigestSettings(ctx, { version: await settingsVersion(), slackWebhookUrl: slack.url });
      const failed = await sendDigests(ctx, { to: 'slack', owner: 'Unassigned' });
      expect(failed).toMatchObject({ sent: 0, failed: 1 });
      expect(failed.deliveries[0]!.reason).toBe('Slack answered HTTP 500 (no_service)');
      expect(failed.deliveries[0]!.reason).not.toContain(slack.url);
      expect(slack.posts).toHaveLength(1);

      slack.setAnswer(() => ({ status: 429, body: 'rate_limited', headers: { 'retry-after': '0' } }));
      const limited = await sendDigests(ctx, { to: 'slack', owner: 'Unassigned' });
      expect(limited.deliveries[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('rate limiting') });
      expect(slack.posts).toHaveLength(3); // the 429 and its one retry
    } finally {
      await slack.close();
    }
  });

  it('retries a 429 once after its Retry-After and delivers', async () => {
    const slack = await startWebhookReceiver((n) =>
      n === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200, body: 'ok' },
    );
    try {
      await updateDigestSettings(ctx, { version: await settingsVersion(), slackWebhookUrl: slack.url });
      const report = await sendDigests(ctx, { to: 'slack', owner: 'Unassigned' });
      expect(report).toMatchObject({ sent: 1, failed: 0 });
      expect(slack.posts).toHaveLength(2);
      expect(slack.posts[1]!.body).toEqual(slack.posts[0]!.body);
    } finally {
      await slack.close();
    }
  });
});

describe('digest settings', () => {
  it('never returns or records the secrets, only that they are configured', async () => {
    const webhook = 'https://hooks.slack.com/services/T000/B000/abcdefghijklmnopqrstuvwx';
    await updateDigestSettings(ctx, {
      version: await settingsVersion(),
      slackWebhookUrl: webhook,
      smtpPassword: 'hunter2-very-secret',
    });
    await regenerateCalendarToken(ctx);
    const dto = await getDigestSettings(ctx);
    expect(dto.slackWebhook).toEqual({ configured: true, hint: 'uvwx' });
    expect(dto.smtpPassword).toEqual({ configured: true, hint: null });
    const json = JSON.stringify(dto);
    expect(json).not.toContain('abcdefghijklmnopqrst');
    expect(json).not.toContain('hunter2');
    const history = await database.db.select({ before: changeHistory.before, after: changeHistory.after }).from(changeHistory);
    const historyText = JSON.stringify(history);
    expect(historyText).not.toContain('hunter2');
    expect(historyText).not.toContain('abcdefghijklmnopqrst');
    expect(historyText).not.toContain(dto.calendarFeedPath!.slice('/api/calendar/'.length, -'.ics'.length));

    // Omitted keeps a secret; null removes it.
    const kept = await updateDigestSettings(ctx, { version: dto.version, skipEmpty: false });
    expect(kept.smtpPassword.configured).toBe(true);
    const removed = await updateDigestSettings(ctx, { version: kept.version, smtpPassword: null });
    expect(removed.smtpPassword.configured).toBe(false);
  });

  it('refuses an owner listed twice, naming the recipient', async () => {
    await expect(
      updateDigestSettings(ctx, {
        version: await settingsVersion(),
        recipients: [
          { owner: 'Dana', email: null, slackMention: null },
          { owner: ' dana', email: null, slackMention: null },
        ],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'recipients.1.owner' }] });
  });
});

describe('the scheduled digest', () => {
  it('sends once per workspace day, however often the job runs', async () => {
    const slack = await startWebhookReceiver();
    try {
      await updateDigestSettings(ctx, {
        version: await settingsVersion(),
        scheduleEnabled: false,
        slackWebhookUrl: slack.url,
        scheduleChannels: ['slack'],
      });
      expect((await sendScheduledDigests(ctx, { now: NOW })).skipped).toBe('schedule-off');
      await updateDigestSettings(ctx, { version: await settingsVersion(), scheduleEnabled: true });
      const first = await sendScheduledDigests(ctx, { now: NOW });
      const digests = (await composeWorkspaceDigests(ctx)).digests.length;
      expect(first).toMatchObject({ skipped: null, counts: { sent: expect.any(Number), failed: 0 } });
      expect(first.counts.sent).toBeGreaterThanOrEqual(digests);
      const posted = slack.posts.length;
      expect(await sendScheduledDigests(ctx, { now: new Date(NOW.getTime() + 60_000) })).toMatchObject({
        skipped: 'already-sent-today',
      });
      expect(slack.posts).toHaveLength(posted);
      // Next week's run goes out again.
      const nextWeek = await sendScheduledDigests(ctx, { now: new Date(NOW.getTime() + 7 * 86_400_000) });
      expect(nextWeek.skipped).toBeNull();
    } finally {
      await slack.close();
    }
  });

  it('gives the day back when every delivery failed, so the retry sends', async () => {
    const slack = await startWebhookReceiver(() => ({ status: 500, body: 'no_service' }));
    const later = new Date(NOW.getTime() + 14 * 86_400_000);
    try {
      await updateDigestSettings(ctx, { version: await settingsVersion(), slackWebhookUrl: slack.url });
      const failed = await sendScheduledDigests(ctx, { now: later });
      expect(failed.counts.sent).toBe(0);
      expect(failed.counts.failed).toBeGreaterThan(0);
      slack.setAnswer(() => ({ status: 200, body: 'ok' }));
      const retried = await sendScheduledDigests(ctx, { now: later });
      expect(retried).toMatchObject({ skipped: null, counts: { failed: 0 } });
      expect(retried.counts.sent).toBeGreaterThan(0);
    } finally {
      await slack.close();
    }
  });
});

// Keeps the history check above honest: the rows it reads include the digest settings' changes.
it('records digest settings changes in the history', async () => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from change_history where entity_id = '00000000-0000-0000-0000-000000000002'`,
  );
  expect(Number(row!.n)).toBeGreaterThan(0);
});
