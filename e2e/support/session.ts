import type { BrowserContext } from 'playwright-core';

// The journeys run signed in as the first admin: each test server is set up through POST /api/setup,
// and its session cookie goes into every browser context, so pages open signed in.

type SessionCookie = { name: string; value: string; url: string };

const contexts = new Set<BrowserContext>();
let current: SessionCookie[] = [];

/** The cookies of a Set-Cookie response, for the browser (cookies ignore the port: the newest server's win). */
export async function shareSession(url: string, setCookies: string[]): Promise<void> {
  current = setCookies.map((header) => {
    const [pair = ''] = header.split(';');
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
  for (const context of contexts) await context.addCookies(current);
}

export async function joinSession(context: BrowserContext): Promise<void> {
  contexts.add(context);
  if (current.length > 0) await context.addCookies(current);
}

export function leaveSession(context: BrowserContext): void {
  contexts.delete(context);
}
