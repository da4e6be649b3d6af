import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, ptrack, tempDir } from './support';

// One data directory: each binary start costs a PGlite start.
describe('ptrack digest', () => {
  const dir = tempDir('digest');
  beforeAll(async () => {
    expectOk(await ptrack(dir.path, ['demo', '--seed', '3']));
  }, 120_000);
  afterAll(() => dir.remove());

  it("--to stdout prints every owner's digest, whose counts add up to the Today list", async () => {
    const out = expectOk(await ptrack(dir.path, ['digest', '--to', 'stdout']));
    const today = JSON.parse(expectOk(await ptrack(dir.path, ['today', '--json'])));
    const titles = [...out.matchAll(/^Partner list for (.+) — \w+ (\d{4}-\d{2}-\d{2})$/gm)];
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => t[2] === today.today)).toBe(true);
    const counts = [...out.matchAll(/^(\d+) overdue · (\d+) due today · /gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(counts).toHaveLength(titles.length);
    expect(counts.reduce((n, c) => n + c[0]!, 0)).toBe(today.overdue);
    expect(counts.reduce((n, c) => n + c[1]!, 0)).toBe(today.dueToday);
    // The oldest overdue action of the workspace is listed (each owner's list starts with their oldest).
    const oldest = today.items[0];
    const who = oldest.repName ? `${oldest.repName} (${oldest.partnerName})` : oldest.partnerName;
    expect(out).toContain(`- ${who} — ${oldest.type}`);

    const owner = titles[0]![1]!;
    const one = expectOk(await ptrack(dir.path, ['digest', '--owner', owner]));
    expect([...one.matchAll(/^Partner list for /gm)]).toHaveLength(1);
    expect(one).toContain(`Partner list for ${owner}`);
  });

  it('--to slack without a webhook fails with one line and exit code 1', async () => {
    const line = expectFailure(await ptrack(dir.path, ['digest', '--to', 'slack']), 1);
    expect(line).toContain('No Slack webhook URL is set');
    expectFailure(await ptrack(dir.path, ['digest', '--to', 'fax']), 2);
  });
});
