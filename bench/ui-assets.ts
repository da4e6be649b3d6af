// The initial download of `/`: the entry script, its modulepreloads and the stylesheets index.html
// names, fetched raw (no decompression) with the encoding asked for, as the server sends them.
import { request } from 'node:http';

export type Encoding = 'gzip' | 'br' | 'identity';
export type Asset = { path: string; kind: 'entry' | 'modulepreload' | 'stylesheet'; bytes: Record<Encoding, number> };
export type InitialAssets = { assets: Asset[]; jsBytes: Record<Encoding, number>; cssBytes: Record<Encoding, number> };

/** Body bytes as sent on the wire; throws when the server answers with another encoding than asked. */
function rawSize(url: string, encoding: Encoding): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        const sent = res.headers['content-encoding'] ?? 'identity';
        if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
        else if (sent !== encoding) reject(new Error(`${url}: asked for ${encoding}, the server sent ${sent}`));
        else resolve(bytes);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];

/** The assets index.html loads before any route chunk: what every first visit pays. */
export async function initialAssets(baseUrl: string): Promise<InitialAssets> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const found: Omit<Asset, 'bytes'>[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    const href = attr(tag, 'href');
    const rel = attr(tag, 'rel');
    if (tag.startsWith('<script') && attr(tag, 'type') === 'module' && src) found.push({ path: src, kind: 'entry' });
    else if (rel === 'modulepreload' && href) found.push({ path: href, kind: 'modulepreload' });
    else if (rel === 'stylesheet' && href) found.push({ path: href, kind: 'stylesheet' });
  }
  if (!found.some((a) => a.kind === 'entry')) throw new Error('index.html names no module entry script');
  const assets: Asset[] = [];
  for (const a of found) {
    const url = `${baseUrl}${a.path}`;
    assets.push({
      ...a,
      bytes: { gzip: await rawSize(url, 'gzip'), br: await rawSize(url, 'br'), identity: await rawSize(url, 'identity') },
    });
  }
  const total = (kinds: Asset['kind'][]) => {
    const of = assets.filter((a) => kinds.includes(a.kind));
    const sum = (e: Encoding) => of.reduce((n, a) => n + a.bytes[e], 0);
    return { gzip: sum('gzip'), br: sum('br'), identity: sum('identity') };
  };
  return { assets, jsBytes: total(['entry', 'modulepreload']), cssBytes: total(['stylesheet']) };
}
