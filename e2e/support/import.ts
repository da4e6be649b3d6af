import { fileURLToPath } from 'node:url';
import type { ImportPreviewDto, SheetImportDto } from '@ptrack/contracts';
import type { Locator, Page, Route } from 'playwright-core';

// Helpers of the import wizard journeys (e2e/import.e2e.test.ts).

export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../../packages/integrations/test-fixtures/${name}`, import.meta.url));

/**
 * The JSON answer to the page's next `method` request to `url`. Read through a route, not
 * waitForResponse: Chromium drops the body of an upload's response from its inspector cache.
 */
export function nextJson<T>(page: Page, url: RegExp, method: string): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const handler = async (route: Route) => {
      if (route.request().method() !== method) return route.fallback();
      try {
        const response = await route.fetch();
        const text = await response.text();
        await route.fulfill({ response, body: text });
        await page.unroute(url, handler);
        resolve({ status: response.status(), body: JSON.parse(text) as T });
      } catch (error) {
        reject(error);
      }
    };
    page.route(url, handler).catch(reject);
  });
}

/** Picks the file in the wizard's upload step; answers with the server's SheetImportDto for it. */
export async function uploadInWizard(page: Page, name: string): Promise<SheetImportDto> {
  const response = nextJson<SheetImportDto>(page, /\/api\/imports\?/, 'POST');
  await page.getByTestId('import-file').setInputFiles(fixturePath(name));
  const { body } = await response;
  await page.getByTestId('uploaded-file').getByText(name).waitFor();
  return body;
}

/** Moves from the columns step to the preview; answers with the preview the page received. */
export async function goToPreview(page: Page): Promise<ImportPreviewDto> {
  const response = nextJson<ImportPreviewDto>(page, /\/api\/imports\/[^/?]+\/preview$/, 'POST');
  await page.getByRole('button', { name: 'Next: preview' }).click();
  const { body } = await response;
  await page.getByTestId('preview-counts').waitFor();
  return body;
}

/** The columns step's row for a sheet header. */
export function columnRow(page: Page, header: string): Locator {
  return page.getByTestId('import-column').filter({ has: page.getByTestId('column-header').getByText(header, { exact: true }) });
}

/** What the columns step says a column is imported as (the Select's shown label). */
export async function importedAs(page: Page, header: string): Promise<string> {
  return columnRow(page, header).getByRole('combobox').inputValue();
}

/** The errors table of the preview step, as [row, column, value, reason]. */
export async function errorsShown(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('preview-error');
  const out: string[][] = [];
  for (const row of await rows.all()) out.push((await row.getByRole('cell').allTextContents()).map((t) => t.trim()));
  return out;
}
