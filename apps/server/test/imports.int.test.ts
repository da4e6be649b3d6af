import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startApi, type TestApi } from './support';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../packages/integrations/test-fixtures/${name}`, import.meta.url)));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('sheet import and export over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());

  const upload = async (name: string, body: Buffer, type = 'text/csv', extra = '') => {
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/imports?fileName=${encodeURIComponent(name)}${extra}`,
      headers: { 'content-type': type, cookie: api.cookie },
      payload: body,
    });
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
  };

  it('uploads, previews and applies the tracker sheet; its export re-imports unchanged, as CSV and as XLSX', async () => {
    const created = await upload('final-schema-tracker.csv', fixture('final-schema-tracker.csv'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ format: 'csv', totalRows: 5, status: 'previewed' });
    const preview = await api.post(`/api/imports/${created.body.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toMatchObject({ create: 5, error: 0 });
    const applied = await api.post(`/api/imports/${created.body.id}/apply`);
    expect(applied.body).toMatchObject({ status: 'applied', appliedRows: 5 });
    expect((await api.get('/api/partners?limit=10')).body.total).toBe(5);

    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await api.app.inject({
        method: 'GET',
        url: `/api/exports?format=${format}`,
        headers: { cookie: api.cookie },
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain(format === 'csv' ? 'text/csv' : XLSX);
      expect(exported.headers['content-disposition']).toMatch(new RegExp(`partners-all-\\d{4}-\\d{2}-\\d{2}\\.${format}`));
      const back = await upload(`export.${format}`, exported.rawPayload, format === 'csv' ? 'text/csv' : XLSX);
      expect(back.status).toBe(201);
      expect(back.body.totalRows).toBe(5);
      const again = await api.post(`/api/imports/${back.body.id}/preview`);
      expect(again.body.counts, JSON.stringify(again.body.rows)).toMatchObject({ rows: 5, unchanged: 5 });
    }
  });

  it('imports the rep sheet (told by its headers), and its export re-imports unchanged', async () => {
    const created = await upload('rep-summary.csv', fixture('rep-summary.csv'));
    expect(created.body).toMatchObject({ entity: 'rep', totalRows: 5 });
    await api.post(`/api/imports/${created.body.id}/apply`);
    const exported = await api.app.inject({
      method: 'GET',
      url: '/api/exports?entity=rep&format=xlsx',
      headers: { cookie: api.cookie },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/reps-\d{4}-\d{2}-\d{2}\.xlsx/);
    const back = await upload('reps.xlsx', exported.rawPayload, XLSX);
    expect(back.body.entity).toBe('rep');
    const again = await api.post(`/api/imports/${back.body.id}/preview`);
    expect(again.body.counts.error).toBe(0);
    expect(again.body.counts.rows).toBe(again.body.counts.unchanged);
    expect(again.body.counts.rows).toBeGreaterThanOrEqual(5);
  });

  it('exports a view and neutralises cells a spreadsheet would run as formulas', async () => {
    const p = await api.post('/api/partners', { name: '=HYPERLINK("http://evil.example")', notes: '+1 555 0100' });
    expect(p.status).toBe(201);
    const csv = (await api.app.inject({ method: 'GET', url: '/api/exports?format=csv', headers: { cookie: api.cookie } })).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain("'+1 555 0100");
    const view = await api.app.inject({
      method: 'GET',
      url: '/api/exports?format=csv&view=needs-attention',
      headers: { cookie: api.cookie },
    });
    expect(view.statusCode).toBe(200);
    expectProblem(await api.get('/api/exports?format=csv&view=no-such-view'), 404);
  });

  it('refuses an unreadable upload and a missing worksheet with the reason', async () => {
    expectProblem(await upload('broken.xlsx', Buffer.from('not a zip'), XLSX), 400, 'file');
    const res = await upload('partners.xlsx', fixture('partners.xlsx'), XLSX, '&sheet=Nope');
    expectProblem(res, 400, 'file');
    expect(res.body.detail).toMatch(/Partners/);
    expectProblem(await api.post('/api/imports/00000000-0000-4000-8000-000000000000/preview'), 404);
  });
});
