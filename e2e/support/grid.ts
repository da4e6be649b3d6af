import type { Locator, Page } from 'playwright-core';

// The partner grid renders only the rows on screen (virtualised): reading "every name in the grid" means
// scrolling it from top to bottom and collecting the rows by their index as they appear.

export const grid = (page: Page): Locator => page.getByRole('grid');
const scroller = (page: Page) => page.getByTestId('partner-grid-scroller');

/** Waits until the grid shows the current list (not the previous one while the new one loads). */
export async function gridSettled(page: Page): Promise<void> {
  await page.locator('[role="grid"][aria-busy="false"]').waitFor();
  await page.getByTestId('partner-row-loading').first().waitFor({ state: 'detached' });
}

/** The names of the rows on screen now, in order. */
export async function visibleNames(page: Page): Promise<string[]> {
  return page.getByTestId('partner-row').evaluateAll((rows) =>
    rows
      .map(
        (row) =>
          [
            Number(row.getAttribute('data-row-index')),
            row.querySelector('[data-testid="partner-name"]')?.textContent ?? '',
          ] as const,
      )
      .sort((a, b) => a[0] - b[0])
      .map(([, name]) => name),
  );
}

/** Every name in the grid, in order: scrolls through it, letting further pages load by cursor. */
export async function allGridNames(page: Page, { step = 0.8 } = {}): Promise<string[]> {
  await gridSettled(page);
  const box = scroller(page);
  await box.evaluate((el) => el.scrollTo({ top: 0 }));
  const names = new Map<number, string>();
  for (let guard = 0; guard < 2000; guard++) {
    // The row at the top of the box must be rendered, and no row may still be waiting for its page.
    const top = await box.evaluate((el) => Math.floor(el.scrollTop / 36));
    if (await page.getByTestId('partner-row').count()) await page.locator(`[data-row-index="${top}"]`).first().waitFor();
    await page.getByTestId('partner-row-loading').first().waitFor({ state: 'detached', timeout: 30_000 });
    const seen = await page
      .getByTestId('partner-row')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            [
              Number(row.getAttribute('data-row-index')),
              row.querySelector('[data-testid="partner-name"]')?.textContent ?? '',
            ] as const,
        ),
      );
    for (const [index, name] of seen) names.set(index, name);
    const atEnd = await box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
    if (atEnd) break;
    await box.evaluate((el, s) => el.scrollBy({ top: Math.max(36, el.clientHeight * s) }), step);
  }
  await box.evaluate((el) => el.scrollTo({ top: 0 }));
  return [...names.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/** The views list: the sidebar on a wide screen, else the drawer behind the "Views" button (opened here). */
export async function viewsList(page: Page): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: 'Views' });
  if (!(await nav.isVisible())) await page.getByTestId('views-menu-button').click();
  await nav.waitFor();
  return nav;
}

/** Picks a view in the views list ("All partners" or a view's name) and waits for its rows. */
export async function selectView(page: Page, name: string): Promise<void> {
  const folded = await page.getByTestId('views-menu-button').isVisible();
  const list = await viewsList(page);
  await list.getByRole('link', { name, exact: true }).click();
  // The folded list's drawer closes on a pick: wait until it has, or the next pick finds it still
  // visible while it slides away and clicks a link that is about to leave the page.
  if (folded) await list.waitFor({ state: 'hidden' });
  await page.getByTestId('view-title').getByText(name, { exact: true }).waitFor();
  await gridSettled(page);
}
