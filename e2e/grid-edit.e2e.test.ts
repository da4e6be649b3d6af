import type { PartnerDto } from '@ptrack/contracts';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, type TestBrowser } from './support/browser';
import { grid, gridSettled } from './support/grid';
import { startTestServer, type TestServer } from './support/server';

// Issue 4, acceptance: "Edit a partner cell inline, reload, the value persists; edit the same partner from
// the API in between and the UI shows the conflict instead of overwriting."

const COLUMNS = 'name,type,programStatus,phase,owner,industry,tier1Reps';

let browser: TestBrowser;
let server: TestServer;
let page: Page;
const ids = new Map<string, string>();

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  for (const [name, owner] of [
    ['Acme Cloud', 'Ana'],
    ['Birch Labs', 'Ben'],
    ['Cobalt Data', null],
  ] as const) {
    const partner = await server.api<PartnerDto>('POST', '/api/partners', { name, owner });
    ids.set(name, partner.id);
  }
  page = await browser.newPage();
  await openGrid();
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

async function openGrid(): Promise<void> {
  await page.goto(`${server.url}/partners?cols=${COLUMNS}`);
  await gridSettled(page);
}
const rowOf = (name: string): Locator =>
  grid(page)
    .getByTestId('partner-row')
    .filter({ has: page.getByTestId('partner-name').getByText(name, { exact: true }) });
const cellOf = (name: string, column: string): Locator => rowOf(name).locator(`[data-column="${column}"]`);
const fromApi = (name: string) => server.api<PartnerDto>('GET', `/api/partners/${ids.get(name)}`);
const focusedColumn = () => page.locator(':focus').getAttribute('data-column');

describe('inline editing in the partner grid', () => {
  it('saves an owner edited in place; the value persists after a reload and the API has it', async () => {
    const before = await fromApi('Birch Labs');
    await cellOf('Birch Labs', 'owner').dblclick();
    const editor = page.getByRole('textbox', { name: 'Edit Owner of Birch Labs' });
    expect(await editor.inputValue()).toBe('Ben');
    await editor.fill('Dana Whitfield');
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
    expect(await cellOf('Birch Labs', 'owner').textContent()).toBe('Dana Whitfield');
    expect(await focusedColumn()).toBe('owner');

    await page.reload();
    await gridSettled(page);
    expect(await cellOf('Birch Labs', 'owner').textContent()).toBe('Dana Whitfield');
    const after = await fromApi('Birch Labs');
    expect(after.owner).toBe('Dana Whitfield');
    expect(after.version).toBe(before.version + 1);
  });

  it('with the keyboard: Enter edits, Tab saves and moves right, Escape cancels; a blank optional field is cleared', async () => {
    await cellOf('Acme Cloud', 'owner').focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Edit Owner of Acme Cloud' });
    await editor.fill('');
    await page.keyboard.press('Tab');
    await editor.waitFor({ state: 'detached' });
    expect(await focusedColumn()).toBe('industry');
    expect((await fromApi('Acme Cloud')).owner).toBeNull();
    expect(await cellOf('Acme Cloud', 'owner').textContent()).toBe('');

    await page.keyboard.press('F2');
    const industry = page.getByRole('textbox', { name: 'Edit Industry of Acme Cloud' });
    await industry.fill('Logistics');
    await page.keyboard.press('Escape');
    await industry.waitFor({ state: 'detached' });
    expect(await focusedColumn()).toBe('industry');
    expect((await fromApi('Acme Cloud')).industry).toBeNull();

    // A select cell offers the workspace's option list.
    await cellOf('Acme Cloud', 'type').dblclick();
    await page.getByRole('combobox', { name: 'Edit Type of Acme Cloud' }).selectOption('Agency');
    await page.keyboard.press('Enter');
    await cellOf('Acme Cloud', 'type').getByText('Agency').waitFor();
    expect((await fromApi('Acme Cloud')).type).toBe('Agency');
  });

  it('shows a blank name’s problem at the cell, keeps the editor open and saves nothing', async () => {
    const before = await fromApi('Cobalt Data');
    await cellOf('Cobalt Data', 'name').focus();
    await page.keyboard.press('F2');
    const editor = page.getByRole('textbox', { name: 'Edit Name of Cobalt Data' });
    await editor.fill('   ');
    await editor.press('Enter');
    const alert = page.getByTestId('cell-error');
    await alert.getByText('Name: must not be blank').waitFor();
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}grid-edit-error-1280.png` });

    // A name another partner has: the duplicate is shown at the cell too.
    await editor.fill('acme cloud');
    await editor.press('Enter');
    await alert.getByText('already exists', { exact: false }).waitFor();

    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await focusedColumn()).toBe('name');
    const after = await fromApi('Cobalt Data');
    expect(after.name).toBe('Cobalt Data');
    expect(after.version).toBe(before.version);
  });

  it('shows a conflict when the partner changed since the grid loaded it: "Keep theirs" takes the API’s value', async () => {
    await openGrid();
    const loaded = await fromApi('Birch Labs');
    await server.api('PATCH', `/api/partners/${loaded.id}`, { version: loaded.version, owner: 'Eli from the API' });

    await cellOf('Birch Labs', 'owner').dblclick();
    const editor = page.getByRole('textbox', { name: 'Edit Owner of Birch Labs' });
    await editor.fill('Fran in the UI');
    await editor.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Someone changed Birch Labs since you loaded it' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain('Eli from the API');
    expect(await dialog.getByTestId('conflict-mine').textContent()).toContain('Fran in the UI');
    expect((await fromApi('Birch Labs')).owner).toBe('Eli from the API');
    await page.waitForTimeout(300); // the dialog's opening transition
    await page.screenshot({ path: `${SCREENSHOT_DIR}grid-conflict-1280.png` });

    await dialog.getByRole('button', { name: 'Keep theirs' }).click();
    await dialog.waitFor({ state: 'detached' });
    await editor.waitFor({ state: 'detached' });
    expect(await cellOf('Birch Labs', 'owner').textContent()).toBe('Eli from the API');
    const kept = await fromApi('Birch Labs');
    expect(kept.owner).toBe('Eli from the API');
    expect(kept.version).toBe(loaded.version + 1);
  });

  it('"Apply mine" saves the user’s value over the current version, after showing both', async () => {
    const loaded = await fromApi('Birch Labs');
    await server.api('PATCH', `/api/partners/${loaded.id}`, { version: loaded.version, owner: 'Gil from the API' });

    await cellOf('Birch Labs', 'owner').dblclick();
    const editor = page.getByRole('textbox', { name: 'Edit Owner of Birch Labs' });
    await editor.fill('Hana in the UI');
    await editor.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Someone changed Birch Labs since you loaded it' });
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain('Gil from the API');
    expect(await dialog.getByTestId('conflict-mine').textContent()).toContain('Hana in the UI');
    await dialog.getByRole('button', { name: 'Apply mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    await editor.waitFor({ state: 'detached' });
    expect(await cellOf('Birch Labs', 'owner').textContent()).toBe('Hana in the UI');
    const applied = await fromApi('Birch Labs');
    expect(applied.owner).toBe('Hana in the UI');
    // Once by the API, once by "Apply mine".
    expect(applied.version).toBe(loaded.version + 2);

    await page.reload();
    await gridSettled(page);
    expect(await cellOf('Birch Labs', 'owner').textContent()).toBe('Hana in the UI');
  });
});
