import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

// The built web app: its initial download (issue 4: initial JS ≤ 350 KB gzip), that it carries no
// server-side code, and how the server serves it at `/` beside the API.

const dist = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const BUDGET_JS_GZIP = 350 * 1024;

/** The files the browser loads before the first paint: the entry script, its preloads and stylesheets. */
function initialAssets(): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!.replace(/^\//, ''));
  return {
    js: [...refs(/<script[^>]+src="([^"]+\.js)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)],
    css: refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

const gzipSize = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('the built web app', () => {
  it('keeps the initial JavaScript within 350 KB gzip', () => {
    const { js, css } = initialAssets();
    expect(js.length).toBeGreaterThan(0);
    const jsGzip = js.reduce((sum, file) => sum + gzipSize(file), 0);
    const cssGzip = css.reduce((sum, file) => sum + gzipSize(file), 0);
    console.log(`initial JS ${kb(jsGzip)} gzip (${js.length} files), CSS ${kb(cssGzip)} gzip; budget ${kb(BUDGET_JS_GZIP)} JS`);
    expect(jsGzip).toBeLessThanOrEqual(BUDGET_JS_GZIP);
  });

  it('carries no zod schemas, ORM or server code: the web app imports contracts as types only', () => {
    const { js } = initialAssets();
    const code = js.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
    for (const marker of ['ZodError', '$ZodType', 'drizzle', 'fastify', 'pglite']) expect(code).not.toContain(marker);
  });
});

describe('serving the web app', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers / and deep links with index.html, revalidated on every load', async () => {
    for (const path of ['/', '/partners', '/settings/', '/no/such/page']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets compressed and cached for good', async () => {
    const [entry] = initialAssets().js;
    const res = await fetch(`${server.url}/${entry}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('keeps 404 problem+json for unknown API routes and missing files', async () => {
    for (const path of ['/api/nothing-here', '/api', '/assets/missing-abc123.js']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code, path).toBe('ROUTE_NOT_FOUND');
    }
    const post = await fetch(`${server.url}/partners`, { method: 'POST', headers: { 'x-ptrack-csrf': '1' } });
    expect(post.status).toBe(404);
    await post.body?.cancel();
  });
});
