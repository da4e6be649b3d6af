// What checking the session costs a request (issue 12: ≤ 2 ms p50): the same GET through two apps on
// one database — one finds the user from the session cookie, the other is handed the actor — taken
// in alternation (ABAB) so both see the same machine. `npm run bench:session`.
import { performance } from 'node:perf_hooks';
import { defined } from '@ptrack/domain';
import { buildApp } from '@ptrack/server';
import { systemActor } from '@ptrack/services';
import { openTestDatabase } from '@ptrack/storage/testing';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const WARMUP = 200;
const URL = '/api/settings';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return defined(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
};

async function main(): Promise<void> {
  const database = await openTestDatabase();
  const signedIn = await buildApp({ database, webRoot: null });
  const handed = await buildApp({ database, webRoot: null, authenticate: async () => systemActor('bench', 'api') });
  const setup = await signedIn.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 123' },
  });
  if (setup.statusCode !== 201) throw new Error(`setup: ${setup.statusCode} ${setup.body}`);
  const raw = setup.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw : [String(raw)]).map((c) => c.split(';')[0]).join('; ');
  const time = async (app: typeof signedIn, headers: Record<string, string>) => {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url: URL, headers });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${URL}: ${res.statusCode} ${res.body}`);
    return ms;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const withSession = await time(signedIn, { cookie });
    const without = await time(handed, {});
    if (i >= WARMUP) {
      a.push(withSession);
      b.push(without);
    }
  }
  const [load1] = (await import('node:os')).loadavg();
  const p50a = percentile(a, 50);
  const p50b = percentile(b, 50);
  process.stdout.write(
    `GET ${URL}, ${SAMPLES} samples each, alternating, PGlite in process (load average ${load1?.toFixed(2)}):\n` +
      `  with the session check: p50 ${p50a.toFixed(3)} ms, p95 ${percentile(a, 95).toFixed(3)} ms\n` +
      `  actor handed in:        p50 ${p50b.toFixed(3)} ms, p95 ${percentile(b, 95).toFixed(3)} ms\n` +
      `  overhead p50: ${(p50a - p50b).toFixed(3)} ms (target ≤ 2 ms: ${p50a - p50b <= 2 ? 'PASS' : 'MISS'})\n`,
  );
  await signedIn.close();
  await handed.close();
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
