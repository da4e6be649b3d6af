import type { PartnerListResponse, SettingsDto, TouchListResponse } from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiWithCookie, type BlankServer, cookieOf, startBlankServer, type UserApi } from './support/accounts';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { gridSettled } from './support/grid';

// Issue 12, browser acceptance: first run creates the admin (and the workspace clock, issue 14); an
// invitation is accepted in another browser; a viewer sees no edit controls; sign out; and a session
// that ends while the user types costs them nothing. One journey, in order, against the real server.

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const MANAGER = { name: 'Mia Manager', email: 'mia@example.com', password: 'manager password 1' };
const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'viewer password 1' };
// Not UTC and not the machine's zone: the first-run page must take it from the browser.
const BROWSER_TIME_ZONE = 'America/Chicago';

let server: BlankServer;
let adminBrowser: TestBrowser;
let otherBrowser: TestBrowser;
let admin: Page;
let other: Page;
let adminApi: UserApi;

beforeAll(async () => {
  [server, adminBrowser, otherBrowser] = await Promise.all([startBlankServer(), launchBrowser(), launchBrowser()]);
  admin = await adminBrowser.newPage();
  const cdp = await admin.context().newCDPSession(admin);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: BROWSER_TIME_ZONE });
  other = await otherBrowser.newPage();
});
afterAll(async () => {
  await Promise.all([adminBrowser?.close(), otherBrowser?.close()]);
  await server?.close();
});
afterEach(() => {
  expect([...adminBrowser.pageErrors, ...otherBrowser.pageErrors].map(String)).toEqual([]);
});

const userMenu = (page: Page) => page.getByTestId('user-menu');

async function signOut(page: Page) {
  await userMenu(page).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(who.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function acceptInvitation(page: Page, url: string, who: typeof MANAGER, role: string) {
  await page.goto(url);
  const invitation = page.getByTestId('invitation');
  await invitation.getByText(who.email).waitFor();
  await invitation.getByText(role, { exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(who.name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await userMenu(page).waitFor();
  expect(await userMenu(page).getAttribute('aria-label')).toBe(`Account: ${who.name}, ${role}`);
}

describe('accounts in the web app', () => {
  it('asks for the first admin and the workspace clock, prefilled from the browser, before anything else', async () => {
    await admin.goto(`${server.url}/partners`);
    await admin.getByRole('heading', { level: 1, name: 'Set up Partner Tracker' }).waitFor();
    expect(await admin.getByRole('combobox', { name: 'Workspace time zone' }).inputValue()).toBe(BROWSER_TIME_ZONE);
    // en-US weeks start on Sunday.
    expect(await admin.getByRole('combobox', { name: 'Week starts on' }).inputValue()).toBe('Sunday');
    await screenshots(admin, 'accounts-first-run');

    await admin.getByRole('textbox', { name: 'Your name', exact: true }).fill(ADMIN.name);
    await admin.getByRole('textbox', { name: 'Email', exact: true }).fill(ADMIN.email);
    await admin.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create the admin account' }).click();
    await userMenu(admin).waitFor();
    expect(await userMenu(admin).getAttribute('aria-label')).toBe(`Account: ${ADMIN.name}, Admin`);

    adminApi = apiWithCookie(server.url, await cookieOf(admin.context(), server.url));
    const settings = await adminApi<SettingsDto>('GET', '/api/settings');
    expect({ timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn }).toEqual({
      timeZone: BROWSER_TIME_ZONE,
      weekStartsOn: 0,
    });
    await adminApi('POST', '/api/demo', {});
  });

  it('invites a manager, whose link (copied from the page) is accepted in another browser', async () => {
    await admin.goto(`${server.url}/settings`);
    const users = admin.getByTestId('settings-users');
    await users.getByTestId('users-table').getByText(ADMIN.email).waitFor();
    const form = admin.getByRole('form', { name: 'Invite a user' });
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill(MANAGER.email);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const link = await admin.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite\\?token=.+`));
    await admin.getByTestId('pending-invitations').getByText(`${MANAGER.email} · Manager`).waitFor();
    await screenshots(admin, 'accounts-users');

    await acceptInvitation(other, link, MANAGER, 'Manager');
    await admin.reload();
    await admin.getByTestId('users-table').getByText(MANAGER.email).waitFor();
    await admin.getByText('No pending invitations.').waitFor();
  });

  it('signs the manager out, and in again with the password they chose', async () => {
    await signOut(other);
    await signIn(other, MANAGER);
    await userMenu(other).waitFor();
    await signOut(other);
  });

  it('shows a viewer no edit controls on the partners grid and the partner page', async () => {
    const invitation = await adminApi<{ url: string }>('POST', '/api/invitations', { email: VIEWER.email, role: 'viewer' });
    await acceptInvitation(other, invitation.url, VIEWER, 'Viewer');

    await other.goto(`${server.url}/partners`);
    await gridSettled(other);
    const nameCells = other.getByTestId('partner-row').locator('[data-column="name"]');
    await nameCells.first().waitFor();
    expect(await nameCells.evaluateAll((cells) => cells.every((c) => c.getAttribute('aria-readonly') === 'true'))).toBe(true);
    expect(await other.getByRole('button', { name: 'Save view' }).count()).toBe(0);
    expect(await other.getByRole('link', { name: 'Import a sheet' }).count()).toBe(0);

    const partners = await adminApi<PartnerListResponse>('GET', '/api/partners?limit=1');
    const partner = partners.items[0];
    if (!partner) throw new Error('the demo workspace has no partner');
    await other.goto(`${server.url}/partners/${partner.id}`);
    await other.getByRole('heading', { level: 1, name: partner.name }).waitFor();
    await other.getByTestId('timeline-item').first().waitFor();
    for (const name of ['Log touch', 'Add action', 'Add intro', 'Add rep', 'New plan', /^Edit/]) {
      expect(await other.getByRole('button', { name }).count(), String(name)).toBe(0);
    }
    await screenshots(other, 'accounts-viewer-partner');

    // The same page for the admin has them: the check above looks at controls that exist.
    await admin.goto(`${server.url}/partners/${partner.id}`);
    await admin.getByRole('heading', { level: 1, name: partner.name }).waitFor();
    expect(await admin.getByRole('button', { name: 'Log touch' }).count()).toBe(1);
    expect(await admin.getByRole('button', { name: /^Edit/ }).count()).toBeGreaterThan(0);

    await signOut(other);
  });

  it('lets the admin change a role, deactivate, make a reset link, create a token and read the audit log', async () => {
    await admin.goto(`${server.url}/settings`);
    const mia = admin.getByTestId('user-row').and(admin.locator(`[data-email="${MANAGER.email}"]`));
    await mia.getByRole('combobox', { name: `Role of ${MANAGER.name}` }).click();
    const changed = admin.waitForResponse((res) => res.url().includes('/api/users/') && res.request().method() === 'PATCH');
    await admin.getByRole('option', { name: 'Director' }).click();
    expect((await changed).status()).toBe(200);

    await mia.getByRole('button', { name: `More for ${MANAGER.name}` }).click();
    await admin.getByRole('menuitem', { name: 'Reset password link' }).click();
    expect(await admin.getByTestId('reset-link').inputValue()).toMatch(new RegExp(`^${server.url}/reset-password\\?token=.+`));
    await admin.getByRole('button', { name: 'Done' }).click();

    await mia.getByRole('button', { name: `More for ${MANAGER.name}` }).click();
    await admin.getByRole('menuitem', { name: /^Deactivate/ }).click();
    await mia.getByText('Deactivated').waitFor();
    const users = await adminApi<{ items: Array<{ email: string; role: string; active: boolean }> }>('GET', '/api/users');
    expect(users.items.find((u) => u.email === MANAGER.email)).toMatchObject({ role: 'director', active: false });

    const tokenForm = admin.getByRole('form', { name: 'Create an API token' });
    await tokenForm.getByRole('textbox', { name: 'Token name' }).fill('Nightly export');
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    const token = await admin.getByTestId('new-token').inputValue();
    expect(token).toMatch(/^ptk_/);
    const withToken = await fetch(`${server.url}/api/partners?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);

    const audit = admin.getByTestId('audit-table');
    await audit.getByText('user-changed').first().waitFor();
    await admin.getByTestId('settings-audit-log').getByRole('combobox', { name: 'Kind' }).fill('setup');
    // Filtered by the server: only the first run's entry is left.
    await expect.poll(() => audit.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['setup']);
    await audit.getByText(ADMIN.name).waitFor();
  });

  it('keeps what the user typed when the session ends: sign in over the page, and the save goes through', async () => {
    const partners = await adminApi<PartnerListResponse>('GET', '/api/partners?limit=1');
    const partner = partners.items[0];
    if (!partner) throw new Error('the demo workspace has no partner');
    const note = `Typed while the session ended ${Date.now()}`;
    await admin.goto(`${server.url}/partners/${partner.id}`);
    await admin.getByRole('heading', { level: 1, name: partner.name }).waitFor();
    await admin.getByRole('button', { name: 'Log touch' }).click();
    const form = admin.getByTestId('log-touch-form');
    await form.getByLabel('Note', { exact: true }).fill(note);

    // The session ends elsewhere (e.g. "Sign out everywhere" on another device, or it expired).
    await adminApi('DELETE', '/api/sessions');

    await form.getByRole('button', { name: 'Log touch' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Sign in again to carry on' });
    await dialog.waitFor();
    // The page and its form are still there, with the text.
    expect(await form.getByLabel('Note', { exact: true }).inputValue()).toBe(note);
    expect(await dialog.getByRole('textbox', { name: 'Email', exact: true }).inputValue()).toBe(ADMIN.email);
    await screenshots(admin, 'accounts-session-ended', { fullPage: false });

    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('Touch logged').waitFor();
    await dialog.waitFor({ state: 'detached' });

    adminApi = apiWithCookie(server.url, await cookieOf(admin.context(), server.url));
    const touches = await adminApi<TouchListResponse>('GET', `/api/touches?partnerId=${partner.id}&limit=5`);
    expect(touches.items.map((t) => t.summary)).toContain(note);
  });
});
