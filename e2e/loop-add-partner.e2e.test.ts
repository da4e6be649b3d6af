import type { ActionListResponse, PartnerListResponse, RepListResponse } from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { gridSettled } from './support/grid';
import { startTestServer, type TestServer } from './support/server';

// Issue 14, "Dead ends": adding a partner once the workspace has data, and what comes after it.

let browser: TestBrowser;
let server: TestServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
  await server.api('POST', '/api/demo', {});
  page = await browser.newPage();
});
afterAll(async () => {
  await page?.close();
  await Promise.all([browser?.close(), server?.close()]);
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

const partnerNamed = async (name: string) =>
  (await server.api<PartnerListResponse>('GET', `/api/partners?q=${encodeURIComponent(name)}`)).items.find(
    (p) => p.name === name,
  );

describe('adding a partner to a workspace with data', () => {
  it('opens /partners/new by its address, without an id error', async () => {
    await page.goto(`${server.url}/partners/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a partner' }).waitFor();
    expect(await page.getByText('must be a UUID').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Partner name' }).isVisible()).toBe(true);
  });

  it('adds one from the grid, then lands on its page with the next steps', async () => {
    await page.goto(`${server.url}/partners`);
    await gridSettled(page);
    await page.getByRole('main').getByRole('link', { name: 'Add partner' }).click();
    await page.waitForURL(/\/partners\/new$/);
    await page.getByRole('textbox', { name: 'Partner name' }).fill('Lattice Works');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Lattice Works' }).waitFor();
    const steps = page.getByTestId('next-steps');
    await steps.getByRole('button', { name: 'Add reps' }).waitFor();
    expect(await steps.getByRole('button', { name: 'Plan a first touch' }).isVisible()).toBe(true);
    expect((await partnerNamed('Lattice Works'))?.name).toBe('Lattice Works');

    // Add a Tier 1 rep: the server plans its first follow-up, and the page says so.
    await steps.getByRole('button', { name: 'Add reps' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Priya Nair');
    await dialog.getByRole('combobox', { name: 'Engagement tier' }).selectOption('1');
    await dialog.getByRole('button', { name: /add rep/i }).click();
    await page.getByText(/Priya Nair \(Lattice Works\): first follow-up on/).waitFor();
    const partner = (await partnerNamed('Lattice Works'))!;
    const reps = await server.api<RepListResponse>('GET', `/api/reps?partnerId=${partner.id}`);
    const open = await server.api<ActionListResponse>('GET', `/api/actions?partnerId=${partner.id}&status=open`);
    expect(reps.items.map((r) => r.name)).toEqual(['Priya Nair']);
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ repId: reps.items[0]!.id, type: 'Follow-up' });
    const row = page.getByTestId('rep-row').filter({ hasText: 'Priya Nair' });
    await row.getByText('Follow-up').waitFor();
    // Both steps are done: the card gives way to the page.
    await steps.waitFor({ state: 'detached' });
  });

  it('opens the form from anywhere with the keyboard shortcut', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.keyboard.press('a');
    await page.waitForURL(/\/partners\/new$/);
    await page.getByRole('textbox', { name: 'Partner name' }).waitFor();
    // Typing in a field does not trigger it.
    await page.getByRole('textbox', { name: 'Partner name' }).fill('aaa');
    expect(page.url()).toMatch(/\/partners\/new$/);
  });
});
