import { readFileSync } from 'node:fs';
import type { ImportPreviewDto, PartnerListResponse, SheetImportDto } from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { columnRow, errorsShown, fixturePath, goToPreview, importedAs, nextJson, uploadInWizard } from './support/import';
import { startTestServer, type TestServer } from './support/server';

// Issue 5: the sheet import wizard and the export buttons, in Chromium against the real server.

let browser: TestBrowser;
let server: TestServer;
let page: Page;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

describe('importing a sheet into an empty workspace', () => {
  it('goes from the onboarding card through upload, columns and preview to an imported tracker', async () => {
    await page.goto(server.url);
    await page.getByTestId('onboarding').getByRole('link', { name: 'Import your sheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import your sheet' }).waitFor();

    const uploaded = await uploadInWizard(page, 'final-schema-tracker.csv');
    await page.getByTestId('uploaded-file').getByText(`${uploaded.totalRows} rows`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Next: check the columns' }).click();

    // Every column of the sheet is listed, with what the server matched it to.
    await page.getByTestId('import-columns').waitFor();
    expect(await page.getByTestId('import-column').count()).toBe(uploaded.columns.length);
    const target = (header: string) => uploaded.columns.find((c) => c.header === header)!.target;
    expect(target('Partner Company')).toEqual({ kind: 'field', field: 'name' });
    expect(await importedAs(page, 'Partner Company')).toBe('Partner name');
    expect(target('Partner Type')).toEqual({ kind: 'field', field: 'type' });
    expect(await importedAs(page, 'Partner Type')).toBe('Type');
    expect(target('Current 90-Day Goal')).toEqual({ kind: 'field', field: 'plan.goal' });
    expect(await importedAs(page, 'Current 90-Day Goal')).toBe('90-day goal');
    expect(target('Days Since Last Touch')).toMatchObject({ kind: 'computed' });
    expect(await importedAs(page, 'Days Since Last Touch')).toMatch(/^Computed — not stored/);
    // Samples are the sheet's first values.
    const samples = uploaded.columns.find((c) => c.header === 'Partner Company')!.samples;
    await columnRow(page, 'Partner Company').getByText(samples[0]!, { exact: true }).waitFor();
    await screenshots(page, 'import-columns');

    const preview = await goToPreview(page);
    expect(preview.counts).toMatchObject({ create: 5, error: 0 });
    expect(await page.getByTestId('count-create').getByText(String(preview.counts.create), { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('preview-row').count()).toBe(preview.rows.length);

    await page.getByRole('button', { name: `Import ${preview.counts.create} partners` }).click();
    const result = page.getByTestId('import-result');
    await result.getByRole('heading', { name: 'Import finished' }).waitFor();
    await result.getByTestId('count-create').getByText(String(preview.counts.create), { exact: true }).waitFor();

    const partners = await server.api<PartnerListResponse>('GET', '/api/partners?limit=50&sort=name');
    expect(partners.total).toBe(5);
    expect(partners.items.map((p) => p.name).sort()).toEqual(preview.rows.map((r) => r.name).sort());

    await result.getByRole('link', { name: 'Open the partners grid' }).click();
    await page.getByRole('grid', { name: 'Partners: All partners' }).getByText(partners.items[0]!.name).waitFor();
  });

  it('tells a rep sheet by its headers and imports the reps at their partners', async () => {
    await page.goto(`${server.url}/import`);
    const uploaded = await uploadInWizard(page, 'rep-summary.csv');
    expect(uploaded.entity).toBe('rep');
    await page.getByRole('button', { name: 'Next: check the columns' }).click();
    await page.getByTestId('import-columns').waitFor();
    expect(await importedAs(page, 'Rep Name')).toBe('Rep name');
    expect(await importedAs(page, 'Partner Company')).toBe('Partner (by name)');
    expect(await importedAs(page, 'Engagement Tier')).toBe('Engagement tier (1–4)');
    const preview = await goToPreview(page);
    expect(preview.counts.error).toBe(0);
    const importable = preview.counts.create + preview.counts.update;
    await page.getByRole('button', { name: `Import ${importable} reps` }).click();
    await page.getByTestId('import-result').getByRole('heading', { name: 'Import finished' }).waitFor();
    const snowflake = (await server.api<PartnerListResponse>('GET', '/api/partners?q=Snowflake&limit=1')).items[0]!;
    const reps = await server.api<{ items: { name: string; engagementTier: number | null }[] }>(
      'GET',
      `/api/reps?partnerId=${snowflake.id}&limit=50`,
    );
    expect(reps.items.map((r) => [r.name, r.engagementTier]).sort()).toEqual([
      ['Jarred Clifford', 1],
      ['Kim Novak', 2],
      ['Pete Ross', 4],
    ]);
    // Back where the next journey starts: the partners grid.
    await page.goto(`${server.url}/partners`);
    await page.getByRole('grid', { name: 'Partners: All partners' }).waitFor();
  });

  it('shows the errors of a messy sheet as the API finds them, and saves a column set to "Don\'t import"', async () => {
    // Reached from the partners page too.
    await page.getByRole('link', { name: 'Import a sheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import your sheet' }).waitFor();
    const uploaded = await uploadInWizard(page, 'legacy-partners.csv');
    await page.getByRole('button', { name: 'Next: check the columns' }).click();
    await page.getByTestId('import-columns').waitFor();

    const preview = await goToPreview(page);
    // The same file previewed by the API directly says the same.
    const direct = await server.api<ImportPreviewDto>('POST', `/api/imports/${uploaded.id}/preview`);
    expect(direct.counts).toEqual(preview.counts);
    const problems = direct.rows.flatMap((r) => r.problems);
    expect(problems.length).toBeGreaterThan(0);
    expect(await errorsShown(page)).toEqual(problems.map((p) => [String(p.rowNumber), p.column, p.value || '(empty)', p.reason]));
    for (const [key, shown] of Object.entries(direct.counts).filter(([k]) => k !== 'rows'))
      expect(await page.getByTestId(`count-${key}`).textContent()).toContain(shown.toLocaleString('en-US'));
    // The rows that fail are listed row by row too, under the Errors filter.
    await page.locator('label', { hasText: `Errors (${direct.counts.error})` }).click();
    expect(await page.getByTestId('preview-row').count()).toBe(direct.rows.filter((r) => r.action === 'error').length);
    await page.locator('label', { hasText: /^All \(/ }).click();
    await screenshots(page, 'import-preview');

    // Back to the columns: leave one column out, and save.
    await page.getByRole('button', { name: 'Back to the columns' }).click();
    const header = 'Favourite Snack 🍕';
    const select = columnRow(page, header).getByRole('combobox');
    await select.click();
    await select.fill("Don't");
    await page.getByRole('option', { name: "Don't import", exact: true }).click();
    expect(await importedAs(page, header)).toBe("Don't import");
    const leftOut = uploaded.columns.filter((c) => c.target.kind === 'ignore').length + 1;
    await page.getByTestId('mapping-summary').getByText(`${leftOut} left out`, { exact: false }).waitFor();
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes(`/api/imports/${uploaded.id}`),
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();

    const stored = await server.api<SheetImportDto>('GET', `/api/imports/${uploaded.id}`);
    const columns = (stored.mapping as { columns: { header: string; target: unknown }[] }).columns;
    expect(columns.find((c) => c.header === header)?.target).toEqual({ kind: 'ignore' });
    expect(stored.version).toBe(uploaded.version + 1);
    // "Download mapping" hands over the mapping as saved, for `ptrack import --mapping`.
    const href = (await page.getByRole('link', { name: 'Download mapping (JSON)' }).getAttribute('href'))!;
    expect(JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)))).toEqual(stored.mapping);
  });
});

describe('exporting the partners', () => {
  const download = async (format: 'CSV' | 'Excel (.xlsx)') => {
    await page.getByRole('button', { name: 'Export' }).click();
    const event = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: format }).click();
    const file = await event;
    return { name: file.suggestedFilename(), content: readFileSync((await file.path())!) };
  };

  it('downloads the grid as CSV in the tracker sheet column order, and Excel, following the search', async () => {
    await page.goto(`${server.url}/partners`);
    await page.getByRole('grid', { name: 'Partners: All partners' }).waitFor();
    const csv = await download('CSV');
    expect(csv.name).toMatch(/^partners-all-\d{4}-\d{2}-\d{2}\.csv$/);
    // A byte-order mark, if any, is for Excel; the header row follows it.
    const lines = csv.content
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(lines[0]!.startsWith('Partner Company,Partner Type')).toBe(true);
    const all = await server.api<PartnerListResponse>('GET', '/api/partners?limit=1');
    expect(lines.filter((l) => l.trim() !== '').length - 1).toBe(all.total);

    const xlsx = await download('Excel (.xlsx)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.content.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: an Excel workbook

    // The search narrows the export as it narrows the grid.
    const someone = (await server.api<PartnerListResponse>('GET', '/api/partners?limit=1&sort=name')).items[0]!.name;
    await page.getByRole('searchbox', { name: 'Search partners' }).fill(someone);
    await page.waitForURL((url) => url.searchParams.get('q') === someone);
    const found = await server.api<PartnerListResponse>('GET', `/api/partners?limit=1&q=${encodeURIComponent(someone)}`);
    const narrowed = (await download('CSV')).content.toString('utf8').replace(/^\uFEFF/, '');
    expect(narrowed.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1).toBe(found.total);
    expect(narrowed).toContain(someone);
  });
});

describe('uploading', () => {
  it('lets the user pick the worksheet of a workbook, reading the file again with it', async () => {
    await page.goto(`${server.url}/import`);
    const first = await uploadInWizard(page, 'partners.xlsx');
    expect(first.sheetNames.length).toBeGreaterThan(1);
    const worksheet = page.getByRole('textbox', { name: 'Worksheet' }).or(page.getByRole('combobox', { name: 'Worksheet' }));
    expect(await worksheet.inputValue()).toBe(first.sheet);
    const other = first.sheetNames.find((s) => s === 'Partners')!;
    const again = nextJson<SheetImportDto>(page, /\/api\/imports\?/, 'POST');
    await worksheet.click();
    await page.getByRole('option', { name: other, exact: true }).click();
    const { body } = await again;
    expect(body.sheet).toBe(other);
    await page.getByTestId('uploaded-file').getByText(`${body.columns.length} columns`).waitFor();
    expect(await worksheet.inputValue()).toBe(other);
    await screenshots(page, 'import-upload');
  });

  it('says in plain words why a file cannot be read, as the API says it', async () => {
    await page.goto(`${server.url}/import`);
    const refused = nextJson<{ errors: { field: string; message: string }[] }>(page, /\/api\/imports\?/, 'POST');
    await page.getByTestId('import-file').setInputFiles({
      name: 'broken.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('not a zip'),
    });
    const { status, body } = await refused;
    expect(status).toBe(400);
    const message = body.errors.find((e) => e.field === 'file')!.message;
    await page.getByRole('alert').filter({ hasText: 'This file could not be read' }).getByText(message).waitFor();
    // A file that is no spreadsheet at all is refused before it is sent.
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
    await page.getByRole('alert').getByText('"notes.pdf" is not a spreadsheet', { exact: false }).waitFor();
  });

  it('takes a sheet dropped on the drop zone', async () => {
    await page.goto(`${server.url}/import`);
    const csv = readFileSync(fixturePath('final-schema-tracker.csv'), 'utf8');
    // Built in the page (the test's Node has no DataTransfer): a drop as the browser makes it.
    const transfer = await page.evaluateHandle((text) => {
      const web = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const data = new web.DataTransfer();
      data.items.add(new web.File([text], 'dropped.csv', { type: 'text/csv' }));
      return data;
    }, csv);
    const uploaded = nextJson<SheetImportDto>(page, /\/api\/imports\?/, 'POST');
    await page.getByText('Drop your sheet here').dispatchEvent('drop', { dataTransfer: transfer });
    const { body } = await uploaded;
    expect(body.fileName).toBe('dropped.csv');
    await page.getByTestId('uploaded-file').getByText(`${body.totalRows} rows`, { exact: false }).waitFor();
  });
});
