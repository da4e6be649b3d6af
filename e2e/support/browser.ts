import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { joinSession, leaveSession } from './session';

// Debian's Chromium, never a browser download (`playwright install` is not used anywhere).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export type TestBrowser = {
  context: BrowserContext;
  /** Uncaught errors in any page: a journey with one has failed even if the page looks right. */
  pageErrors: Error[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/** Headless Chromium on a fresh profile, in US English so dates read the same on every machine. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ptrack-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  await joinSession(context);
  const pageErrors: Error[] = [];
  return {
    context,
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error));
      return page;
    },
    async close() {
      leaveSession(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves `<name>-1280.png` and `<name>-375.png` (full page unless told) under test-results/screenshots. */
export async function screenshots(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.waitForTimeout(150); // layout settles (the navigation folds at phone width)
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize(original);
}
