import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@ptrack/server';
import { localCliActor } from '@ptrack/services';
import { afterAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, ptrack, tempDir } from './support';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are untyped JSON, checked by the assertions
type Json = any;

const partnersOf = async (dir: string): Promise<Json[]> =>
  JSON.parse(expectOk(await ptrack(dir, ['partners', '--json', '--limit', '500']))).items;

describe('ptrack jobs, the real binary', () => {
  const source = tempDir('jobs');
  const target = tempDir('jobs-restore');
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.close();
    source.remove();
    target.remove();
  });

  it('lists the nightly backup as never run, and says jobs wait for a server', async () => {
    expectOk(await ptrack(source.path, ['demo']));
    const lines = expectOk(await ptrack(source.path, ['jobs'])).split('\n');
    expect(lines[0]).toMatch(/^JOB +SCHEDULE +NEXT RUN +LAST RUN +STATUS +COUNTS \/ ERROR$/);
    expect(lines.find((l) => l.startsWith('backup '))).toMatch(
      /^backup +30 2 \* \* \* \(\S+\) +\d{4}-\d{2}-\d{2} 02:30 +— +never run$/,
    );
    expect(lines).toContain('No server is running: jobs run only on demand (`ptrack jobs run <name>`) until one starts.');
  });

  it('`jobs run backup` without a server backs up in the command, into <data dir>/backups', async () => {
    const out = expectOk(await ptrack(source.path, ['jobs', 'run', 'backup']));
    const files = readdirSync(join(source.path, 'backups'));
    expect(files).toHaveLength(1);
    expect(out.trim()).toMatch(
      new RegExp(
        `^backup: succeeded — \\d+ rows, \\d+ bytes, 1 kept, 0 deleted \\(${join(source.path, 'backups', files[0]!)}\\)\\.$`,
      ),
    );
  });

  it('`jobs run backup` with a server running queues it for the worker and waits for the result', async () => {
    // The server's clock: tomorrow at noon UTC, a second later at each reading. Tomorrow's 02:30 tick has
    // then passed with no backup since, so the server first catches that one up.
    const noon = new Date();
    noon.setUTCDate(noon.getUTCDate() + 1);
    noon.setUTCHours(12, 0, 0, 0);
    let clock = noon.getTime();
    server = await startServer({
      database: { kind: 'pglite', dataDir: source.path },
      port: 0,
      now: () => {
        clock += 1000;
        return new Date(clock);
      },
      jobs: { pollingIntervalSeconds: 0.5 },
    });
    const run = JSON.parse(expectOk(await ptrack(source.path, ['jobs', 'run', 'backup', '--json'])));
    // Through the server's local-CLI token: this machine's user, the local admin.
    expect(run).toMatchObject({ job: 'backup', status: 'succeeded', trigger: 'manual', requestedBy: localCliActor().name });
    // The one this command made without a server, the caught-up nightly one (queued first) and this one.
    expect(run.counts).toMatchObject({ kept: 3, deleted: 0 });

    const lines = expectOk(await ptrack(source.path, ['jobs'])).split('\n');
    expect(lines.find((l) => l.startsWith('backup '))).toMatch(/^backup +.+ succeeded +\d+ rows, \d+ bytes, 3 kept, 0 deleted$/);
    expect(lines.join('\n')).not.toContain('No server is running');
    await server.close();
    server = null;
  });

  it('an automatic backup restores with `ptrack restore` into an empty workspace, with the same partners', async () => {
    const newest = readdirSync(join(source.path, 'backups')).sort().at(-1)!;
    expectOk(await ptrack(target.path, ['restore', join(source.path, 'backups', newest)]));
    const restored = await partnersOf(target.path);
    expect(restored.length).toBeGreaterThan(0);
    expect(restored).toEqual(await partnersOf(source.path));
  });

  it('names an unknown job with exit code 3', async () => {
    const line = expectFailure(await ptrack(target.path, ['jobs', 'run', 'nightly-sync']), 3);
    expect(line).toMatch(
      /no background job named "nightly-sync" \(jobs: hubspot-sync, digest, backup, database-maintenance, upload-expiry\)/,
    );
    expect(existsSync(join(target.path, 'backups'))).toBe(false);
  });
});
