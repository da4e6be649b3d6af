import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's Chromium, never a browser download (`playwright install` is not used anywhere).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Headless, and no background traffic that would add requests or time to what is measured.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export type Chromium = { context: BrowserContext; close(): Promise<void> };

/**
 * Headless Chromium on a fresh profile, in US English so dates read the same on every machine: the
 * launch the e2e journeys and the UI benchmark share. `close` ends it and deletes the profile.
 */
export async function launchChromium(profilePrefix: string, defaultTimeoutMs: number): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(defaultTimeoutMs);
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The version of the Chromium both launch, for reports. */
export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
