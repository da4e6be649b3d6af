import { type HubSpotStandIn, seedProgram, startHubSpotStandIn } from '@ptrack/hubspot-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectOk, ptrack, tempDir } from './support';

describe('ptrack hubspot and ptrack sync', () => {
  let standIn: HubSpotStandIn;
  const dir = tempDir('hubspot');

  beforeAll(async () => {
    standIn = await startHubSpotStandIn();
    seedProgram(standIn.store, { companies: 2, contactsPerCompany: 2, deals: 2 });
  });
  afterAll(async () => {
    await standIn.close();
    dir.remove();
  });

  it('refuses a token HubSpot does not accept, in one line', async () => {
    const run = await ptrack(dir.path, ['hubspot', 'connect', '--token', 'pat-na1-not-the-right-one', '--base-url', standIn.url]);
    const line = expectFailure(run, 1);
    expect(line).toContain('401');
    expect(run.stderr + run.stdout).not.toContain('pat-na1-not-the-right-one');
  });

  it('connects without printing the token, sets up, syncs and pushes', async () => {
    const connect = expectOk(
      await ptrack(dir.path, ['hubspot', 'connect', '--base-url', standIn.url, '--stage-map', 'default/closedwon=closed-won'], {
        PTRACK_HUBSPOT_TOKEN: standIn.accessToken,
      }),
    );
    expect(connect).toContain(`token …${standIn.accessToken.slice(-4)}`);
    expect(connect).toContain('Connection test passed.');
    expect(connect).not.toContain(standIn.accessToken);

    expect(expectOk(await ptrack(dir.path, ['hubspot', 'setup']))).toMatch(/Created \d+ HubSpot properties/);
    const sync = expectOk(await ptrack(dir.path, ['sync', '--full']));
    expect(sync).toMatch(/^Full sync succeeded: 8 created, 0 updated, 0 unchanged, 0 failed, \d+ HubSpot requests\./);
    const again = expectOk(await ptrack(dir.path, ['sync']));
    expect(again).toMatch(/^Incremental sync succeeded: 0 created, 0 updated/);
    expect(expectOk(await ptrack(dir.path, ['hubspot', 'push']))).toMatch(/^Push succeeded/);

    const status = JSON.parse(expectOk(await ptrack(dir.path, ['hubspot', 'status', '--json'])));
    expect(status.connection).toMatchObject({ configured: true, stageMap: { 'default/closedwon': 'closed-won' } });
    expect(status.runs.map((r: { kind: string }) => r.kind)).toEqual(['push', 'incremental', 'full']);
    expect(JSON.stringify(status)).not.toContain(standIn.accessToken);
  });

  it('names the option of a bad stage map entry', async () => {
    const line = expectFailure(await ptrack(dir.path, ['hubspot', 'connect', '--stage-map', 'closedwon=won']), 2);
    expect(line).toContain('--stage-map');
  });
});
