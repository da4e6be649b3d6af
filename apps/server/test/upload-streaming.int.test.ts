import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { scratchDirOf } from '@ptrack/storage';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/security';
import { startApi } from './support';

const ROW = (i: number) => `Streamed ${i},Agency,${'s'.repeat(180)}\n`;

describe('a large sheet upload', () => {
  it('goes to disk as it arrives, the server answering meanwhile, and leaves no file behind', async () => {
    const api = await startApi();
    try {
      await api.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = api.app.server.address() as AddressInfo;
      const scratch = scratchDirOf(api.database);
      const uploadsOnDisk = () =>
        readdirSync(scratch)
          .filter((f) => f.startsWith('upload-'))
          .map((f) => statSync(join(scratch, f)).size);
      expect(uploadsOnDisk()).toEqual([]);

      const rows = 40_000; // about 8 MB
      const header = 'Partner Company,Partner Type,NOTES\n';
      const first = Buffer.from(header + Array.from({ length: rows / 2 }, (_, i) => ROW(i)).join(''));
      const second = Buffer.from(Array.from({ length: rows / 2 }, (_, i) => ROW(rows / 2 + i)).join(''));
      let answered = false;
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/imports?entity=partner&fileName=big.csv',
        headers: {
          'content-type': 'text/csv',
          'content-length': first.length + second.length,
          cookie: api.cookie,
          [CSRF_HEADER]: '1',
        },
      });
      const response = new Promise<{ status: number; body: string }>((done, fail) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => {
            answered = true;
            done({ status: res.statusCode ?? 0, body });
          });
        });
        req.on('error', fail);
      });
      req.write(first);

      // Half the body sent: the server is writing it to a file (not gathering it in memory) and answers others.
      while (!uploadsOnDisk().some((size) => size > 0)) await new Promise((r) => setTimeout(r, 20));
      expect((await api.get('/api/health')).status).toBe(200);
      expect(answered).toBe(false);

      req.end(second);
      const res = await response;
      expect(res.status, res.body).toBe(201);
      expect(JSON.parse(res.body).totalRows).toBe(rows);
      expect(uploadsOnDisk()).toEqual([]);
    } finally {
      await api.close();
    }
  }, 120_000);
});
