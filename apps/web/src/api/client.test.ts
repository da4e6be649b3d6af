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
    await expect(api.post('/api/partners', { name: 'Acme' })).resolves.toEqual({ id: 'p1' });
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe('/api/partners');
    expect(init).toMatchObject({ method: 'POST', body: '{"name":"Acme"}', headers: { 'content-type': 'application/json' } });

    respond(200, { items: [] });
    await api.get('/api/today', { limit: 100, cursor: undefined });
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
    const error = await api.post('/api/actions/a1/complete', {}).catch((e: unknown) => e);
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
    const error = (await api.patch('/api/partners/p1', { version: 2 }).catch((e: unknown) => e)) as ApiError;
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
    await expect(api.get('/api/today')).rejects.toMatchObject({ status: 0, code: 'NETWORK', title: 'Cannot reach the server' });
    respond(204, undefined);
    await expect(api.delete('/api/touches/t1')).resolves.toBeUndefined();
  });
});
