import type { ActionDto, PartnerDto, RepDto, SettingsDto, TodayResponse, TouchListResponse } from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { addDays, startTestServer, type TestServer } from './support/server';

// Issue 14, "Dead ends": due today hidden behind an overdue backlog, and Done that could not record
// what happened. A stale imported backlog (40 actions, up to three years overdue) and a few due today.

let browser: TestBrowser;
let server: TestServer;
let page: Page;
let today: string;
let rep: RepDto;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
  today = (await server.api<SettingsDto>('GET', '/api/settings')).today;
  const backlog = await server.api<PartnerDto>('POST', '/api/partners', { name: 'Stale Sheet Co' });
  for (let i = 0; i < 40; i++) {
    await server.api('POST', '/api/actions', {
      partnerId: backlog.id,
      dueDate: addDays(today, -(30 + i * 27)),
      notes: `Old ${i}`,
    });
  }
  const acme = await server.api<PartnerDto>('POST', '/api/partners', { name: 'Acme Cloud' });
  rep = await server.api<RepDto>('POST', '/api/reps', { partnerId: acme.id, name: 'Dana Wu', engagementTier: 2 });
  await server.api('POST', '/api/actions', { repId: rep.id, dueDate: today, type: 'Intro Request' });
  await server.api('POST', '/api/actions', { partnerId: acme.id, dueDate: today, type: 'Account Research' });
  page = await browser.newPage();
});
afterAll(async () => {
  await page?.close();
  await Promise.all([browser?.close(), server?.close()]);
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

describe('Today with an overdue backlog', () => {
  it('shows the counts with jump links, and due today first, grouped by partner', async () => {
    await page.goto(server.url);
    const counts = page.getByTestId('today-counts');
    await counts.getByRole('link', { name: '2 due today' }).waitFor();
    expect(await counts.getByRole('link', { name: '40 overdue' }).getAttribute('href')).toBe('#overdue-heading');
    const dueToday = page.getByTestId('due-today-list');
    await dueToday.waitFor();
    // Within the first screen, above the backlog.
    const box = await dueToday.boundingBox();
    expect(box!.y).toBeLessThan(900);
    const groups = dueToday.getByTestId('partner-group');
    expect(await groups.count()).toBe(1);
    expect(await groups.first().getByRole('link', { name: 'Acme Cloud' }).isVisible()).toBe(true);
    expect(await groups.first().getByRole('listitem').count()).toBe(2);
    const overdueGroups = page.getByTestId('overdue-list').getByTestId('partner-group');
    expect(await overdueGroups.count()).toBe(1);
  });

  it('Done logs what happened and plans the next follow-up in one step', async () => {
    const row = page.getByTestId('due-today-list').getByRole('listitem').filter({ hasText: 'Intro Request' });
    await row.getByRole('button', { name: /^Done/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Log what happened' }).check();
    await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Dana will intro us to Globex');
    await dialog.getByRole('button', { name: 'Done and schedule' }).click();
    await page.getByText('Done, email logged').waitFor();
    const touches = await server.api<TouchListResponse>('GET', `/api/touches?repId=${rep.id}`);
    expect(touches.items).toHaveLength(1);
    expect(touches.items[0]).toMatchObject({ kind: 'email', summary: 'Dana will intro us to Globex' });
    await page.getByTestId('today-counts').getByRole('link', { name: '1 due today' }).waitFor();
  });

  it('reschedules the whole overdue backlog, a few a working day', async () => {
    await page.getByRole('button', { name: 'Reschedule overdue…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'At most per working day' }).fill('10');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText(/40 actions moved to/).waitFor();
    await page.getByTestId('today-counts').getByRole('link', { name: '0 overdue' }).waitFor();
    const after = await server.api<TodayResponse>('GET', '/api/today');
    expect(after.overdue).toBe(0);
    const open = await server.api<{ items: ActionDto[] }>('GET', '/api/actions?status=open&limit=500');
    const perDay = new Map<string, number>();
    for (const a of open.items.filter((x) => x.partnerName === 'Stale Sheet Co')) {
      perDay.set(a.dueDate, (perDay.get(a.dueDate) ?? 0) + 1);
      expect(a.dueDate >= today).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${a.dueDate}T00:00:00Z`).getUTCDay());
    }
    expect([...perDay.values()]).toEqual([10, 10, 10, 10]);
  });
});
