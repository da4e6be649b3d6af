import { testStorageKind } from '@ptrack/storage/testing';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectProblem, NOW, startApi, type TestApi } from './support';

describe('the server basics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  it('reports health with the storage kind, its location and the time', async () => {
    const res = await api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      storage: { kind: testStorageKind(), location: api.database.location },
      time: NOW.toISOString(),
    });
  });

  it('serves a valid OpenAPI 3.1 document listing the main paths', async () => {
    const res = await api.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\.1\./);
    const validation = await validate(structuredClone(doc));
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(doc.info.title).toBe('Partner Tracker API');
    for (const path of [
      '/api/partners',
      '/api/partners/{id}',
      '/api/partners/{id}/history',
      '/api/reps',
      '/api/reps/{id}',
      '/api/touches',
      '/api/actions/{id}/complete',
      '/api/actions/{id}/snooze',
      '/api/today',
      '/api/referrals',
      '/api/accounts',
      '/api/plans',
      '/api/views',
      '/api/views/{id}',
      '/api/custom-fields',
      '/api/settings',
      '/api/dashboard',
      '/api/health',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
    expect(doc.paths['/api/partners'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreatePartnerRequestInput',
    });
    expect(doc.paths['/api/partners/{id}'].patch.responses['409'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(doc.components.schemas).toHaveProperty('Partner');
    expect(doc.components.schemas).toHaveProperty('Problem');
    // Every $ref resolves to a component of the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty([ref]);
  });

  it('serves the API reference page', async () => {
    for (const url of ['/api/docs', '/api/docs/']) {
      const res = await api.get(url);
      expect(res.status, url).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/text\/html/);
    }
    // The page loads the document the server generates, from this server.
    const config = await api.get('/api/docs/json');
    expect(config.status).toBe(200);
    expect(config.body.info.title).toBe('Partner Tracker API');
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const res = await api.get('/api/nothing-here');
    expectProblem(res, 404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('records the signed-in user as who made a change, whatever an x-ptrack-actor header says', async () => {
    const named = await api.request('POST', '/api/partners', { name: 'Actor Test' }, { 'x-ptrack-actor': 'Dana' });
    expect(named.status).toBe(201);
    const history = await api.get(`/api/partners/${named.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({ actor: ADMIN.name, source: 'api', operation: 'create' });
  });
});
