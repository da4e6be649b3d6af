import type {
  ActionDto,
  ActionListResponse,
  PartnerDto,
  RepDto,
  SettingsDto,
  TodayResponse,
  TouchListResponse,
} from '@ptrack/contracts';
import { nextWorkingDay } from '@ptrack/domain';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { addDays, formatDay, startTestServer, type TestServer } from './support/server';

// Issue 4 journeys on the Today page, in Debian's Chromium against the real server and its built web app.

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

const rows = (page: Page) => page.getByTestId('today-row');
/** The counts at the top of Today, each a jump link to its section (issue 14). */
const countsShown = async (page: Page, overdue: number, dueToday: number) => {
  const counts = page.getByTestId('today-counts');
  await counts.getByRole('link', { name: `${dueToday} due today`, exact: true }).waitFor();
  await counts.getByRole('link', { name: `${overdue} overdue`, exact: true }).waitFor();
};
const partnersOfRows = (page: Page) => rows(page).getByTestId('action-partner').allTextContents();

describe('an empty workspace', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the onboarding card, and "Add a partner" creates one', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const onboarding = page.getByTestId('onboarding');
    await onboarding.getByRole('heading', { name: 'Welcome to Partner Tracker' }).waitFor();
    expect(await onboarding.getByRole('link', { name: 'Import your sheet' }).getAttribute('href')).toBe('/import');
    await screenshots(page, 'onboarding');

    await onboarding.getByRole('button', { name: 'Add a partner' }).click();
    const form = page.getByTestId('add-partner-form');
    // A blank name is refused next to the field, before any request.
    await form.getByRole('button', { name: 'Add partner' }).click();
    await form.getByText('Give the partner a name').waitFor();
    await form.getByLabel('Partner name').fill('Northwind Analytics');
    await form.getByLabel('Website').fill('not a url');
    await form.getByRole('button', { name: 'Add partner' }).click();
    // The server's field-level problem is shown beside the field it names.
    await form.getByText('must be a URL').waitFor();
    await form.getByLabel('Website').fill('https://northwind.example');
    await form.getByRole('button', { name: 'Add partner' }).click();

    // Issue 14: not an empty Today, but the new partner's page and what to do next.
    await page.getByRole('heading', { level: 1, name: 'Northwind Analytics' }).waitFor();
    await page.getByTestId('next-steps').getByRole('button', { name: 'Add reps' }).waitFor();
    // The notification; the timeline below also reads "Partner added".
    await page.locator('.mantine-Notification-root').getByText('Partner added').waitFor();
    expect(await onboarding.count()).toBe(0);
    const list = await server.api<{ total: number; items: { name: string }[] }>('GET', '/api/partners');
    expect(list.items.map((p) => p.name)).toEqual(['Northwind Analytics']);
    await page.close();
  });

  it('navigates to every page of the navigation, which marks the current one; deep links load them', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Weekly review', 'Dashboard', 'Settings']) {
      await nav.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      expect(await nav.getByRole('link', { name }).getAttribute('aria-current')).toBe('page');
    }
    // The partner grid is built (e2e/partners.e2e.test.ts); here it only has to be reachable.
    await nav.getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('grid', { name: 'Partners: All partners' }).getByText('Northwind Analytics').waitFor();
    await page.goto(`${server.url}/partners`);
    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    // On a phone the navigation folds behind the menu button.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await nav.getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.close();
  });
});

describe('"Load demo data" on an empty workspace', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('loads the demo program; Today shows its overdue actions and Done schedules the next at the cadence', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const demo = page.waitForResponse((res) => res.url().endsWith('/api/demo'));
    await page.getByRole('button', { name: 'Load demo data' }).click();
    expect((await demo).status()).toBe(201);
    await page.getByText('Demo data loaded').waitFor();
    await page.getByTestId('overdue-list').waitFor();
    const listed = await server.api<TodayResponse>('GET', '/api/today');
    expect(listed.overdue).toBeGreaterThan(0);
    await countsShown(page, listed.overdue, listed.dueToday);
    await screenshots(page, 'today-demo', { fullPage: false });

    // The oldest overdue action with a rep: Done pre-fills today + that rep tier's cadence.
    const first = listed.items.find((a) => a.repId !== null && a.daysOverdue > 0)!;
    const settings = await server.api<SettingsDto>('GET', '/api/settings');
    // Today + the tier's cadence, moved to a working day (issue 14): the server's own date.
    const next = settings.followUpDue[String(first.repTier ?? 3) as '1' | '2' | '3' | '4'];
    const who = `${first.repName} (${first.partnerName})`;
    await page.getByRole('button', { name: `Done: ${first.type} with ${who}` }).click();
    const dialog = page.getByRole('dialog', { name: `Done: ${first.type} with ${who}` });
    expect(await dialog.getByLabel('Due').inputValue()).toBe(next);
    await dialog.getByRole('button', { name: 'Done and schedule' }).click();
    await page.getByText(`on ${formatDay(next)} with ${first.repName}`).waitFor();
    await page.locator(`[data-action-id="${first.id}"]`).waitFor({ state: 'detached' });
    const open = await server.api<ActionListResponse>('GET', `/api/actions?repId=${first.repId}&status=open`);
    expect(open.items.map((a) => a.dueDate)).toContain(next);
    await page.close();
  });
});

describe('Today with overdue and due-today actions', () => {
  let server: TestServer;
  let today: string;
  let dana: RepDto;
  let sam: RepDto;
  let lee: RepDto;
  let acme: PartnerDto;
  let beta: PartnerDto;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    const settings = await server.api<SettingsDto>('GET', '/api/settings');
    today = settings.today;
    acme = await server.api<PartnerDto>('POST', '/api/partners', { name: 'Acme Cloud', type: 'Tech Vendor' });
    beta = await server.api<PartnerDto>('POST', '/api/partners', { name: 'Beta Agency', type: 'Agency' });
    dana = await server.api<RepDto>('POST', '/api/reps', {
      partnerId: acme.id,
      name: 'Dana Reyes',
      engagementTier: 2,
      qualityScore: 9,
    });
    sam = await server.api<RepDto>('POST', '/api/reps', { partnerId: acme.id, name: 'Sam Ortiz', engagementTier: 1 });
    lee = await server.api<RepDto>('POST', '/api/reps', { partnerId: beta.id, name: 'Lee Park', engagementTier: 3 });
    // A tiered rep gets a first follow-up when added (issue 14); these tests plan their own instead.
    for (const rep of [dana, sam, lee]) {
      for (const planned of await openActions(rep.id)) await server.api('DELETE', `/api/actions/${planned.id}`);
    }
    const action = (body: Record<string, unknown>) => server.api<ActionDto>('POST', '/api/actions', body);
    await action({ repId: lee.id, dueDate: addDays(today, -5), type: 'Follow-up', notes: 'Check in on the co-sell plan' });
    await action({ repId: dana.id, dueDate: addDays(today, -3), type: 'Follow-up', notes: 'Ask for the account list' });
    await action({ repId: sam.id, dueDate: today, type: 'Intro Request', notes: 'Intro to Globex IT' });
    await action({ partnerId: beta.id, dueDate: today, type: 'Deal Support', notes: 'Pricing question' });
    await action({ partnerId: beta.id, dueDate: addDays(today, 2), type: 'Co-Marketing', notes: 'Webinar date' });
    page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('today-counts').waitFor();
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  const openActions = (repId: string) =>
    server.api<ActionListResponse>('GET', `/api/actions?repId=${repId}&status=open`).then((r) => r.items);

  it('lists overdue (oldest first) then due today, with rep badges, type, notes and days overdue', async () => {
    await countsShown(page, 2, 2);
    // Due today first, grouped by partner (by name); then the overdue ones, oldest first.
    expect(await partnersOfRows(page)).toEqual(['Acme Cloud', 'Beta Agency', 'Beta Agency', 'Acme Cloud']);
    const overdue = page.getByTestId('overdue-list').getByTestId('today-row');
    expect(await overdue.getByTestId('action-rep').allTextContents()).toEqual(['Lee Park', 'Dana Reyes']);
    expect(await overdue.getByTestId('due-label').allTextContents()).toEqual(['5 days overdue', '3 days overdue']);
    const danaRow = overdue.nth(1);
    expect(await danaRow.getByTestId('tier-badge').textContent()).toContain('T2');
    expect(await danaRow.getByTestId('jordan-badge').count()).toBe(1);
    expect(await danaRow.getByTestId('action-notes').textContent()).toBe('Ask for the account list');
    const dueToday = page.getByTestId('due-today-list').getByTestId('today-row');
    expect((await dueToday.getByTestId('action-type').allTextContents()).sort()).toEqual(['Deal Support', 'Intro Request']);
    expect(await dueToday.getByTestId('due-label').allTextContents()).toEqual(['Due today', 'Due today']);
    expect(await page.getByTestId('upcoming-row').getByTestId('action-type').allTextContents()).toEqual(['Co-Marketing']);
    await screenshots(page, 'today');
  });

  it('moves the selection with j/k and opens Done with d (not while typing)', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // Due today (2 rows), then overdue: Lee, then Dana.
    await page.keyboard.press('j');
    expect(await rows(page).nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    expect(await rows(page).nth(3).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: 'Done: Follow-up with Dana Reyes (Acme Cloud)' });
    await dialog.waitFor();
    // Typing "d" or "j" in the notes types; it does not trigger shortcuts.
    await dialog.getByLabel('Notes').fill('jd');
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Done confirms the next action at the cadence date (Tier 2: +14 days) and the row leaves Today', async () => {
    await page.getByRole('button', { name: 'Done: Follow-up with Dana Reyes (Acme Cloud)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Done: Follow-up with Dana Reyes (Acme Cloud)' });
    const next = (await server.api<SettingsDto>('GET', '/api/settings')).followUpDue['2'];
    expect(await dialog.getByLabel('Due').inputValue()).toBe(next);
    await dialog.getByLabel('Notes').fill('Review the account list together');
    await screenshots(page, 'done-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Done and schedule' }).click();
    await page.getByText(`Next: Follow-up on ${formatDay(next)} with Dana Reyes`).waitFor();
    await countsShown(page, 1, 2);
    expect(await rows(page).getByTestId('action-rep').allTextContents()).not.toContain('Dana Reyes');
    const open = await openActions(dana.id);
    expect(open.map((a) => [a.dueDate, a.type, a.notes])).toEqual([[next, 'Follow-up', 'Review the account list together']]);
  });

  it('Log touch from Today completes the follow-up and schedules the next at the cadence (Tier 3: +30 days)', async () => {
    await page.getByRole('button', { name: 'Log touch with Lee Park (Beta Agency)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log touch with Lee Park (Beta Agency)' });
    const next = (await server.api<SettingsDto>('GET', '/api/settings')).followUpDue['3'];
    expect(await dialog.getByLabel('Next follow-up').inputValue()).toBe(next);
    await dialog.getByLabel('Kind', { exact: true }).click();
    await page.getByRole('option', { name: 'Call' }).click();
    await dialog.getByLabel('They replied or reached out').check();
    await dialog.getByLabel('Note').fill('Agreed on a co-sell pilot');
    await dialog.getByRole('button', { name: 'Log touch' }).click();
    await page.getByText(`Next follow-up: ${formatDay(next)}`).waitFor();
    await countsShown(page, 0, 2);

    const touches = await server.api<TouchListResponse>('GET', `/api/touches?partnerId=${beta.id}`);
    expect(touches.items.map((t) => [t.repId, t.kind, t.direction, t.summary])).toEqual([
      [lee.id, 'call', 'inbound', 'Agreed on a co-sell pilot'],
    ]);
    expect((await openActions(lee.id)).map((a) => [a.dueDate, a.type])).toEqual([[next, 'Follow-up']]);
  });

  it('Snooze (key s, or a picked date) moves an action out of Today', async () => {
    // Select Sam's row with the mouse, then snooze it from the keyboard.
    await page.getByTestId('today-row').filter({ hasText: 'Sam Ortiz' }).getByTestId('action-notes').click();
    expect(await page.getByTestId('today-row').filter({ hasText: 'Sam Ortiz' }).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('s');
    await page.getByRole('menuitem', { name: '3 days' }).click();
    const until = nextWorkingDay(addDays(today, 3), [1, 2, 3, 4, 5]);
    await page.getByText(`moved to ${formatDay(until)}`).waitFor();
    await countsShown(page, 0, 1);
    expect((await openActions(sam.id)).map((a) => a.dueDate)).toEqual([until]);

    // Snooze → Pick a date: a day beyond the upcoming week.
    await page.getByRole('button', { name: 'Snooze Deal Support with Beta Agency' }).click();
    await page.getByRole('menuitem', { name: 'Pick a date…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Snooze Deal Support with Beta Agency' });
    const later = addDays(today, 10);
    await dialog.getByLabel('Until').fill(later);
    await dialog.getByRole('button', { name: 'Snooze' }).click();
    await page.getByText(`Moved to ${formatDay(later)}`).waitFor();
    await page.getByText('Nothing due today').waitFor();
    await countsShown(page, 0, 0);
    const betaActions = await server.api<ActionListResponse>('GET', `/api/actions?partnerId=${beta.id}&status=open`);
    expect(betaActions.items.find((a) => a.type === 'Deal Support')?.dueDate).toBe(later);
    expect(await page.getByTestId('upcoming-row').getByTestId('action-type').allTextContents()).toEqual([
      'Co-Marketing',
      'Intro Request',
    ]);
    await screenshots(page, 'today-after-actions');
  });
});
