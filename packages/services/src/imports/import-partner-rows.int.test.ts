import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActions } from '../actions/list-actions';
import { createContext, type ServiceContext, systemActor } from '../context';
import { exportPartnerRecords } from '../exports/export-partner-records';
import { getPartner } from '../partners/get-partner';
import { listPartners } from '../partners/list-partners';
import { listPlans } from '../plans/list-plans';
import { createReferral } from '../referrals/save-referral';
import { getSettings, updateSettings } from '../settings';
import { listTouches } from '../touches/list-touches';
import { importPartnerRows } from './import-partner-rows';
import type { PartnerImportRow, RowOutcome } from './import-types';

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createContext(database, systemActor('importer', 'import'), () => new Date('2025-02-03T15:00:00Z'));
  const settings = await getSettings(ctx);
  await updateSettings(ctx, { version: settings.version, timeZone: 'America/New_York' });
});
afterAll(async () => {
  await database?.close();
});

// The first rows of the shared fixture (final-schema-tracker.csv), as the sheet adapter reads them.
const snowflake = (): PartnerImportRow => ({
  rowNumber: 2,
  partner: {
    name: 'Snowflake',
    type: 'tech vendor', // matched to the option list's "Tech Vendor" ignoring case
    archetype: 'Deal Accelerator',
    slackChannel: 'snowflake-partners',
    icpMatch: 'yes',
    namedAccounts: ['ABC Corp', 'XYZ Inc', 'DEF Co'],
    introMechanism: 'Sales reps bring us into deals',
    economicsOk: 'yes',
    partnerManagerName: 'Maria Gomez',
    partnerManagerEmail: 'maria.gomez@snowflake.example',
    programStatus: 'Active',
    phase: 'Phase 2: Activate',
    hubspotCompanyId: '9876543210',
    notes: 'Top partner this quarter',
  },
  plan: { goal: '3 qualified convos from Snowflake reps', startDate: '2025-01-15', status: 'on-track' },
  nextAction: { dueDate: '2025-02-04', type: 'Follow-up', repName: 'Jarred Clifford', notes: 'Follow up on account lists' },
  baseline: { introsMade: 6, qualifiedConversations: 3, dealsBroughtIn: 2, closedWon: 1 },
  activity: { firstTouchDate: '2024-11-20', lastEngagementDate: '2025-01-28' },
});
const brightwave = (): PartnerImportRow => ({
  rowNumber: 3,
  partner: { name: 'Brightwave Agency', type: 'Agency', namedAccounts: ['Globex', 'Initech'], programStatus: 'Testing' },
  activity: { firstTouchDate: '2024-12-02', lastEngagementDate: '2025-01-10' },
});

async function run(rows: PartnerImportRow[], apply: boolean, batchSize?: number) {
  const outcomes: RowOutcome[] = [];
  const result = await importPartnerRows(ctx, rows, { apply, batchSize, onOutcomes: (o) => outcomes.push(...o) });
  return { ...result, outcomes };
}

describe('importing partner rows', () => {
  it('previews without writing, then creates the partners with their plan, next action, baselines and activity', async () => {
    const preview = await run([snowflake(), brightwave()], false);
    expect(preview.outcomes.map((o) => o.action)).toEqual(['create', 'create']);
    expect((await listPartners(ctx, { limit: 10 })).total).toBe(0);

    const applied = await run([snowflake(), brightwave()], true);
    expect(applied.counts).toMatchObject({ rows: 2, create: 2, error: 0 });
    const list = await listPartners(ctx, { q: 'Snowflake', limit: 5 });
    const id = list.items[0]!.id;
    const partner = await getPartner(ctx, id);
    expect(partner.type).toBe('Tech Vendor');
    expect(partner.namedAccounts.map((a) => a.name)).toEqual(['ABC Corp', 'XYZ Inc', 'DEF Co']);
    expect(partner.qualification.verdict).toBe('pursue');
    expect(partner.performance).toMatchObject({ introsMade: 6, qualifiedConversations: 3, dealsBroughtIn: 2, closedWon: 1 });
    expect(partner).toMatchObject({ firstTouchDate: '2024-11-20', lastEngagementDate: '2025-01-28' });
    const plans = await listPlans(ctx, { partnerId: id });
    expect(plans.items).toMatchObject([
      { goal: '3 qualified convos from Snowflake reps', startDate: '2025-01-15', status: 'on-track' },
    ]);
    const open = await listActions(ctx, { partnerId: id, status: 'open', limit: 10 });
    expect(open.items).toMatchObject([{ dueDate: '2025-02-04', type: 'Follow-up', repName: 'Jarred Clifford' }]);
    const touches = await listTouches(ctx, { partnerId: id, limit: 10 });
    expect(touches.items).toHaveLength(2);
  });

  it('changes nothing when the same rows are imported again', async () => {
    const again = await run([snowflake(), brightwave()], true);
    expect(again.outcomes.map((o) => [o.action, o.changes])).toEqual([
      ['unchanged', []],
      ['unchanged', []],
    ]);
    const id = (await listPartners(ctx, { q: 'Snowflake', limit: 5 })).items[0]!.id;
    expect((await listTouches(ctx, { partnerId: id, limit: 10 })).items).toHaveLength(2);
    expect((await listActions(ctx, { partnerId: id, status: 'open', limit: 10 })).items).toHaveLength(1);
  });

  it('updates only what differs, matching by HubSpot id before name, and says what changed', async () => {
    const id = (await listPartners(ctx, { q: 'Snowflake', limit: 5 })).items[0]!.id;
    // Someone recorded a referral since: the sheet's intro total stays the total, the baseline shrinks.
    await createReferral(ctx, { partnerId: id, introducedAt: '2025-02-01', stage: 'intro' });
    const row = snowflake();
    row.partner.name = 'Snowflake Inc.'; // renamed in the sheet; the HubSpot id still finds it
    row.partner.notes = 'Renewal in Q3';
    row.partner.industry = undefined; // a blank cell clears nothing
    row.baseline = { introsMade: 7 }; // 6 from the first import + the new referral: nothing to change
    const result = await run([row], true);
    expect(result.outcomes[0]).toMatchObject({ action: 'update', partnerId: id });
    expect(result.outcomes[0]!.changes.map((c) => c.field).sort()).toEqual(['name', 'notes']);
    const partner = await getPartner(ctx, id);
    expect(partner).toMatchObject({ name: 'Snowflake Inc.', notes: 'Renewal in Q3' });
    expect(partner.performance.introsMade).toBe(7);

    // The sheet says 9 intros: the baseline grows by 2, and the change reads as the total.
    row.baseline = { introsMade: 9 };
    const grown = await run([row], true);
    expect(grown.outcomes[0]!.changes).toEqual([{ field: 'introsMade', before: 7, after: 9 }]);
    expect((await getPartner(ctx, id)).performance.introsMade).toBe(9);
  });

  it('reports duplicates, unreadable cells and invalid values by row and column, and imports the rest', async () => {
    const rows: PartnerImportRow[] = [
      { rowNumber: 10, partner: { name: 'Cloudnest', type: 'Platform' } },
      { rowNumber: 11, partner: { name: 'CLOUDNEST' } },
      { rowNumber: 12, partner: { name: 'Bad Email Co', partnerManagerEmail: 'not-an-email' } },
      {
        rowNumber: 13,
        partner: { name: 'Unreadable Co' },
        problems: [{ rowNumber: 13, column: 'First Touch Date', value: '31/31/2024', reason: 'not a date' }],
      },
      { rowNumber: 14, partner: { name: '' } },
      { rowNumber: 15, partner: { name: 'Resellers United', type: 'Reseller' } },
    ];
    const columnOf = (field: string) =>
      ({ name: 'Partner Company', partnerManagerEmail: 'Partner Manager Email' })[field] ?? field;
    const outcomes: RowOutcome[] = [];
    const result = await importPartnerRows(ctx, rows, { apply: true, columnOf, onOutcomes: (o) => outcomes.push(...o) });
    expect(outcomes.map((o) => o.action)).toEqual(['create', 'error', 'error', 'error', 'error', 'create']);
    expect(outcomes[1]!.problems[0]).toMatchObject({
      column: 'Partner Company',
      reason: 'the same partner as row 10: only the first is imported',
    });
    expect(outcomes[2]!.problems[0]).toMatchObject({ rowNumber: 12, column: 'Partner Manager Email', value: 'not-an-email' });
    expect(outcomes[3]!.problems[0]).toMatchObject({ column: 'First Touch Date', reason: 'not a date' });
    expect(outcomes[4]!.problems[0]).toMatchObject({ column: 'Partner Company', reason: 'the partner name is blank' });
    // An unknown option value is added to the workspace's list, not refused and not dropped.
    expect(result.newOptions).toEqual({ partnerType: ['Reseller'] });
    expect((await getSettings(ctx)).optionLists.partnerType).toContain('Reseller');
    expect((await listPartners(ctx, { q: 'Bad Email', limit: 5 })).total).toBe(0);
    expect((await listPartners(ctx, { q: 'Cloudnest', limit: 5 })).total).toBe(1);
  });

  it('writes each batch whole or not at all, and a re-run carries on after the last whole batch', async () => {
    const rows: PartnerImportRow[] = ['Batch A1', 'Batch A2', 'Batch B1', 'Batch B2', 'Batch C1'].map((name, i) => ({
      rowNumber: i + 2,
      partner: { name },
      nextAction: { dueDate: '2025-03-01', type: 'Intro Request', repName: `${name} Rep` },
    }));
    let committed = 0;
    const failing = importPartnerRows(ctx, rows, {
      apply: true,
      batchSize: 2,
      onBatchApplied: async (_tx, done) => {
        // The process dies while the second batch's transaction is open: its writes must vanish.
        if (done === 4) throw new Error('killed mid-batch');
        committed = done;
      },
    });
    await expect(failing).rejects.toThrow('killed mid-batch');
    expect(committed).toBe(2);
    const names = async () => (await listPartners(ctx, { q: 'Batch ', limit: 10, sort: 'name' })).items.map((p) => p.name);
    expect(await names()).toEqual(['Batch A1', 'Batch A2']);

    const outcomes: RowOutcome[] = [];
    const resumed = await importPartnerRows(ctx, rows, {
      apply: true,
      batchSize: 2,
      skipRows: committed,
      onOutcomes: (o) => outcomes.push(...o),
    });
    expect(outcomes.map((o) => [o.rowNumber, o.action])).toEqual([
      [4, 'create'],
      [5, 'create'],
      [6, 'create'],
    ]);
    expect(resumed.counts).toMatchObject({ rows: 3, create: 3 });
    expect(await names()).toEqual(['Batch A1', 'Batch A2', 'Batch B1', 'Batch B2', 'Batch C1']);
    // One next action (and one new rep) per partner: nothing applied twice.
    const today = await listActions(ctx, { status: 'open', limit: 100 });
    expect(
      today.items
        .filter((a) => a.partnerName.startsWith('Batch '))
        .map((a) => a.repName)
        .sort(),
    ).toEqual(['Batch A1 Rep', 'Batch A2 Rep', 'Batch B1 Rep', 'Batch B2 Rep', 'Batch C1 Rep']);
  });
});

describe('an export read back', () => {
  it('changes nothing: every exported partner imports as unchanged', async () => {
    const records: Record<string, unknown>[] = [];
    await exportPartnerRecords(
      ctx,
      {},
      () => undefined,
      async (page) => {
        records.push(...page);
      },
    );
    expect(records.length).toBeGreaterThan(5);
    const snow = records.find((r) => r.name === 'Snowflake Inc.')!;
    expect(snow).toMatchObject({
      'plan.goal': '3 qualified convos from Snowflake reps',
      'plan.status': 'on-track',
      'nextAction.repName': 'Jarred Clifford',
      'baseline.introsMade': 9,
      'activity.lastEngagementDate': '2025-01-28',
      namedAccounts: ['ABC Corp', 'XYZ Inc', 'DEF Co'],
    });
    // What the sheet adapter gives back for each exported row: targets grouped as the import takes them.
    const rows: PartnerImportRow[] = records.map((record, i) => {
      const row: PartnerImportRow = { rowNumber: i + 2, partner: {} };
      for (const [key, value] of Object.entries(record)) {
        if (value === null || key.startsWith('computed.')) continue;
        const [group, field] = key.includes('.') ? (key.split('.') as [string, string]) : [null, key];
        if (group === null) row.partner[field] = value;
        else if (group === 'custom') row.partner.custom = { ...(row.partner.custom as object), [field]: value };
        else {
          const target = row as unknown as Record<string, Record<string, unknown>>;
          target[group] = { ...target[group], [field]: value };
        }
      }
      return row;
    });
    const outcomes: RowOutcome[] = [];
    await importPartnerRows(ctx, rows, { apply: false, onOutcomes: (o) => outcomes.push(...o) });
    expect(outcomes.filter((o) => o.action !== 'unchanged')).toEqual([]);
  });
});
