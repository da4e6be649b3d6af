import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, fieldError } from './client';

function respond(status: number, body: unknown, type = 'application/json') {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } }),
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('returns the JSON body of a success and sends query and body as the server expects', async () => {
    respond(201, { id: 'p1' });
    await expect(api.call('createPartner', { body: { name: 'Acme' } })).resolves.toEqual({ id: 'p1' });
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe('/api/partners');
    expect(init).toMatchObject({ method: 'POST', body: '{"name":"Acme"}', headers: { 'content-type': 'application/json' } });

    respond(200, { items: [] });
    await api.call('getToday', { query: { limit: 100, cursor: undefined } });
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe('/api/today?limit=100');
  });

  it('turns problem+json into an ApiError whose field messages can be shown beside their fields', async () => {
    respond(
      400,
      {
        type: 'urn:ptrack:problem:validation-failed',
        title: 'The request is not valid',
        status: 400,
        detail: 'next.dueDate: must be a date as YYYY-MM-DD',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'next.dueDate', message: 'must be a date as YYYY-MM-DD' }],
      },
      'application/problem+json',
    );
    const error = await api.call('completeAction', { params: { id: 'a1' }, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'The request is not valid' });
    expect(fieldError(error, 'dueDate')).toBe('must be a date as YYYY-MM-DD');
    expect(fieldError(error, 'next.dueDate')).toBe('must be a date as YYYY-MM-DD');
    expect(fieldError(error, 'type')).toBeUndefined();
    expect(fieldError(new Error('plain'), 'dueDate')).toBeUndefined();
  });

  it('keeps the current record of a version conflict', async () => {
    respond(409, {
      title: 'The record was changed by someone else',
      status: 409,
      code: 'VERSION_CONFLICT',
      current: { version: 3 },
    });
    const error = (await api
      .call('updatePartner', { params: { id: 'p1' }, body: { version: 2 } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.current).toEqual({ version: 3 });
  });

  it('reports an unreachable server as a NETWORK error and a 204 as no body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );
    await expect(api.call('getToday')).rejects.toMatchObject({ status: 0, code: 'NETWORK', title: 'Cannot reach the server' });
    respond(204, undefined);
    await expect(api.call('deleteTouch', { params: { id: 't1' } })).resolves.toBeUndefined();
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/touches/t1');
  });

  it('builds each address from the route table: path parameters encoded, query values left out when undefined', async () => {
    respond(200, { id: 'a/b' });
    await api.call('getPartner', { params: { id: 'a/b c' } });
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/partners/a%2Fb%20c');

    respond(200, {});
    await api.call('previewImport', { params: { id: 'i1' } });
    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: '{}' });

    respond(201, { id: 'i2' });
    await api.upload({ fileName: 'reps.csv', entity: 'auto', sheet: undefined }, new Blob(['a,b']), 'text/csv');
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe('/api/imports?fileName=reps.csv&entity=auto');
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'text/csv', 'x-ptrack-csrf': '1' } });

    expect(api.href('exportPartners', { query: { format: 'csv', view: 'all', q: undefined } })).toBe(
      '/api/exports?format=csv&view=all',
    );
  });
});
