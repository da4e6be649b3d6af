import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DigestPreviewDto, DigestSettingsDto } from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 6, point 7: the "Digest & calendar" settings in Chromium against the real server, with a real
// HTTP receiver standing in for Slack. Every expectation is read back from the API or the receiver.

let browser: TestBrowser;
let server: TestServer;
let page: Page;
let slack: Server;
let slackUrl = '';
const posts: { text: string }[] = [];

beforeAll(async () => {
  slack = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      posts.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T1/B2/e2ewebhooksecret`;
  browser = await launchBrowser();
  server = await startTestServer();
  await server.api('POST', '/api/demo', {});
  page = await browser.newPage();
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  await new Promise<void>((resolve) => slack?.close(() => resolve()));
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

describe('Digest & calendar settings', () => {
  it('saves the Slack webhook without showing it again, and test-sends an owner digest to Slack', async () => {
    await page.goto(`${server.url}/settings`);
    const section = page.getByTestId('settings-digest');
    await section.getByLabel('Incoming webhook URL').fill(slackUrl);
    await section.getByLabel('Web app address, for links').fill('https://tracker.example.test');
    await section.getByRole('button', { name: 'Save digest settings' }).click();
    await section.getByText(/Set \(ends …/).waitFor();
    const saved = await server.api<DigestSettingsDto>('GET', '/api/digests/settings');
    expect(saved.slackWebhook.configured).toBe(true);
    expect(saved.baseUrl).toBe('https://tracker.example.test');
    expect(await section.getByLabel('Incoming webhook URL').inputValue()).toBe('');
    expect(await page.content()).not.toContain('e2ewebhooksecret');

    const preview = await server.api<DigestPreviewDto>('GET', '/api/digests/preview');
    await section.getByRole('button', { name: 'Send to Slack now' }).click();
    await section.getByText(`${preview.digests.length} sent, 0 skipped, 0 failed`).waitFor();
    expect(posts).toHaveLength(preview.digests.length);
    for (const d of preview.digests)
      expect(posts.some((p) => p.text.includes(`Partner list for ${d.owner ?? 'Unassigned'}`))).toBe(true);
    await screenshots(page, 'settings-digest');
  });

  it('creates the calendar address, which serves the feed', async () => {
    const section = page.getByTestId('settings-digest');
    await section.getByRole('button', { name: 'Create the calendar address' }).click();
    const address = section.getByLabel('Secret address');
    await address.waitFor();
    const settings = await server.api<DigestSettingsDto>('GET', '/api/digests/settings');
    expect(await address.inputValue()).toBe(settings.calendarFeedUrl);
    const res = await fetch(`${server.url}${settings.calendarFeedPath}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('BEGIN:VEVENT');
  });
});
