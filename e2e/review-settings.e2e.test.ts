import type {
  ActionDto,
  ActionListResponse,
  CustomFieldListResponse,
  PartnerDto,
  PartnerListResponse,
  PlanDto,
  PlanListResponse,
  SettingsDto,
  TouchListResponse,
} from '@ptrack/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshots, type TestBrowser } from './support/browser';
import { addDays, startTestServer, type TestServer } from './support/server';

// Issue 4, points 6 and 8: the weekly review and the settings page, in Debian's Chromium against the
// real server on the demo workspace. Every expectation is read back from the API.

let browser: TestBrowser;
let server: TestServer;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  await server.api('POST', '/api/demo', {});
  page = await browser.newPage();
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});
afterEach(() => {
  expect(browser.pageErrors.map(String)).toEqual([]);
});

/** The server's answer to "who is left this week": its built-in view, every page of it. */
async function reviewState() {
  const list = await server.api<PartnerListResponse>('GET', '/api/partners?view=this-weeks-review&limit=500');
  const left = list.items.filter((p) => !p.reviewedThisWeek);
  return { total: list.total, left, reviewed: list.total - left.length };
}
const progressText = (s: { total: number; reviewed: number; left: unknown[] }) =>
  `${s.reviewed} of ${s.total} reviewed this week · ${s.left.length} left`;
const shownName = () => page.getByTestId('review-partner-name').textContent();
const partner = (id: string) => server.api<PartnerDto>('GET', `/api/partners/${id}`);

describe('the weekly review', () => {
  it('counts the partners left as the API does and starts with the first of them', async () => {
    const state = await reviewState();
    expect(state.left.length).toBeGreaterThan(3);
    await page.goto(`${server.url}/review`);
    await page.getByTestId('review-progress').getByText(progressText(state)).waitFor();
    await page.getByTestId('review-partner-name').getByText(state.left[0]!.name).waitFor();
    expect(await page.getByTestId('review-left-item').count()).toBe(state.left.length);
    // What the review looks at: the server's verdict, reps, plan, next action and performance.
    const shown = await partner(state.left[0]!.id);
    expect(await page.getByTestId('qualification-verdict').textContent()).toBe(
      { pursue: 'Pursue', 'polite-pass': 'Polite pass', incomplete: 'Incomplete' }[shown.qualification.verdict],
    );
    expect(await page.getByTestId('reps-by-tier').textContent()).toContain(`${shown.rollup.totalReps} rep`);
    await screenshots(page, 'review');
  });

  it('"Mark reviewed" sets reviewedAt, drops the count by one and shows the next partner', async () => {
    const before = await reviewState();
    const [first, second] = before.left;
    expect(await shownName()).toBe(first!.name);
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    const after = await (async () => {
      await page.getByTestId('review-partner-name').getByText(second!.name).waitFor();
      return reviewState();
    })();
    expect(after.left.length).toBe(before.left.length - 1);
    await page.getByTestId('review-progress').getByText(progressText(after)).waitFor();
    const saved = await partner(first!.id);
    expect(saved.reviewedAt).not.toBeNull();
    expect(saved.reviewedThisWeek).toBe(true);
  });

  it('moves with n and p, skips without marking, and marks reviewed with r', async () => {
    const before = await reviewState();
    const [current, next] = before.left;
    expect(await shownName()).toBe(current!.name);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await page.getByTestId('review-partner-name').getByText(next!.name).waitFor();
    await page.keyboard.press('p');
    await page.getByTestId('review-partner-name').getByText(current!.name).waitFor();
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.getByTestId('review-partner-name').getByText(next!.name).waitFor();
    expect((await partner(current!.id)).reviewedThisWeek).toBe(false);
    await page.keyboard.press('r');
    await page
      .getByTestId('review-progress')
      .getByText(progressText({ ...before, reviewed: before.reviewed + 1, left: before.left.slice(1) }))
      .waitFor();
    expect((await partner(next!.id)).reviewedThisWeek).toBe(true);
  });

  it('sets a next action from the review, which the actions API then lists', async () => {
    const id = await page.getByTestId('review-partner').getAttribute('data-partner-id');
    const settings = await server.api<SettingsDto>('GET', '/api/settings');
    const due = addDays(settings.today, 5);
    const section = page.getByTestId('next-action');
    await section.getByRole('button', { name: /^(Set next action|Add another action)$/ }).click();
    const form = page.getByRole('form', { name: 'Set the next action' });
    await form.getByLabel('Type').click();
    await page.getByRole('option', { name: 'Intro Request' }).click();
    await form.getByLabel('Due').fill(due);
    await form.getByLabel('Notes').fill('Ask for the Q3 account list');
    await form.getByRole('button', { name: 'Set next action' }).click();
    await page.getByText('Next action set').waitFor();
    const open = await server.api<ActionListResponse>('GET', `/api/actions?partnerId=${id}&status=open`);
    expect(open.items.map((a) => [a.type, a.dueDate, a.notes])).toContainEqual([
      'Intro Request',
      due,
      'Ask for the Q3 account list',
    ]);
  });

  it('a partner changed elsewhere is not marked reviewed silently: the conflict shows, the user chooses', async () => {
    const id = (await page.getByTestId('review-partner').getAttribute('data-partner-id'))!;
    const loaded = await partner(id);
    await server.api('PATCH', `/api/partners/${id}`, { version: loaded.version, notes: 'Changed by a colleague' });
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    const dialog = page.getByTestId('review-conflict');
    await dialog.getByText('Changed by a colleague').waitFor();
    expect((await partner(id)).reviewedThisWeek).toBe(false);
    await dialog.getByRole('button', { name: 'Mark reviewed anyway' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await partner(id);
    expect(saved.reviewedThisWeek).toBe(true);
    expect(saved.notes).toBe('Changed by a colleague');
  });

  it('edits program status and plan status in place, changes the next action and logs a touch', async () => {
    const { left } = await reviewState();
    // A partner left this week with a current 90-day plan (the demo has several).
    let target: { id: string; name: string } | undefined;
    let plan: PlanDto | undefined;
    for (const p of left) {
      plan = (await server.api<PlanListResponse>('GET', `/api/plans?partnerId=${p.id}`)).items.find((x) => x.isCurrent);
      if (plan) {
        target = p;
        break;
      }
    }
    expect(plan).toBeDefined();
    await page.getByTestId('review-left-item').filter({ hasText: target!.name }).click();
    await page.getByTestId('review-partner-name').getByText(target!.name).waitFor();

    const settings = await server.api<SettingsDto>('GET', '/api/settings');
    const before = await partner(target!.id);
    const status = settings.optionLists.programStatus!.find((s) => s !== before.programStatus)!;
    await page.getByTestId('review-partner').getByLabel('Program status', { exact: true }).click();
    await page.getByRole('option', { name: status, exact: true }).click();
    await page.getByText('Program status saved').waitFor();
    expect((await partner(target!.id)).programStatus).toBe(status);

    const planStatus = plan!.effectiveStatus === 'at-risk' ? 'Delivered' : 'At Risk';
    await page.getByTestId('review-partner').getByLabel('Plan status', { exact: true }).click();
    await page.getByRole('option', { name: planStatus, exact: true }).click();
    await page.getByText('Plan status saved').waitFor();
    const savedPlan = await server.api<PlanDto>('GET', `/api/plans/${plan!.id}`);
    expect(savedPlan.status).toBe(planStatus === 'At Risk' ? 'at-risk' : 'delivered');

    const next = (await partner(target!.id)).rollup.nextAction;
    if (next) {
      await page.getByRole('button', { name: 'Change next action' }).click();
      const form = page.getByRole('form', { name: 'Change the next action' });
      await form.getByLabel('Notes').fill('Bring the co-sell deck');
      await form.getByRole('button', { name: 'Save next action' }).click();
      await page.getByText('Next action changed').waitFor();
      const changed = await server.api<ActionDto>('GET', `/api/actions/${next.id}`);
      expect(changed.notes).toBe('Bring the co-sell deck');
    }

    await page.getByRole('button', { name: 'Log touch' }).click();
    const dialog = page.getByRole('dialog', { name: `Log touch with ${target!.name}` });
    await dialog.getByLabel('Kind', { exact: true }).click();
    await page.getByRole('option', { name: 'Call' }).click();
    await dialog.getByLabel('Note').fill('Weekly review call');
    await dialog.getByRole('button', { name: 'Log touch' }).click();
    await page.getByText('Touch logged').waitFor();
    const touches = await server.api<TouchListResponse>('GET', `/api/touches?partnerId=${target!.id}`);
    expect(touches.items[0]).toMatchObject({ kind: 'call', direction: 'outbound', summary: 'Weekly review call' });
    await page.getByTestId('review-last-touch').getByText('Last touch today').waitFor();
  });

  it('says so when everyone is reviewed this week', async () => {
    const { left } = await reviewState();
    for (const p of left) {
      await server.api('PATCH', `/api/partners/${p.id}`, { version: p.version, reviewedAt: new Date().toISOString() });
    }
    const state = await reviewState();
    expect(state.left).toEqual([]);
    await page.goto(`${server.url}/review`);
    await page.getByText('Everyone is reviewed this week').waitFor();
    expect(await page.getByTestId('review-progress').textContent()).toBe(progressText(state));
  });
});

describe('the settings page', () => {
  const settings = () => server.api<SettingsDto>('GET', '/api/settings');
  const cadences = () => page.getByTestId('settings-follow-up-cadences');

  it('saves a new Tier 1 cadence, which persists across a reload and in the API', async () => {
    await page.goto(`${server.url}/settings`);
    await cadences().getByLabel('Tier 1 (active deals)').fill('5');
    await cadences().getByRole('button', { name: 'Save follow-up cadences' }).click();
    await page.getByText('Follow-up cadences saved').waitFor();
    expect((await settings()).cadences['1']).toBe(5);
    await page.reload();
    expect(await cadences().getByLabel('Tier 1 (active deals)').inputValue()).toBe('5 days');
  });

  it('shows the server’s error beside a 0-day cadence and saves nothing', async () => {
    const before = await settings();
    await cadences().getByLabel('Tier 2 (engaged)').fill('0');
    await cadences().getByRole('button', { name: 'Save follow-up cadences' }).click();
    await cadences().getByText('must be at least 1 day').waitFor();
    expect(await cadences().getByLabel('Tier 2 (engaged)').getAttribute('aria-invalid')).toBe('true');
    const after = await settings();
    expect(after.version).toBe(before.version);
    expect(after.cadences).toEqual(before.cadences);
    await cadences().getByRole('button', { name: 'Discard' }).click();
  });

  it('adds, reorders and saves an option value; the API lists it in that order', async () => {
    const list = page.getByTestId('settings-partner-types');
    await list.getByLabel('Add a partner type').fill('Reseller');
    await list.getByRole('button', { name: 'Add', exact: true }).click();
    await list.getByRole('button', { name: 'Move Reseller up' }).click();
    await list.getByRole('button', { name: 'Save partner types' }).click();
    await page.getByText('Partner types saved').waitFor();
    const types = (await settings()).optionLists.partnerType!;
    expect(types.slice(-2)).toEqual(['Reseller', 'Advisor']);
  });

  it('adds a custom field with choices, which the API then lists', async () => {
    const form = page.getByTestId('custom-field-form');
    await form.getByLabel('Field name').fill('Hyperscaler association');
    await form.getByLabel('Type').click();
    await page.getByRole('option', { name: 'Choice from a list' }).click();
    const choices = form.getByLabel('Choices');
    for (const choice of ['AWS', 'Azure', 'Google Cloud']) {
      await choices.fill(choice);
      await choices.press('Enter');
    }
    await form.getByRole('button', { name: 'Add field' }).click();
    await page.getByText('Custom field added').waitFor();
    await page.locator('[data-testid="custom-field"][data-key="hyperscalerAssociation"]').waitFor();
    const fields = await server.api<CustomFieldListResponse>('GET', '/api/custom-fields');
    expect(fields.items.map((f) => [f.entity, f.key, f.label, f.type, f.options])).toContainEqual([
      'partner',
      'hyperscalerAssociation',
      'Hyperscaler association',
      'select',
      ['AWS', 'Azure', 'Google Cloud'],
    ]);
    // Full-page shots of a scrolled page repeat the fixed header mid-page: start from the top.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, 'settings');
  });

  it('renames and removes custom fields, and the API follows', async () => {
    const row = page.locator('[data-testid="custom-field"][data-key="hyperscalerAssociation"]');
    await row.getByRole('button', { name: 'Edit Hyperscaler association' }).click();
    await row.getByLabel('Field name').fill('Cloud marketplace');
    await row.getByRole('button', { name: 'Save field' }).click();
    await page.getByText('Custom field saved').waitFor();
    let fields = await server.api<CustomFieldListResponse>('GET', '/api/custom-fields');
    expect(fields.items.find((f) => f.key === 'hyperscalerAssociation')?.label).toBe('Cloud marketplace');

    await row.getByRole('button', { name: 'Remove Cloud marketplace' }).click();
    await page.getByRole('dialog', { name: 'Remove “Cloud marketplace”?' }).getByRole('button', { name: 'Remove field' }).click();
    await row.waitFor({ state: 'detached' });
    fields = await server.api<CustomFieldListResponse>('GET', '/api/custom-fields');
    expect(fields.items.map((f) => f.key)).not.toContain('hyperscalerAssociation');
  });

  it('renames and removes option values', async () => {
    const list = page.getByTestId('settings-program-statuses');
    const before = (await settings()).optionLists.programStatus!;
    const index = before.indexOf('Paused');
    await list.getByLabel(`Program statuses: value ${index + 1}`).fill('On hold');
    await list.getByRole('button', { name: 'Remove Inactive' }).click();
    await list.getByRole('button', { name: 'Save program statuses' }).click();
    await page.getByText('Program statuses saved').waitFor();
    const expected = before.map((v) => (v === 'Paused' ? 'On hold' : v)).filter((v) => v !== 'Inactive');
    expect((await settings()).optionLists.programStatus).toEqual(expected);
  });

  it('refuses IPP bands that do not descend, beside the bands, and saves nothing', async () => {
    const before = await settings();
    const bands = page.getByTestId('settings-ipp-bands');
    await bands.getByLabel('Good from').fill(String(before.ippBands.strategic + 5));
    await bands.getByRole('button', { name: 'Save IPP bands' }).click();
    await bands
      .getByRole('alert')
      .getByText(/must descend/)
      .waitFor();
    expect((await settings()).ippBands).toEqual(before.ippBands);
    await bands.getByRole('button', { name: 'Discard' }).click();
  });

  it('a stale save (settings changed elsewhere) shows what changed; reapplying keeps their other change', async () => {
    const loaded = await settings();
    await server.api('PATCH', '/api/settings', { version: loaded.version, cadences: { ...loaded.cadences, '3': 21 } });
    await cadences().getByLabel('Tier 4 (stale)').fill('60');
    await cadences().getByRole('button', { name: 'Save follow-up cadences' }).click();
    const dialog = page.getByTestId('settings-conflict');
    const tier3 = dialog.getByRole('row', { name: /Tier 3/ });
    // Their Tier 3 change survives a reapply: the user did not touch Tier 3.
    expect(await tier3.getByRole('cell').allTextContents()).toEqual(['30 days', '21 days', '21 days']);
    expect(
      await dialog
        .getByRole('row', { name: /Tier 4/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['90 days', '90 days', '60 days']);
    await dialog.getByRole('button', { name: 'Reapply mine' }).click();
    await page.getByText('Follow-up cadences saved').waitFor();
    const after = await settings();
    expect(after.cadences).toEqual({ ...loaded.cadences, '3': 21, '4': 60 });
  });

  it('changes the time zone from the searchable list', async () => {
    const general = page.getByTestId('settings-workspace');
    await general.getByLabel('Time zone').fill('Paris');
    await page.getByRole('option', { name: 'Europe/Paris' }).click();
    await general.getByRole('button', { name: 'Save workspace' }).click();
    await page.getByText('Workspace saved').waitFor();
    expect((await settings()).timeZone).toBe('Europe/Paris');
  });
});
