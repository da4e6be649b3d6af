import type {
  ActionListResponse,
  PartnerDto,
  PartnerListResponse,
  PlanListResponse,
  RepDto,
  RepListResponse,
  TouchListResponse,
} from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { gridSettled, visibleNames } from './support/grid';
import { startTestServer, type TestServer } from './support/server';

// Issue 4, points 4 and 5: the partner page and the rep page, against the real server and the demo
// workspace. Every figure checked is read from the API, never written down here.

let browser: TestBrowser;
let server: TestServer;
let page: Page;
let partner: PartnerDto;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
  await server.api('POST', '/api/demo', {});
  // A partner whose page has the most to show: a current plan and a verdict with reasons.
  const list = await server.api<PartnerListResponse>('GET', '/api/partners?limit=500');
  const row = list.items.find((p) => p.qualification !== 'pursue' && p.planStatus !== null && p.totalReps >= 3) ?? list.items[0];
  if (!row) throw new Error('the demo workspace has no partner');
  partner = await server.api<PartnerDto>('GET', `/api/partners/${row.id}`);
  page = await browser.newPage();
});
afterAll(async () => {
  await page?.close();
  await Promise.all([browser?.close(), server?.close()]);
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

const fromApi = () => server.api<PartnerDto>('GET', `/api/partners/${partner.id}`);
const section = (testId: string) => page.getByTestId(testId);
const openPartner = async () => {
  await page.goto(`${server.url}/partners/${partner.id}`);
  await page.getByRole('heading', { level: 1, name: partner.name }).waitFor();
  await page.getByTestId('timeline-item').first().waitFor();
};

describe('the partner page', () => {
  it('opens from the grid, and by its address', async () => {
    await page.goto(`${server.url}/partners`);
    await gridSettled(page);
    const [first] = await visibleNames(page);
    await page
      .getByTestId('partner-name')
      .getByText(first ?? '', { exact: true })
      .first()
      .click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await openPartner();
  });

  it('shows the qualification, plan, reps and performance the API computes', async () => {
    const q = partner.qualification;
    expect(await section('section-qualification').getByTestId('qualification-verdict').getAttribute('data-verdict')).toBe(
      q.verdict,
    );
    for (const [key, result] of Object.entries(q.questions)) {
      expect(await page.getByTestId(`question-${key}`).getAttribute('data-result')).toBe(result);
    }
    expect(await page.getByTestId('qualification-reasons').getByRole('listitem').allTextContents()).toEqual(
      q.reasons.map((r) => r.text),
    );

    const plans = await server.api<PlanListResponse>('GET', `/api/plans?partnerId=${partner.id}`);
    const current = plans.items.find((p) => p.isCurrent);
    if (!current) throw new Error('the chosen partner has no current plan');
    expect(await page.getByTestId('plan-status').getAttribute('data-status')).toBe(current.effectiveStatus);
    expect(await page.getByTestId('current-plan').textContent()).toContain(`${current.progress} of ${current.target}`);
    const past = plans.items.length - 1;
    if (past > 0) await page.getByRole('button', { name: `Show past plans (${past})` }).waitFor();

    const reps = await server.api<RepListResponse>('GET', `/api/reps?partnerId=${partner.id}&limit=500`);
    expect(reps.items.length).toBe(partner.rollup.totalReps);
    expect(await page.getByTestId('rep-row').count()).toBe(partner.rollup.totalReps);
    expect(await page.getByTestId('rollup-total-reps-value').textContent()).toBe(String(partner.rollup.totalReps));
    expect(await page.getByTestId('rollup-jordans-value').textContent()).toBe(String(partner.rollup.jordanCount));
    // A rep whose suggested tier differs from the set one shows the suggestion beside it.
    const differing = reps.items.filter((r) => r.engagementTier !== r.suggestedTier).length;
    expect(await page.getByTestId('reps-table').getByTestId('suggested-tier').count()).toBe(differing);

    const perf = partner.performance;
    expect(await page.getByTestId('perf-intros-value').textContent()).toBe(String(perf.introsMade));
    expect(await page.getByTestId('perf-qualified-value').textContent()).toBe(String(perf.qualifiedConversations));
    expect(await page.getByTestId('perf-deals-value').textContent()).toBe(String(perf.dealsBroughtIn));
    expect(await page.getByTestId('perf-won-value').textContent()).toBe(String(perf.closedWon));
    expect(await page.getByTestId('days-since-touch-value').textContent()).toBe(
      partner.daysSinceLastTouch === null ? 'Never touched' : String(partner.daysSinceLastTouch),
    );
    await screenshots(page, 'partner-page');
  });

  it('pages the timeline: "Show more" adds older entries', async () => {
    const timeline = page.getByTestId('timeline-list').getByTestId('timeline-item');
    const before = await timeline.count();
    await page.getByRole('button', { name: 'Show more' }).click();
    await timeline.nth(before).waitFor();
    // Only touches: every entry is a touch.
    const filter = page.getByRole('group', { name: 'Show in the timeline' });
    for (const kind of ['Actions', 'Intros', 'Changes']) await filter.getByText(kind, { exact: true }).click();
    await page.getByTestId('timeline-planned').waitFor({ state: 'detached' });
    await timeline.and(page.locator(':not([data-kind="touch"])')).first().waitFor({ state: 'detached' });
    expect(await timeline.count()).toBeGreaterThan(0);
  });

  it('logs a touch with a rep; it is at the top of the timeline and in the API', async () => {
    await openPartner();
    const reps = await server.api<RepListResponse>('GET', `/api/reps?partnerId=${partner.id}&limit=500`);
    const rep = reps.items[0] as RepDto;
    const summary = `Call about the account list ${Date.now()}`;
    await page.getByRole('button', { name: 'Log touch' }).click();
    const form = page.getByTestId('log-touch-form');
    await form.getByLabel('Rep', { exact: true }).selectOption({ label: rep.name });
    await form.getByLabel('Kind', { exact: true }).click();
    await page.getByRole('option', { name: 'Call' }).click();
    await form.getByLabel('Note').fill(summary);
    const logged = page.waitForResponse((res) => res.url().endsWith('/api/touches') && res.request().method() === 'POST');
    await form.getByRole('button', { name: 'Log touch' }).click();
    const result = (await (await logged).json()) as { completed: unknown[] };
    await page.getByText('Touch logged').waitFor();

    // The touch is the newest entry; only the follow-ups it completed (a moment later) may sit above it.
    const items = page.getByTestId('timeline-list').getByTestId('timeline-item');
    const ours = items.filter({ hasText: summary });
    await ours.waitFor();
    expect(await ours.getByTestId('timeline-title').textContent()).toBe(`Call to ${rep.name}`);
    const kinds = await items.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-kind'), el.textContent ?? ''] as const),
    );
    const position = kinds.findIndex(([, text]) => text.includes(summary));
    expect(position).toBeLessThanOrEqual(result.completed.length);
    expect(kinds.slice(0, position).every(([kind]) => kind === 'action')).toBe(true);
    const touches = await server.api<TouchListResponse>('GET', `/api/touches?partnerId=${partner.id}&limit=1`);
    expect(touches.items[0]).toMatchObject({ repId: rep.id, kind: 'call', summary });
    // Touched today: the activity figure follows the API.
    const now = await fromApi();
    expect(await page.getByTestId('days-since-touch-value').textContent()).toBe(String(now.daysSinceLastTouch));
  });

  it('adds an action and an intro from the page: the timeline and the figures follow the API', async () => {
    await page.getByRole('button', { name: 'Add action' }).click();
    let dialog = page.getByRole('dialog', { name: `Add an action for ${partner.name}` });
    await dialog.getByLabel('Type').selectOption('Account Research');
    await dialog.getByLabel('Notes').fill('Map their top accounts');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await page.getByText('Action added').waitFor();
    await page.getByTestId('timeline-planned').getByText('Map their top accounts').waitFor();
    const actions = await server.api<ActionListResponse>('GET', `/api/actions?partnerId=${partner.id}&status=open&limit=500`);
    expect(actions.items.filter((a) => a.notes === 'Map their top accounts').map((a) => a.type)).toEqual(['Account Research']);

    const account = `Harbour Freight ${Date.now()}`;
    await page.getByRole('button', { name: 'Add intro' }).click();
    dialog = page.getByRole('dialog', { name: `Add an intro from ${partner.name}` });
    await dialog.getByLabel('Account').fill(account);
    await dialog.getByRole('button', { name: 'Add intro' }).click();
    await page.getByText('Intro added').waitFor();
    await page.getByTestId('timeline-list').getByText(`Intro to ${account}`).waitFor();
    const now = await fromApi();
    expect(now.performance.introsMade).toBe(partner.performance.introsMade + 1);
    await page.getByTestId('perf-intros-value').getByText(String(now.performance.introsMade), { exact: true }).waitFor();
  });

  it('starts a new 90-day plan; the previous one moves to the past plans', async () => {
    const before = await server.api<PlanListResponse>('GET', `/api/plans?partnerId=${partner.id}`);
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: `New 90-day plan for ${partner.name}` });
    await dialog.getByLabel('Goal').fill('2 deals from the Tier 1 reps');
    await dialog.getByLabel('Metric').selectOption('deals');
    await dialog.getByLabel('Target').fill('2');
    await dialog.getByRole('button', { name: 'Start plan' }).click();
    await page.getByTestId('current-plan').getByText('2 deals from the Tier 1 reps').waitFor();
    const after = await server.api<PlanListResponse>('GET', `/api/plans?partnerId=${partner.id}`);
    const current = after.items.find((p) => p.isCurrent);
    expect(current).toMatchObject({ goal: '2 deals from the Tier 1 reps', metric: 'deals', target: 2 });
    expect(after.items.length).toBe(before.items.length + 1);
    expect(await page.getByTestId('plan-status').getAttribute('data-status')).toBe(current?.effectiveStatus);
    await page.getByRole('button', { name: `Show past plans (${before.items.length})` }).click();
    const past = page.getByTestId('past-plans').getByRole('listitem');
    await past.nth(before.items.length - 1).waitFor();
    expect(await past.count()).toBe(before.items.length);
  });

  it('saves an edited field with its version; after a reload it is still there', async () => {
    const relationship = section('section-relationship');
    await relationship.getByRole('button', { name: 'Edit relationship' }).click();
    await relationship.getByLabel('Owner').fill('Priya from the page');
    await relationship.getByRole('button', { name: 'Save' }).click();
    await relationship.getByTestId('field-owner').getByText('Priya from the page').waitFor();
    await page.reload();
    await section('section-relationship').getByTestId('field-owner').getByText('Priya from the page').waitFor();
    expect((await fromApi()).owner).toBe('Priya from the page');
  });

  it('shows a conflict instead of overwriting a change made elsewhere in between', async () => {
    const relationship = section('section-relationship');
    await relationship.getByRole('button', { name: 'Edit relationship' }).click();
    // Someone else saves the same partner while the form is open.
    const loaded = await fromApi();
    await server.api('PATCH', `/api/partners/${partner.id}`, { version: loaded.version, owner: 'Sam from the API' });
    await relationship.getByLabel('Owner').fill('Mine from the page');
    await relationship.getByRole('button', { name: 'Save' }).click();

    const dialog = page.getByRole('dialog', { name: `Someone changed ${partner.name} since you loaded it` });
    await dialog.waitFor();
    const row = dialog.locator('[data-field="owner"]');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('Sam from the API');
    expect(await row.getByTestId('conflict-mine').textContent()).toBe('Mine from the page');
    expect((await fromApi()).owner).toBe('Sam from the API');

    await dialog.getByRole('button', { name: 'Keep theirs' }).click();
    await dialog.waitFor({ state: 'detached' });
    await relationship.getByTestId('field-owner').getByText('Sam from the API').waitFor();
    expect((await fromApi()).owner).toBe('Sam from the API');
  });
  it('adds a rep from the reps table; the table and the rollup follow the API', async () => {
    await page.getByRole('button', { name: 'Add rep' }).click();
    const dialog = page.getByRole('dialog', { name: `Add a rep to ${partner.name}` });
    await dialog.getByLabel('Name').fill('Zoe Whitaker');
    await dialog.getByLabel('Engagement tier').selectOption('2');
    await dialog.getByRole('button', { name: 'Add rep' }).click();
    await page.getByTestId('reps-table').getByText('Zoe Whitaker').waitFor();
    const now = await fromApi();
    expect(now.rollup.totalReps).toBe(partner.rollup.totalReps + 1);
    await page.getByTestId('rollup-total-reps-value').getByText(String(now.rollup.totalReps), { exact: true }).waitFor();
    expect(await page.getByTestId('rep-row').count()).toBe(now.rollup.totalReps);
  });
});

describe('the rep page', () => {
  it('opens from the reps table; a toggled signal persists and matches the API', async () => {
    await openPartner();
    const link = page.getByTestId('rep-link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/reps\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const repId = page.url().split('/').at(-1) ?? '';
    const rep = await server.api<RepDto>('GET', `/api/reps/${repId}`);
    expect(await page.getByTestId('jordan-verdict').getAttribute('data-jordan')).toBe(String(rep.isJordan));
    expect(await page.getByTestId('suggested-tier').getAttribute('data-tier')).toBe(String(rep.suggestedTier));

    const signal = page.getByRole('checkbox', { name: 'Shares their account list' });
    expect(await signal.isChecked()).toBe(rep.sharesAccountList);
    const saved = page.waitForResponse((res) => res.url().endsWith(`/api/reps/${repId}`) && res.request().method() === 'PATCH');
    await signal.click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const after = await server.api<RepDto>('GET', `/api/reps/${repId}`);
    expect(after.sharesAccountList).toBe(!rep.sharesAccountList);
    expect(await page.getByRole('checkbox', { name: 'Shares their account list' }).isChecked()).toBe(after.sharesAccountList);
    expect(await page.getByTestId('jordan-verdict').getAttribute('data-jordan')).toBe(String(after.isJordan));
    await page.getByTestId('timeline-item').first().waitFor();
    await screenshots(page, 'rep-page');

    // A signal toggled on a stale rep (changed through the API meanwhile) shows both values first.
    await server.api('PATCH', `/api/reps/${repId}`, { version: after.version, responsive: !after.responsive });
    await page.getByRole('checkbox', { name: 'Suggests joint activities' }).click();
    const dialog = page.getByRole('dialog', { name: `Someone changed ${name} since you loaded it` });
    const row = dialog.locator('[data-field="suggestsJointActivities"]');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe(after.suggestsJointActivities ? 'Yes' : 'No');
    expect(await row.getByTestId('conflict-mine').textContent()).toBe(after.suggestsJointActivities ? 'No' : 'Yes');
    await dialog.getByRole('button', { name: 'Apply mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    const applied = await server.api<RepDto>('GET', `/api/reps/${repId}`);
    expect(applied.suggestsJointActivities).toBe(!after.suggestsJointActivities);
    expect(applied.responsive).toBe(!after.responsive);
    expect(await page.getByRole('checkbox', { name: 'Suggests joint activities' }).isChecked()).toBe(
      applied.suggestsJointActivities,
    );

    await page.getByTestId('rep-partner-link').click();
    await page.getByRole('heading', { level: 1, name: partner.name }).waitFor();
  });
});

// Issue 14, "Misleading figures and layout": the reps table and the rep page as a new user met them.
describe('rep figures and layout', () => {
  /** Gives one rep with a suggestion a different tier, so the table shows a badge beside a suggestion. */
  const repWithDifferentSuggestion = async (): Promise<RepDto> => {
    const reps = await server.api<RepListResponse>('GET', `/api/reps?partnerId=${partner.id}&limit=500`);
    const differing = reps.items.find(
      (r) => r.suggestedTier !== null && r.engagementTier !== null && r.engagementTier !== r.suggestedTier,
    );
    if (differing) return differing;
    const rep = reps.items.find((r) => r.suggestedTier !== null);
    if (!rep?.suggestedTier) throw new Error('no rep of the chosen partner has a suggested tier');
    const other = ((rep.suggestedTier % 4) + 1) as 1 | 2 | 3 | 4;
    return server.api<RepDto>('PATCH', `/api/reps/${rep.id}`, { version: rep.version, engagementTier: other });
  };
  /** The badge's text is all there: not cut to "T…". */
  const badgeWhole = (row: ReturnType<Page['getByTestId']>) =>
    row.getByTestId('tier-badge').evaluate((badge) => {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      return { text: label.textContent, whole: label.scrollWidth <= label.clientWidth };
    });

  it('shows a tier badge in full beside a suggested tier, wide and on a phone', async () => {
    const rep = await repWithDifferentSuggestion();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await openPartner();
      const row = page.locator(`[data-testid="rep-row"][data-rep-id="${rep.id}"]`);
      await row.getByTestId('suggested-tier').waitFor();
      const badge = await badgeWhole(row);
      expect(badge.text).toContain(`T${rep.engagementTier}`);
      expect(badge.whole, `at ${width} px`).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('at 375 px stacks the reps as cards, every value on screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await openPartner();
      const table = page.getByTestId('reps-table');
      expect(await table.getAttribute('data-layout')).toBe('stacked');
      const rows = await page.getByTestId('rep-row').all();
      expect(rows.length).toBe((await fromApi()).rollup.totalReps);
      for (const row of rows) {
        const cells = await row.locator('td, th').evaluateAll((els) =>
          els.map((el) => {
            const box = el.getBoundingClientRect();
            return {
              label: el.getAttribute('data-label') ?? 'Name',
              left: box.left,
              right: box.right,
              clipped: el.scrollWidth > el.clientWidth + 1,
            };
          }),
        );
        expect(cells.map((c) => c.label)).toEqual(['Name', 'Tier', 'Quality', 'Last contact', 'Next action']);
        for (const cell of cells) {
          expect(cell.left, cell.label).toBeGreaterThanOrEqual(0);
          expect(cell.right, cell.label).toBeLessThanOrEqual(375);
          expect(cell.clipped, cell.label).toBe(false);
        }
      }
      await screenshots(page, 'partner-page-reps-stacked', { fullPage: false });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('gives a new rep no suggested tier, and explains the 0 intros of one marked as making intros without proof', async () => {
    const rep = await server.api<RepDto>('POST', '/api/reps', {
      partnerId: partner.id,
      name: 'Nia Newcomb',
      introsWithoutProof: true,
    });
    expect(rep.suggestedTier).toBeNull();
    await page.goto(`${server.url}/reps/${rep.id}`);
    await page.getByRole('heading', { level: 1, name: 'Nia Newcomb' }).waitFor();
    const suggestion = page.getByTestId('suggested-tier');
    expect(await suggestion.textContent()).toContain('No suggested tier yet');
    expect(await suggestion.getAttribute('data-tier')).toBeNull();
    expect(await page.getByTestId('rep-intros-value').textContent()).toBe(String(rep.introductionsMade));
    expect(await page.getByTestId('rep-intros').textContent()).toContain('none logged yet');
  });
});
