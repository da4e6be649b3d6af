import { describe, expect, it } from 'vitest';
import { matchHeaders } from './header-match';
import {
  createPartnerRowMapper,
  createRepRowMapper,
  type MappedPartnerRow,
  type MappedRepRow,
  mapPartnerRow,
  type RowProblem,
} from './map-row';
import type { ReadFieldOptions } from './read-field';
import { readSheet } from './read-sheet';
import type { SheetRow } from './sheet-types';
import { collect, fixture } from './test-support';

async function sheetOf(name: string, entity: 'partner' | 'rep', sheetName?: string) {
  const sheet = await readSheet({ path: fixture(name) }, { sheet: sheetName });
  const rows = await collect(sheet.rows);
  return { rows, mappings: matchHeaders(sheet.headers, { entity, samples: rows }) };
}
async function mapFixture(
  name: string,
  entity: 'partner',
  options?: ReadFieldOptions & { sheet?: string },
): Promise<MappedPartnerRow[]>;
async function mapFixture(name: string, entity: 'rep', options?: ReadFieldOptions): Promise<MappedRepRow[]>;
async function mapFixture(name: string, entity: 'partner' | 'rep', options: ReadFieldOptions & { sheet?: string } = {}) {
  const { rows, mappings } = await sheetOf(name, entity, options.sheet);
  return entity === 'partner'
    ? rows.map(createPartnerRowMapper(mappings, options))
    : rows.map(createRepRowMapper(mappings, options));
}
const problemsOf = (rows: { problems: RowProblem[] }[]) => rows.flatMap((r) => r.problems);

describe('mapping partner rows', () => {
  it('maps the shared final-schema fixture without a problem', async () => {
    const rows = await mapFixture('final-schema-tracker.csv', 'partner', { currency: 'USD' });
    expect(problemsOf(rows)).toEqual([]);
    expect(rows[0]).toEqual({
      rowNumber: 2,
      partner: {
        name: 'Snowflake',
        type: 'Tech Vendor',
        archetype: 'Deal Accelerator',
        slackChannel: 'snowflake-partners',
        icpMatch: 'yes',
        namedAccounts: ['ABC Corp', 'XYZ Inc', 'DEF Co'],
        introMechanism: 'Sales reps bring us into deals',
        economicsOk: 'yes',
        partnerManagerName: 'Maria Gomez',
        partnerManagerEmail: 'maria.gomez@snowflake.example',
        partnerManagerSlack: '@maria',
        originStory: 'Jarred reached out on LI',
        relationshipNotes: 'Strong relationship, responsive',
        programStatus: 'Active',
        phase: 'Phase 2: Activate',
        hubspotCompanyId: '9876543210',
        notes: 'Top partner this quarter',
      },
      plan: { goal: '3 qualified convos from Snowflake reps', startDate: '2025-01-15', status: 'on-track' },
      nextAction: { dueDate: '2025-02-04', type: 'Follow-up', repName: 'Jarred Clifford', notes: 'Follow up on account lists' },
      baseline: { introsMade: 6, qualifiedConversations: 3, dealsBroughtIn: 2, closedWon: 1, pipelineValueMinor: 8_500_000 },
      activity: { firstTouchDate: '2024-11-20', lastEngagementDate: '2025-01-28' },
      custom: {},
      problems: [],
    });
    // Talentbridge has no plan and no next action: those groups are absent, not empty.
    expect(rows[3]!.plan).toBeUndefined();
    expect(rows[3]!.nextAction).toBeUndefined();
    expect(rows[3]!.partner.economicsOk).toBeNull();
  });

  it('maps the legacy fixture: typed custom values, and each unreadable cell reported with row, column and reason', async () => {
    const rows = await mapFixture('legacy-partners.csv', 'partner');
    expect(rows[0]!.custom).toMatchObject({
      level: 'Gold',
      hype: 3,
      dealSize: 120000,
      proposalSent: true,
      notionLink: 'https://notion.so/snowflake',
    });
    expect(rows[0]!.custom.inPersonVisit).toBe('2025-01-10');
    expect(rows[1]!.partner.notes).toBe('=HYPERLINK("http://evil.example")'); // kept as text, neutralised on export
    expect(rows[2]!.custom.dealSize).toBe(1_200_000);
    expect(rows[3]!.activity?.firstTouchDate).toBe('2024-09-10'); // the serial 45545
    expect(rows[3]!.custom.dealSize).toBe(45000); // "€45.000"
    expect(problemsOf(rows)).toEqual([
      { rowNumber: 7, column: 'Partner Company', value: 'snowflake', reason: 'repeats row 2 (the same partner name)' },
      { rowNumber: 8, column: 'Confidence', value: 'two', reason: '"two" is not a number' },
      { rowNumber: 8, column: 'HubSpot Link', value: 'not a link', reason: '"not a link" is not a HubSpot company link or id' },
    ]);
    // The rest of a row with a problem still maps.
    expect(rows[5]!.partner.name).toBe('Talentbridge');
    expect(rows[5]!.custom.hype).toBe(1);
  });

  it('reads day-first dates and European amounts when told, and refuses a foreign currency', async () => {
    const rows = await mapFixture('semicolon-dmy.csv', 'partner', { dateOrder: 'DMY', currency: 'EUR' });
    expect(rows[0]).toMatchObject({
      partner: {
        name: 'Zürich Data AG',
        icpMatch: 'yes',
        namedAccounts: ['Credit Suisse', 'UBS', 'Nestlé'],
        notes: 'Line one\nline two; with semicolon',
      },
      plan: { startDate: '2025-04-03' },
      nextAction: { dueDate: '2025-04-13' },
      baseline: { pipelineValueMinor: 4_500_050, introsMade: 3 },
    });
    expect(rows[1]).toMatchObject({ partner: { type: 'Agency', icpMatch: 'no' }, plan: { startDate: '2025-02-01' } });
    expect(rows[2]).toMatchObject({
      partner: { type: 'Reseller', icpMatch: 'yes' },
      baseline: { pipelineValueMinor: 100_000_000 },
    });
    const usd = await mapFixture('semicolon-dmy.csv', 'partner', { currency: 'USD' });
    expect(problemsOf(usd)).toContainEqual({
      rowNumber: 2,
      column: 'Pipeline Value',
      value: '45.000,50 €',
      reason: 'the amount is in EUR; the workspace currency is USD (amounts are not converted)',
    });
    // MDY by default: 13/04/2025 is still the 13th of April, 03/04/2025 becomes March 4th.
    expect(usd[0]).toMatchObject({ plan: { startDate: '2025-03-04' }, nextAction: { dueDate: '2025-04-13' } });
  });

  it('maps the XLSX fixture: Date cells, serials, formula results and link formulas', async () => {
    const rows = await mapFixture('partners.xlsx', 'partner', { sheet: 'Partners' });
    expect(rows[0]).toMatchObject({
      partner: {
        name: 'Snowflake',
        icpMatch: 'yes',
        hubspotCompanyId: '9876543210',
        namedAccounts: ['ABC Corp', 'XYZ Inc', 'DEF Co'],
      },
      plan: { startDate: '2025-01-15' },
      nextAction: { dueDate: '2025-02-04' },
      baseline: { pipelineValueMinor: 8_500_000, introsMade: 6 },
    });
    expect(rows[1]).toMatchObject({
      plan: { startDate: '2025-01-05' },
      nextAction: { dueDate: '2025-01-30' },
      baseline: { pipelineValueMinor: 8_000_000 },
    });
    expect(problemsOf(rows)).toEqual([{ rowNumber: 5, column: 'Intros Made', value: '#N/A', reason: '"#N/A" is not a number' }]);
    expect(rows[2]!.partner).toMatchObject({ name: 'Zoë & Co ☕', icpMatch: 'yes' });
    const { mappings } = await sheetOf('partners.xlsx', 'partner', 'Partners');
    expect(mappings.filter((m) => m.formula).map((m) => m.header)).toEqual(['Total Engaged Reps', 'Days Since Last Touch']);
  });

  it('refuses negative pipeline, a blank name, unknown plan statuses and values beyond the headers', () => {
    const mappings = matchHeaders(['Partner Company', 'Pipeline Value', '90-Day Status', 'PHASE'], { entity: 'partner' });
    const row: SheetRow = { rowNumber: 9, cells: [null, '(1,000)', 'Stalled', '2', 'stray'] };
    expect(mapPartnerRow(row, mappings)).toEqual({
      rowNumber: 9,
      partner: { phase: 'Phase 2: Activate' },
      custom: {},
      problems: [
        { rowNumber: 9, column: 'Partner Company', value: '', reason: 'is required' },
        {
          rowNumber: 9,
          column: 'Pipeline Value',
          value: '(1,000)',
          reason: '"(1,000)" is negative; amounts here must be zero or more',
        },
        {
          rowNumber: 9,
          column: '90-Day Status',
          value: 'Stalled',
          reason: '"Stalled" is not one of On Track, At Risk, Delivered, Failed',
        },
        { rowNumber: 9, column: 'Column E', value: 'stray', reason: 'the column has no header' },
      ],
    });
  });

  it('ignores computed and ignored columns', () => {
    const mappings = matchHeaders(['Partner Company', 'Days Since Last Touch', 'IPP Score'], { entity: 'partner' });
    expect(mapPartnerRow({ rowNumber: 2, cells: ['Acme', 'lots', '=bad'] }, mappings)).toEqual({
      rowNumber: 2,
      partner: { name: 'Acme' },
      custom: {},
      problems: [],
    });
  });
});

describe('mapping rep rows', () => {
  it('maps the shared rep fixture without a problem', async () => {
    const rows = await mapFixture('rep-summary.csv', 'rep');
    expect(problemsOf(rows)).toEqual([]);
    expect(rows[0]).toEqual({
      rowNumber: 2,
      rep: {
        name: 'Jarred Clifford',
        partnerName: 'Snowflake',
        engagementTier: 1,
        qualityScore: 9,
        notes: 'A Jordan: shares account lists, suggests joint activities',
      },
      nextAction: { dueDate: '2025-02-04', type: 'Follow-up' },
      activity: { lastContactDate: '2025-01-28' },
      custom: {},
      problems: [],
    });
  });

  it('maps a messy rep sheet: synonyms, T1, 9/10, Name <email>, signals, HubSpot contact links', async () => {
    const rows = await mapFixture('reps-messy.tsv', 'rep');
    expect(rows[0]!.rep).toEqual({
      name: 'Jarred Clifford',
      partnerName: 'Snowflake',
      engagementTier: 1,
      qualityScore: 9,
      email: 'jarred@snowflake.example',
      title: 'AE',
      sharesAccountList: true,
      waitsForDeals: null,
      hubspotContactId: '101',
      notes: 'A Jordan',
    });
    expect(rows[0]!.custom).toEqual({ region: 'EMEA' });
    expect(rows[2]!.rep).toMatchObject({ engagementTier: 4, sharesAccountList: false, waitsForDeals: true });
    expect(problemsOf(rows).map((p) => `${p.rowNumber} ${p.column}: ${p.reason}`)).toEqual([
      '4 Email: "pete(at)snowflake" is not an email address',
      '5 Tier: "Tier 7" is not a tier from 1 to 4',
      '5 Quality: 11 is outside 1–10',
      '5 Shares account list?: "maybe" is not yes or no',
      '5 HubSpot Contact: "https://app.hubspot.com/contacts/1/company/5" links to a HubSpot company, not a contact',
    ]);
  });

  it('flags a rep repeated at the same partner, not one with the same name elsewhere', () => {
    const map = createRepRowMapper(matchHeaders(['Rep Name', 'Partner Company'], { entity: 'rep' }));
    expect(map({ rowNumber: 2, cells: ['Kim', 'Snowflake'] }).problems).toEqual([]);
    expect(map({ rowNumber: 3, cells: ['Kim', 'Cloudnest'] }).problems).toEqual([]);
    expect(map({ rowNumber: 4, cells: [' kim ', 'SNOWFLAKE'] }).problems).toEqual([
      { rowNumber: 4, column: 'Rep Name', value: 'kim', reason: 'repeats row 2 (the same rep at the same partner)' },
    ]);
  });
});
