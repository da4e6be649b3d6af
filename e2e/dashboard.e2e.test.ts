import type { DashboardDto } from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

// Issue 4 point 7: the dashboard's pictures show the API's figures, and lead to the lists behind them.

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

/** The text of `[data-testid=<inner>]` inside `[data-testid=<outer>]`, as a number. */
async function numberIn(page: Page, outer: string, inner: string): Promise<number> {
  const text = await page.getByTestId(outer).getByTestId(inner).first().textContent();
  return Number(text?.replace(/[^\d.-]/g, ''));
}

/** The same rounding the page uses: one decimal, none when whole. */
function percent(ratio: number): string {
  const pct = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

describe('the dashboard on the demo workspace', () => {
  let server: TestServer;
  let dashboard: DashboardDto;
  beforeAll(async () => {
    server = await startTestServer();
    await server.api('POST', '/api/demo', {});
    dashboard = await server.api<DashboardDto>('GET', '/api/dashboard');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the funnel, plans, tiers, attention and conversion exactly as GET /api/dashboard counts them', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByTestId('funnel-chart').waitFor();

    // The demo must exercise every chart, or this test proves little.
    expect(dashboard.funnel.introsMade).toBeGreaterThan(0);
    expect(dashboard.pipelineByPartner.length).toBeGreaterThan(0);

    expect(await numberIn(page, 'stat-partners', 'stat-value')).toBe(dashboard.partnerCount);
    expect(await numberIn(page, 'stat-reps', 'stat-value')).toBe(dashboard.repCount);

    const f = dashboard.funnel;
    const steps = [
      ['intros', f.introsMade],
      ['qualified', f.qualifiedConversations],
      ['deals', f.dealsBroughtIn],
      ['won', f.closedWon],
    ] as const;
    for (const [key, value] of steps) expect(await numberIn(page, `funnel-${key}`, 'funnel-value'), key).toBe(value);
    // Conversion between steps, as the page rounds it, from the API's counts.
    for (let i = 1; i < steps.length; i++) {
      const [key, value] = steps[i]!;
      const previous = steps[i - 1]![1];
      if (previous === 0) continue;
      expect(await page.getByTestId(`conversion-${key}`).textContent()).toContain(percent(value / previous));
    }

    for (const [key, value] of Object.entries(dashboard.plansByStatus)) {
      expect(await numberIn(page, `plan-${key}`, 'plan-count'), key).toBe(value);
    }
    // The tier chart's text alternative (a visually hidden table) carries the API's counts.
    const tiers = page.getByTestId('tier-chart');
    for (const [key, value] of Object.entries(dashboard.tierDistribution)) {
      expect(Number(await tiers.getByTestId(`row-${key}`).getByTestId('value').textContent()), key).toBe(value);
    }
    expect(await tiers.getByRole('img', { name: /^Reps by engagement tier/ }).getAttribute('aria-label')).toContain(
      `Tier 1 · active deals ${dashboard.tierDistribution['1']}`,
    );

    expect(await numberIn(page, 'attention', 'needs-attention-count')).toBe(dashboard.needsAttentionCount);
    expect(await numberIn(page, 'attention', 'overdue-count')).toBe(dashboard.overdueActions);

    const conversion = dashboard.benchmarks.introToDealConversion.actual;
    expect(conversion).not.toBeNull();
    expect(await page.getByTestId('conversion-actual').textContent()).toBe(percent(conversion!));
    expect(await numberIn(page, 'benchmark-convos', 'convos-meeting')).toBe(
      dashboard.benchmarks.qualifiedConvosPer90Days.partnersMeeting,
    );
    expect(await numberIn(page, 'benchmark-convos', 'convos-with-plans')).toBe(
      dashboard.benchmarks.qualifiedConvosPer90Days.partnersWithPlans,
    );
    // No total revenue is known: the share is a target only, and the page says so.
    await page.getByTestId('benchmark-revenue').getByText('Not measured').waitFor();

    await screenshots(page, 'dashboard');
    await page.close();
  });

  it('links each pipeline bar to its partner page, largest first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dashboard`);
    const rows = page.getByTestId('pipeline-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(dashboard.pipelineByPartner.length);
    const links = await rows.getByRole('link').evaluateAll((els) => els.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual(dashboard.pipelineByPartner.map((p) => [p.name, `/partners/${p.partnerId}`]));

    const first = dashboard.pipelineByPartner[0]!;
    await rows.first().getByRole('link').click();
    await page.waitForURL(`**/partners/${first.partnerId}`);
    await page.close();
  });

  it('opens the grid on its needs-attention view from the attention count', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('needs-attention-link').click();
    await page.waitForURL((url) => url.pathname === '/partners' && url.searchParams.get('view') === 'needs-attention');
    // The grid shows that view: as many rows as the dashboard counted.
    const total = page.getByTestId('grid-total-count');
    await total.waitFor();
    const leadingCount = (text: string | null) => Number(/^[\d,]+/.exec(text ?? '')?.[0].replace(/,/g, ''));
    await expect.poll(async () => leadingCount(await total.textContent())).toBe(dashboard.needsAttentionCount);
    await page.close();
  });
});

describe('the dashboard of an empty workspace', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows a friendly empty state instead of empty charts', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('dashboard-empty').getByRole('heading', { name: 'Nothing to chart yet' }).waitFor();
    expect(await page.getByTestId('funnel-chart').count()).toBe(0);
    await screenshots(page, 'dashboard-empty');
    await page.close();
  });
});
