// Type-level checks of the CLI's calls: the compiler (npm run typecheck) fails if `call` stops taking
// its params, query, body and answer from the contracts' route table. Nothing here is sent.
import type { ActionDto, PartnerDto } from '@ptrack/contracts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ApiClient, call, requestOf } from './client';

describe("the CLI's typed calls", () => {
  it('build the request from the route table', () => {
    expect(requestOf('completeAction', { params: { id: 'a 1' }, body: { version: 2 } })).toEqual({
      method: 'POST',
      path: '/api/actions/a%201/complete',
      json: { version: 2 },
    });
    expect(requestOf('listJobRuns', { query: { job: 'backup', limit: 50 } })).toEqual({
      method: 'GET',
      path: '/api/jobs/runs?job=backup&limit=50',
    });
  });

  it('refuse a wrong body, params or answer at compile time', () => {
    const calls = async (client: ApiClient) => {
      expectTypeOf(call(client, 'getPartner', { params: { id: 'p1' } })).resolves.toEqualTypeOf<PartnerDto>();
      expectTypeOf(
        call(client, 'snoozeAction', { params: { id: 'a1' }, body: { version: 1, days: 2 } }),
      ).resolves.toEqualTypeOf<ActionDto>();
      // @ts-expect-error days are a number
      await call(client, 'snoozeAction', { params: { id: 'a1' }, body: { days: 'two' } });
      // @ts-expect-error a path parameter is required
      await call(client, 'getPartner', {});
      // @ts-expect-error the answer is a partner, not an action
      const action: ActionDto = await call(client, 'getPartner', { params: { id: 'p1' } });
      // @ts-expect-error a query the operation does not take
      await call(client, 'listJobs', { query: { limit: 5 } });
      return action;
    };
    expect(calls).toBeTypeOf('function');
  });
});
