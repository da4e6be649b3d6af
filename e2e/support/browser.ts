import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { joinSession, leaveSession } from './session';

export { CHROMIUM_PATH } from './chromium';

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
  const browser = await launchChromium('ptrack-chromium-', 15_000);
  const { context } = browser;
  await joinSession(context);
  const pageErrors: Error[] = [];
  return {
    context,
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error));
      // A Content-Security-Policy violation is reported on the console only: count it as an error too.
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          pageErrors.push(new Error(`CSP violation: ${message.text()}`));
        }
      });
      return page;
    },
    async close() {
      leaveSession(context);
      await browser.close();
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
