import { afterAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, ptrack, tempDir } from './support';

// biome-ignore lint/suspicious/noExplicitAny: API bodies are untyped JSON, checked by the assertions
type Json = any;

// Issue 14: the CLI had no way to add a partner or a rep. Each binary start costs a PGlite start, so
// the steps share one data directory and build on each other.
describe('ptrack add (the real binary)', () => {
  const dir = tempDir('add');
  afterAll(() => dir.remove());

  it('adds a partner and suggests adding its reps', async () => {
    const out = expectOk(await ptrack(dir.path, ['add', 'partner', "O'Brien Cloud", '--type', 'Tech Vendor']));
    expect(out).toMatch(/^Added partner O'Brien Cloud \[[0-9a-f]+\]\./);
    expect(out).toContain("ptrack add rep 'O'\\''Brien Cloud' 'Rep Name' --tier 2");
  });

  it('adds a tiered rep by the partner’s name and plans its first follow-up at the tier cadence', async () => {
    const json: Json = JSON.parse(
      expectOk(
        await ptrack(dir.path, ['add', 'rep', "o'brien", 'Dana Wu', '--tier', '1', '--email', 'dana@obrien.example', '--json']),
      ),
    );
    expect(json).toMatchObject({
      name: 'Dana Wu',
      partnerName: "O'Brien Cloud",
      engagementTier: 1,
      email: 'dana@obrien.example',
    });
    expect(json.nextAction).toMatchObject({ type: 'Follow-up' });
    // A follow-up 7 days on, moved to a working day at most 2 days later.
    const today = JSON.parse(expectOk(await ptrack(dir.path, ['today', '--json'])));
    const days = (Date.parse(json.nextAction.dueDate) - Date.parse(today.today)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(7);
    expect(days).toBeLessThanOrEqual(9);
  });

  it('refuses a duplicate partner and a tier out of range, each with one line', async () => {
    expect(expectFailure(await ptrack(dir.path, ['add', 'partner', "o'brien cloud"]), 1)).toMatch(/<name>|already exists/);
    expect(expectFailure(await ptrack(dir.path, ['add', 'rep', "O'Brien Cloud", 'Sam', '--tier', '5']), 2)).toContain(
      'give a tier from 1 to 4',
    );
  });
});
