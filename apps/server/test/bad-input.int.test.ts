import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner, expectProblem, startApi, type TestApi, UNKNOWN_ID } from './support';

// Every kind of bad input is a 4xx problem naming the field, and nothing of the request is written.
describe('bad input over HTTP', () => {
  let api: TestApi;
  let partnerCount: () => Promise<number>;
  let accountNames: () => Promise<string[]>;
  beforeAll(async () => {
    api = await startApi();
    partnerCount = async () => (await api.get('/api/partners?limit=500')).body.total;
    accountNames = async () => (await api.get('/api/accounts?limit=500')).body.items.map((a: { name: string }) => a.name);
  });
  afterAll(async () => api.close());

  it('refuses a value of the wrong type, naming the field', async () => {
    const before = await partnerCount();
    const res = await api.post('/api/partners', { name: 123 });
    expectProblem(res, 400, 'name');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expectProblem(await api.post('/api/partners', { name: 'Typed', icpAlignment: 'high' }), 400, 'icpAlignment');
    expectProblem(await api.post('/api/partners', { name: 'Typed', namedAccounts: ['ok', 42] }), 400, 'namedAccounts.1');
    expect(await partnerCount()).toBe(before);
  });

  it('refuses a score out of range, naming the score', async () => {
    const before = await partnerCount();
    const res = await api.post('/api/partners', { name: 'Scored', icpAlignment: 11 });
    expectProblem(res, 400, 'icpAlignment');
    expect(res.body.errors.find((e: { field: string }) => e.field === 'icpAlignment').message).toMatch(/0 to 10/);
    expectProblem(await api.post('/api/partners', { name: 'Scored', capacity: 0 }), 400, 'capacity');
    expect(await partnerCount()).toBe(before);
  });

  it('refuses an impossible calendar date', async () => {
    const before = await partnerCount();
    const res = await api.post('/api/partners', { name: 'Dated', jvpDate: '2025-02-30' });
    expectProblem(res, 400, 'jvpDate');
    expect(await partnerCount()).toBe(before);
  });

  it('refuses unknown fields, naming each one', async () => {
    const before = await partnerCount();
    const res = await api.post('/api/partners', { name: 'Extra', colour: 'blue', size: 3 });
    expectProblem(res, 400, 'colour');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('size');
    expectProblem(
      await api.post('/api/partners', { name: 'Nested', namedAccounts: [{ name: 'A', city: 'Paris' }] }),
      400,
      'namedAccounts.0.city',
    );
    expect(await partnerCount()).toBe(before);
  });

  it('refuses malformed JSON, naming the body', async () => {
    const res = await api.request('POST', '/api/partners', '{"name": "Broken",', { 'content-type': 'application/json' });
    expectProblem(res, 400, 'body');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await api.post('/api/partners', { name: 'Huge', notes: 'x'.repeat(1024 * 1024 + 10) });
    expectProblem(res, 413, 'body');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await api.request('POST', '/api/partners', 'name=Form', { 'content-type': 'application/x-www-form-urlencoded' });
    expectProblem(res, 415);
  });

  it('refuses a missing body, naming the body', async () => {
    const res = await api.request('POST', '/api/partners');
    expectProblem(res, 400, 'body');
  });

  it('refuses bad query parameters and path ids, prefixing where they came from', async () => {
    expectProblem(await api.get('/api/partners?limit=0'), 400, 'query.limit');
    expectProblem(await api.get('/api/partners?colour=blue'), 400, 'query.colour');
    expectProblem(await api.get('/api/partners/not-a-uuid'), 400, 'params.id');
    expectProblem(await api.get('/api/partners?view=no-such-view'), 404, 'query.view');
    expectProblem(await api.get('/api/partners?filter=%7Bnot-json'), 400, 'query.filter');
    expectProblem(await api.get('/api/partners?sort=-noSuchColumn'), 400, 'query.sort');
    expectProblem(await api.get('/api/partners?cursor=bogus'), 400, 'query.cursor');
  });

  it('answers 404 naming the field that refers to a record that does not exist', async () => {
    expectProblem(await api.post('/api/reps', { partnerId: UNKNOWN_ID, name: 'Nobody' }), 404, 'partnerId');
    expectProblem(await api.post('/api/touches', { repId: UNKNOWN_ID, kind: 'email' }), 404, 'repId');
  });

  it('refuses a duplicate name without writing anything', async () => {
    await createPartner(api, { name: 'Unique Co' });
    const before = await partnerCount();
    const accountsBefore = await accountNames();
    expectProblem(await api.post('/api/partners', { name: 'unique co', namedAccounts: ['Dup Side Account'] }), 409, 'name');
    expect(await partnerCount()).toBe(before);
    expect(await accountNames()).toEqual(accountsBefore);
  });

  it('writes nothing when a create fails after it would have created named accounts', async () => {
    const before = await partnerCount();
    const accountsBefore = await accountNames();
    // The second account's domain is refused by the service after the first account was created.
    const res = await api.post('/api/partners', {
      name: 'Half Written',
      namedAccounts: ['Brand New Account Co', { name: 'Bad', domain: 'not a domain!!' }],
    });
    expectProblem(res, 400, 'namedAccounts.1.domain');
    expect(await partnerCount()).toBe(before);
    expect(await accountNames()).toEqual(accountsBefore);
    expect(await accountNames()).not.toContain('Brand New Account Co');
    const list = await api.get('/api/partners?q=half%20written');
    expect(list.body.items).toHaveLength(0);
  });

  it('writes nothing of an update that fails half-way, and the version stays', async () => {
    const partner = await createPartner(api, { name: 'Steady', notes: 'before', namedAccounts: ['Kept Account'] });
    const res = await api.patch(`/api/partners/${partner.id}`, {
      version: 1,
      notes: 'after',
      namedAccounts: ['Another New Co', { name: 'Bad', domain: 'not a domain!!' }],
    });
    expectProblem(res, 400, 'namedAccounts.1.domain');
    const read = await api.get(`/api/partners/${partner.id}`);
    expect(read.body).toMatchObject({ version: 1, notes: 'before' });
    expect(read.body.namedAccounts.map((a: { name: string }) => a.name)).toEqual(['Kept Account']);
    const history = await api.get(`/api/partners/${partner.id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(await accountNames()).not.toContain('Another New Co');
  });

  it('refuses a stale or missing version on update', async () => {
    const partner = await createPartner(api);
    expectProblem(await api.patch(`/api/partners/${partner.id}`, { notes: 'no version' }), 400, 'version');
    expectProblem(await api.patch(`/api/partners/${partner.id}`, { version: 'one', notes: 'x' }), 400, 'version');
  });
});
