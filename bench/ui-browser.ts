// One cold-profile Chromium per sample, timing in the page's own clock (performance.now(): 0 is the
// navigation start). A script injected before the app records when watched elements first appear (at
// the animation frame after they are inserted, i.e. the frame that paints them) and when focus lands.
import { defined } from '@ptrack/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';

export { CHROMIUM_PATH, chromiumVersion } from '../e2e/support/chromium';

const TIMEOUT_MS = 60_000;
/** apps/web partner-grid.tsx ROW_HEIGHT: rows are fixed-height, so row n starts at n × 36 px. */
const GRID_ROW_HEIGHT = 36;

export type Resource = { name: string; startTime: number; responseEnd: number; transferSize: number };
export type Marks = Record<string, number>;
export type TodaySample = {
  rowVisible: number;
  clickReceived: number;
  dialogOpen: number;
  /** Main-thread time in long tasks before the dialog opened. */
  longTaskMs: number;
  resources: Resource[];
};
export type GridSample = {
  rowsVisible: number;
  clickReceived: number;
  keyReceived: number;
  focusMoved: number;
  /** Main-thread time in long tasks before focus moved. */
  longTaskMs: number;
  /** Time from setting the scroll position to row `scrollRow` until it is rendered with its data (NaN: not measured). */
  scrollToRow: number;
  scrollRow: number | null;
  resources: Resource[];
};

// Runs in the page before any of its scripts. Kept as a string: it must not close over Node values.
const PROBE = `(() => {
  const marks = {};
  const watches = [];
  window.__bench = {
    marks,
    watch(name, selector, then) { watches.push({ name, selector, then }); check(); },
  };
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  function check() {
    for (let i = watches.length - 1; i >= 0; i--) {
      const w = watches[i];
      if (document.querySelector(w.selector)) {
        watches.splice(i, 1);
        // Marked in the frame that paints it; a follow-up input goes right after that paint.
        requestAnimationFrame(() => {
          mark(w.name);
          if (w.then) setTimeout(w.then, 0);
        });
      }
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  // The harness's input as the page receives it: the first pointer press and the first key press.
  document.addEventListener('pointerdown', () => mark('pointerDown'), true);
  document.addEventListener('keydown', () => mark('keyDown'), true);
  // Main-thread work in long tasks (> 50 ms): how much of the wait is the page computing.
  window.__bench.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof Element && e.target.matches('[data-cell^="1:"]')) mark('focusMoved');
  }, true);
  // In-page input (no harness latency): the page clicks Done, or moves the grid's focus, itself.
  const auto = window.__benchInPage === true;
  window.__bench.watch('todayRow', '[data-testid="today-row"]', auto && (() => {
    mark('inputSent');
    document.querySelector('[data-testid="today-row"] button[aria-label^="Done"]').click();
  }));
  window.__bench.watch('dialog', '[role="dialog"]');
  window.__bench.watch('gridRow', '[data-testid="partner-row"]', auto && (() => {
    const cell = document.querySelector('[data-cell="0:1"]');
    mark('inputSent');
    cell.focus();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true, cancelable: true }));
  }));
})();`;

type Cold = { context: BrowserContext; page: Page; close(): Promise<void> };

/** `harness`: Playwright clicks and types, as a user would through the browser's input pipeline; `in-page`: the page does at first paint. */
export type InputMode = 'harness' | 'in-page';

async function coldPage(mode: InputMode): Promise<Cold> {
  const browser = await launchChromium('ptrack-bench-ui-', TIMEOUT_MS);
  const { context } = browser;
  if (mode === 'in-page') await context.addInitScript('window.__benchInPage = true;');
  await context.addInitScript(PROBE);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return {
    context,
    page,
    async close() {
      await browser.close();
      if (errors.length) throw new Error(`the page failed: ${errors.map(String).join('; ')}`);
    },
  };
}

// Page-side code is passed as strings: the bench compiles without the DOM library.
/** Waits for every named mark and returns them (the page's times in ms), each one checked to be there. */
async function marks<N extends string>(page: Page, names: readonly N[]): Promise<Record<N, number>> {
  const wanted = JSON.stringify(names);
  await page.waitForFunction(`${wanted}.every((n) => n in window.__bench.marks)`, undefined, { timeout: TIMEOUT_MS });
  const all = await page.evaluate<Marks>('({ ...window.__bench.marks })');
  const out = {} as Record<N, number>;
  for (const name of names) out[name] = defined(all[name], `the page's "${name}" mark`);
  return out;
}

function resources(page: Page): Promise<Resource[]> {
  return page.evaluate<Resource[]>(`performance.getEntriesByType('resource').map((r) => {
    const url = new URL(r.name);
    return { name: url.pathname + url.search, startTime: r.startTime, responseEnd: r.responseEnd, transferSize: r.transferSize };
  })`);
}

/** The main-thread time spent in long tasks that started before `until` (page time). */
function longTaskMs(page: Page, until: number): Promise<number> {
  return page.evaluate<number>(
    `window.__bench.longTasks.filter(([start]) => start < ${until}).reduce((sum, [, duration]) => sum + duration, 0)`,
  );
}

/** Sets the grid's scroller to data row `row` (1-based) and resolves with the ms until it is rendered with data. */
const scrollProbe = (row: number, timeout: number) => `new Promise((resolve, reject) => {
  const scroller = document.querySelector('[data-testid="partner-grid-scroller"]');
  if (!scroller) throw new Error('no grid scroller');
  // aria-rowindex counts the header row as 1, so data row n (1-based) is n + 1.
  const selector = '[data-testid="partner-row"][aria-rowindex="${row + 1}"]';
  const started = performance.now();
  const timer = setTimeout(() => reject(new Error('row ${row} not rendered in ${timeout} ms')), ${timeout});
  const check = () => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - started));
  };
  const observer = new MutationObserver(check);
  observer.observe(scroller, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-testid'] });
  scroller.scrollTop = ${(row - 1) * GRID_ROW_HEIGHT};
  check();
})`;

/** Today: navigation start → first row painted → a real click on its Done button → the dialog is there. */
export async function sampleToday(baseUrl: string, mode: InputMode): Promise<TodaySample> {
  const cold = await coldPage(mode);
  try {
    const { page } = cold;
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
    if (mode === 'harness') {
      const done = page.getByTestId('today-row').first().getByRole('button', { name: /^Done/ });
      // Playwright clicks once the button is visible, stable for two frames, enabled and hit-testable.
      await done.click();
    }
    const input = mode === 'harness' ? 'pointerDown' : 'inputSent';
    const m = await marks(page, ['todayRow', input, 'dialog']);
    return {
      rowVisible: m.todayRow,
      clickReceived: m[input],
      dialogOpen: m.dialog,
      longTaskMs: await longTaskMs(page, m.dialog),
      resources: await resources(page),
    };
  } finally {
    await cold.close();
  }
}

/**
 * The partner grid: navigation start → first rows painted; a click on the first row's second cell
 * and ArrowDown → focus lands on the second row (keyboard works); then the scroller is set to row
 * `scrollRow` and timed until that row is rendered with its data (not a loading placeholder).
 */
export async function sampleGrid(baseUrl: string, mode: InputMode, scrollRow: number | null): Promise<GridSample> {
  const cold = await coldPage(mode);
  try {
    const { page } = cold;
    await page.goto(`${baseUrl}/partners`, { waitUntil: 'commit' });
    if (mode === 'harness') {
      await page.locator('[data-cell="0:1"]').click();
      await page.keyboard.press('ArrowDown');
    }
    const m =
      mode === 'harness'
        ? await marks(page, ['gridRow', 'pointerDown', 'keyDown', 'focusMoved'])
        : await marks(page, ['gridRow', 'inputSent', 'focusMoved']);
    const longTasks = await longTaskMs(page, m.focusMoved);
    const scrollToRow = scrollRow === null ? Number.NaN : await page.evaluate<number>(scrollProbe(scrollRow, TIMEOUT_MS));
    return {
      rowsVisible: m.gridRow,
      clickReceived: 'pointerDown' in m ? m.pointerDown : m.inputSent,
      keyReceived: 'keyDown' in m ? m.keyDown : m.inputSent,
      focusMoved: m.focusMoved,
      longTaskMs: longTasks,
      scrollToRow,
      scrollRow,
      resources: await resources(page),
    };
  } finally {
    await cold.close();
  }
}
