import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, createRep, expectProblem, startApi, type TestApi } from './support';

const NDJSON = 'application/x-ndjson';

describe('backup and restore over HTTP', () => {
  let source: TestApi;
  let target: TestApi;
  let backup: string;

  beforeAll(async () => {
    source = await startApi();
    target = await startApi();
    const partner = await createPartner(source, { name: 'Acme Partners', namedAccounts: ['Globex', 'Initech', 'Umbrella'] });
    const rep = await createRep(source, partner.id, { name: 'Jordan Lee', engagementTier: 1, qualityScore: 9 });
    expect((await source.post('/api/touches', { repId: rep.id, kind: 'call', occurredAt: '2026-02-01T18:00:00Z' })).status).toBe(
      201,
    );
    expect(
      (
        await source.post('/api/referrals', {
          partnerId: partner.id,
          repId: rep.id,
          introducedAt: '2026-01-15',
          stage: 'deal',
          amountMinor: 250_000,
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('GET /api/backup downloads the workspace as JSON lines, as an attachment', async () => {
    const res = await source.app.inject({ method: 'GET', url: '/api/backup', headers: { cookie: source.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/x-ndjson/);
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="ptrack-backup-2026-02-04.ndjson"');
    backup = res.body;
    const lines = backup.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'ptrack-backup', formatVersion: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, rows: { partners: 1, reps: 1, touches: 1, referrals: 1 } });
  });

  it('POST /api/restore loads it into an empty workspace, which then reads the same', async () => {
    const res = await target.request('POST', '/api/restore', backup, { 'content-type': NDJSON });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      format: 'ptrack-backup',
      formatVersion: 1,
      tables: { partners: 1, reps: 1, touches: 1, referrals: 1, accounts: 3, partner_named_accounts: 3 },
    });
    const [from, to] = await Promise.all([source.get('/api/partners?limit=50'), target.get('/api/partners?limit=50')]);
    expect(to.body).toEqual(from.body);
    const again = await target.app.inject({ method: 'GET', url: '/api/backup', headers: { cookie: target.cookie } });
    expect(again.body.split('\n').slice(1)).toEqual(backup.split('\n').slice(1));
  });

  it('POST /api/restore into a workspace that holds records is a 409 problem', async () => {
    const res = await target.request('POST', '/api/restore', backup, { 'content-type': NDJSON });
    expectProblem(res, 409);
    expect(res.body.detail).toMatch(/Restore needs an empty workspace/);
  });

  it('POST /api/restore of a damaged file is a 400 problem naming the line', async () => {
    const fresh = await startApi();
    try {
      const lines = backup.trimEnd().split('\n');
      lines[2] = '{not json';
      const res = await fresh.request('POST', '/api/restore', `${lines.join('\n')}\n`, { 'content-type': NDJSON });
      expectProblem(res, 400, 'backup');
      expect(res.body.detail).toMatch(/^line 3: not valid JSON/);
      expect((await fresh.get('/api/partners')).body.total).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

/**
 * Seeds far more than the socket and stream buffers hold (40,000 touches), so a backup's writer has to
 * wait for its client, and listens on loopback: answers the port.
 */
async function listenWithLargeBackup(api: TestApi): Promise<number> {
  const partner = await createPartner(api, { name: 'Busy Partner' });
  await api.database.db.execute(sql`
    insert into touches (partner_id, kind, direction, occurred_at, summary)
    select ${partner.id}::uuid, 'email', 'outbound', timestamptz '2025-01-01 00:00:00+00' + n * interval '1 minute',
           repeat('x', 200)
    from generate_series(1, 40000) n`);
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  return (api.app.server.address() as AddressInfo).port;
}

describe('a backup download the client abandons', () => {
  it('ends the snapshot, so the workspace stays usable', async () => {
    const api = await startApi();
    try {
      const port = await listenWithLargeBackup(api);
      await new Promise<void>((done, fail) => {
        const request = get({ host: '127.0.0.1', port, path: '/api/backup', headers: { cookie: api.cookie } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            request.destroy();
            done();
          });
        });
        request.on('error', () => {});
        request.setTimeout(10_000, () => fail(new Error('no first chunk')));
      });
      // A writer stuck on a closed download would hold the transaction (and, on PGlite, the database).
      const res = await Promise.race([
        api.get('/api/partners'),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the workspace is still held by the backup')), 15_000)),
      ]);
      expect(res.status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('a backup download read slowly', () => {
  it('does not keep anyone from writing: a write completes while the download is still unfinished', async () => {
    const api = await startApi();
    let download: IncomingMessage | undefined;
    try {
      const port = await listenWithLargeBackup(api);
      download = await new Promise<IncomingMessage>((done, fail) => {
        const request = get({ host: '127.0.0.1', port, path: '/api/backup', headers: { cookie: api.cookie } }, (res) => {
          // The client reads nothing for now.
          res.pause();
          done(res);
        });
        request.on('error', fail);
      });
      expect(download.statusCode).toBe(200);

      const written = await api.post('/api/partners', { name: 'Written meanwhile' });
      expect(written.status).toBe(201);
      expect(download.complete).toBe(false);

      const chunks: Buffer[] = [];
      download.on('data', (chunk: Buffer) => chunks.push(chunk));
      download.resume();
      await new Promise((done) => download?.once('end', done));
      const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
      expect(Number(download.headers['content-length'])).toBe(Buffer.concat(chunks).length);
      const end = JSON.parse(lines.at(-1)!);
      expect(end.end).toBe(true);
      // The snapshot was taken before the write.
      expect(end.rows.partners).toBe(1);
      expect(end.rows.touches).toBe(40000);
    } finally {
      download?.destroy();
      await api.close();
    }
  }, 60_000);
});
