import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from '../apps/server/test/child-server';

// A large sheet upload against the real server (npm start's, on a fresh PGlite directory): while the
// body streams in and the server reads it, /api/health is asked every 100 ms and the server's RSS
// sampled. `npx tsx bench/upload-stress.ts [MB]` (default 100).

const MB = Number(process.argv[2] ?? 100);
const ROW_BYTES = 1000;
process.env.PTRACK_UPLOAD_LIMIT_MB = String(Math.max(MB + 10, 50));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptrack-upload-bench-'));
  const children: ChildProcess[] = [];
  try {
    const server = await startChildServer(dataDir, children);
    const pid = server.child.pid;
    if (pid === undefined) throw new Error('the server process has no pid');
    const token = readFileSync(join(dataDir, 'local-cli.token'), 'utf8');
    const idleRss = rssMb(pid);
    const rows = Math.floor((MB * 1024 * 1024) / ROW_BYTES);
    const header = 'Partner Company,Partner Type,NOTES\n';
    const bytes = header.length + rows * ROW_BYTES;
    const health: number[] = [];
    let peakRss = idleRss;
    let stop = false;
    let healthFailures = 0;
    const probe = (async () => {
      while (!stop) {
        const started = performance.now();
        const ok = await fetch(`${server.base}/api/health`).then(
          (res) => res.ok,
          () => false,
        );
        if (ok) health.push(performance.now() - started);
        else healthFailures++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(pid));
    }, 100);
    const started = performance.now();
    const answer = await new Promise<{ status: number; body: string }>((done) => {
      const req = request(
        `${server.base}/api/imports?entity=partner&fileName=bench.csv`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/csv', 'content-length': bytes, authorization: `Bearer ${token}` },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', (error) => done({ status: 0, body: String(error) }));
      let i = 0;
      const pad = 'n'.repeat(ROW_BYTES);
      const write = () => {
        if (i === 0 && !req.write(header)) return req.once('drain', write);
        while (i < rows) {
          const name = `Partner ${i},Agency,`;
          const line = `${name}${pad.slice(0, ROW_BYTES - name.length - 1)}\n`;
          i++;
          if (!req.write(line)) return req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    const seconds = (performance.now() - started) / 1000;
    stop = true;
    clearInterval(sampler);
    await probe;
    const sorted = [...health].sort((a, b) => a - b);
    const p = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    console.log(
      JSON.stringify({
        uploadMB: MB,
        status: answer.status,
        totalRows: answer.status === 201 ? JSON.parse(answer.body).totalRows : answer.body.slice(0, 200),
        seconds: Math.round(seconds * 10) / 10,
        healthProbes: health.length,
        healthFailures,
        serverExit: server.child.exitCode,
        healthP50ms: p(0.5),
        healthMaxMs: Math.round(sorted.at(-1) ?? 0),
        idleRssMB: idleRss,
        peakRssMB: peakRss,
        load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      }),
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
