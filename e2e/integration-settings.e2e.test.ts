import type { HubSpotConnectionDto, JobListResponse, JobRunListResponse } from '@ptrack/contracts';
import { type HubSpotStandIn, seedProgram, startHubSpotStandIn } from '@ptrack/hubspot-stand-in';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 6: connecting HubSpot from Settings in Chromium, against the HubSpot stand-in on 127.0.0.1, and
// the background jobs it schedules. Every expectation is read back from the API or the stand-in.

let browser: TestBrowser;
let server: TestServer;
let standIn: HubSpotStandIn;
let page: Page;

beforeAll(async () => {
  standIn = await startHubSpotStandIn();
  seedProgram(standIn.store, { companies: 3, contactsPerCompany: 2, deals: 4 });
  browser = await launchBrowser();
  server = await startTestServer();
  page = await browser.newPage();
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  await standIn?.close();
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

type Listed = { items: { name: string }[] };

describe('HubSpot settings', () => {
  it('connects with a token it never shows again, sets up the properties, and pulls reps, partners and deals', async () => {
    await page.goto(`${server.url}/settings`);
    const section = page.getByTestId('settings-hubspot');
    await section.getByText('Not connected.').waitFor();
    // With no web app address set, HubSpot is to call this very server.
    await section.getByText(`HubSpot's webhook target: ${server.url}/api/hubspot/webhook`).waitFor();
    await section.getByLabel('Private-app token').fill(standIn.accessToken);
    await section.getByLabel('API address').fill(standIn.url);
    await section.getByRole('button', { name: 'Save HubSpot connection' }).click();
    const connection = await server.api<HubSpotConnectionDto>('GET', '/api/hubspot/connection');
    await section.getByText(`Connected with token ${connection.tokenHint}.`).waitFor();
    expect(connection).toMatchObject({ configured: true, baseUrl: standIn.url });
    expect(await section.getByLabel('Private-app token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(standIn.accessToken);

    await section.getByRole('button', { name: 'Create properties' }).click();
    await section.getByText('Properties set up.').waitFor();
    expect(standIn.store.property('contacts', 'engagement_tier')).toBeTruthy();

    await section.getByRole('button', { name: 'Full sync' }).click();
    const runs = section.getByRole('table', { name: 'Latest HubSpot runs' });
    await runs.getByRole('cell', { name: 'succeeded' }).first().waitFor();
    const partners = await server.api<Listed>('GET', '/api/partners?limit=100');
    const reps = await server.api<Listed>('GET', '/api/reps?limit=100');
    const companies = [...standIn.store.all('companies')];
    expect(partners.items.map((p) => p.name).sort()).toEqual(companies.map((c) => c.properties.get('name')).sort());
    expect(reps.items).toHaveLength(6);
    await screenshots(page, 'settings-hubspot');
  });
});

describe('Background jobs settings', () => {
  it('lists the HubSpot sync as scheduled once connected, and runs a backup now with its counts', async () => {
    await page.goto(`${server.url}/settings`);
    const section = page.getByTestId('settings-jobs');
    const jobs = await server.api<JobListResponse>('GET', '/api/jobs');
    expect(jobs.items.find((j) => j.name === 'hubspot-sync')!.schedule).toMatchObject({ cron: '*/15 * * * *' });
    await section.getByTestId('job-hubspot-sync').getByText('Never run').waitFor();

    const backup = section.getByTestId('job-backup');
    await backup.getByRole('button', { name: 'Run backup now' }).click();
    await backup.getByText('succeeded').waitFor();
    const runs = await server.api<JobRunListResponse>('GET', '/api/jobs/runs?job=backup');
    expect(runs.items[0]).toMatchObject({ status: 'succeeded', trigger: 'manual' });
    await backup.getByText(`${runs.items[0]!.counts.rows} rows`, { exact: false }).waitFor();
    await screenshots(page, 'settings-jobs');
  });

  it('shows no raw backticks anywhere in Settings: commands in help texts are set as code (issue 14)', async () => {
    await page.goto(`${server.url}/settings`);
    const backup = page.getByTestId('settings-jobs').getByTestId('job-backup');
    await backup.waitFor();
    // Every part has loaded before the page's text is read.
    await page.getByTestId('settings-audit-log').getByTestId('audit-table').waitFor();
    await page.getByTestId('settings-custom-fields').getByText('Add a field').waitFor();
    await page.getByTestId('settings-hubspot').getByText('Connected with token', { exact: false }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Backs up the embedded database');
    expect(text).not.toContain('`');
    await backup.locator('code', { hasText: 'ptrack restore' }).waitFor();
  });
});
