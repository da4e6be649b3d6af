// Type-level checks of the typed client: the compiler (npm run typecheck) fails if a call's params,
// query, body or answer stop coming from the contracts' route table. The runtime part only makes sure
// the file is collected; nothing here is sent.
import type {
  ActionDto,
  PartnerDto,
  RepDto,
  RouteBody,
  RouteQuery,
  RouteResponse,
  TodayResponse,
  TouchDto,
} from '@ptrack/contracts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { api } from './client';

describe('the typed client', () => {
  it('takes its answer types from the route table', () => {
    expectTypeOf<RouteResponse<'getPartner'>>().toEqualTypeOf<PartnerDto>();
    expectTypeOf<RouteResponse<'getToday'>>().toEqualTypeOf<TodayResponse>();
    expectTypeOf<RouteResponse<'logTouch'>['touch']>().toEqualTypeOf<TouchDto>();
    expectTypeOf<RouteResponse<'logTouch'>['completed']>().toEqualTypeOf<ActionDto[]>();
    expectTypeOf<RouteResponse<'deleteTouch'>>().toEqualTypeOf<undefined>();
    expectTypeOf<RouteResponse<'getPartner'>>().not.toEqualTypeOf<RepDto>();
    // A number the server coerces from the query text is given as a number.
    expectTypeOf<RouteQuery<'listPartners'>['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RouteBody<'logTouch'>>().toHaveProperty('kind');
    expectTypeOf<RouteBody<'getPartner'>>().toEqualTypeOf<undefined>();
  });

  it('refuses a wrong operation, body, params or answer at compile time', () => {
    const calls = async () => {
      expectTypeOf(api.call('getPartner', { params: { id: 'p1' } })).resolves.toEqualTypeOf<PartnerDto>();
      // @ts-expect-error a touch kind the contract does not know
      await api.call('logTouch', { body: { kind: 'telepathy' } });
      // @ts-expect-error a field the body does not have
      await api.call('createPartner', { body: { name: 'Acme', colour: 'red' } });
      // @ts-expect-error the path parameter is required
      await api.call('getPartner');
      // @ts-expect-error a path parameter the path does not name
      await api.call('getPartner', { params: { partnerId: 'p1' } });
      // @ts-expect-error an operation the table does not hold
      await api.call('getPartnr');
      // @ts-expect-error the answer is a partner, not a rep
      const rep: RepDto = await api.call('getPartner', { params: { id: 'p1' } });
      // @ts-expect-error an unknown query parameter
      await api.call('getToday', { query: { size: 10 } });
      return rep;
    };
    expect(calls).toBeTypeOf('function');
  });
});
