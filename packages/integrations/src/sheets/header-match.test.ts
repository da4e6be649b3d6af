import { describe, expect, it } from 'vitest';
import { PARTNER_COMPUTED_HEADERS, PARTNER_FIELD_HEADERS, REP_COMPUTED_HEADERS, REP_FIELD_HEADERS } from './column-synonyms';
import { PARTNER_TARGETS, REP_TARGETS } from './column-targets';
import { PARTNER_EXPORT_COLUMNS, REP_EXPORT_COLUMNS } from './export-columns';
import { type ColumnMapping, matchHeaders, toSavedMapping } from './header-match';
import { columnLetter, customKeyOf, normaliseHeader } from './normalise-header';
import { readSheet } from './read-sheet';
import { parseSavedMapping } from './saved-mapping';
import { SheetError } from './sheet-error';
import { collect, fixture } from './test-support';

const targetOf = (m: ColumnMapping) =>
  m.target.kind === 'field'
    ? m.target.field
    : m.target.kind === 'computed'
      ? `computed.${m.target.name}`
      : m.target.kind === 'custom'
        ? `custom:${m.target.type}`
        : 'ignore';

async function matchFixture(name: string, entity: 'partner' | 'rep') {
  const sheet = await readSheet({ path: fixture(name) });
  const samples = await collect(sheet.rows);
  return Object.fromEntries(matchHeaders(sheet.headers, { entity, samples }).map((m) => [m.header, targetOf(m)]));
}

describe('normaliseHeader', () => {
  it.each([
    ['CLOSED/WON DEALS', 'closedwondeals'],
    ["Reps We've Engaged", 'repsweveengaged'],
    ['  90-Day  Start Date ', '90daystartdate'],
    ['Économie & Finances', 'economieandfinances'],
    ['Favourite Snack 🍕', 'favouritesnack'],
  ])('%j → %j', (h, n) => {
    expect(normaliseHeader(h)).toBe(n);
  });
  it('makes custom keys and column letters', () => {
    expect(customKeyOf('Hyperscaler Association')).toBe('hyperscalerAssociation');
    expect(customKeyOf('KEY CONTACT ROLE')).toBe('keyContactRole');
    expect(customKeyOf('90-Day Föö')).toBe('c90DayFoo');
    expect(customKeyOf('🍕')).toBe('column');
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe('synonym tables', () => {
  it.each([
    ['partner', PARTNER_FIELD_HEADERS, PARTNER_COMPUTED_HEADERS, PARTNER_TARGETS],
    ['rep', REP_FIELD_HEADERS, REP_COMPUTED_HEADERS, REP_TARGETS],
  ] as const)('give each %s header one meaning and cover every target', (_, fields, computed, targets) => {
    const meanings = new Map<string, Set<string>>();
    for (const [target, headers] of [...Object.entries(fields), ...Object.entries(computed)])
      for (const h of headers) meanings.set(normaliseHeader(h), (meanings.get(normaliseHeader(h)) ?? new Set()).add(target));
    expect([...meanings].filter(([, t]) => t.size > 1)).toEqual([]);
    expect(Object.keys(fields).sort()).toEqual(Object.keys(targets).sort());
  });

  it.each([
    ['partner', PARTNER_EXPORT_COLUMNS],
    ['rep', REP_EXPORT_COLUMNS],
  ] as const)('read every %s export header back to the key it was written from', (entity, columns) => {
    const mapped = matchHeaders(
      columns.map((c) => c.header),
      { entity },
    );
    expect(mapped.map(targetOf)).toEqual(columns.map((c) => c.key));
  });
});

describe('matchHeaders', () => {
  it('maps every column of the shared final-schema fixture to a field or a computed column', async () => {
    const m = await matchFixture('final-schema-tracker.csv', 'partner');
    expect(Object.values(m).filter((t) => t.startsWith('custom'))).toEqual([]);
    expect(m).toMatchObject({
      'Partner Company': 'name',
      'Accounts Named': 'namedAccounts',
      'Current 90-Day Goal': 'plan.goal',
      '90-Day Start Date': 'plan.startDate',
      '90-Day Status': 'plan.status',
      'Reps Bringing Deals': 'computed.repsBringingDeals',
      "Reps We've Engaged": 'computed.repsEngaged',
      'Next Action Rep': 'nextAction.repName',
      'CLOSED/WON DEALS': 'baseline.closedWon',
      'Pipeline Value': 'baseline.pipelineValueMinor',
      'Days Since Last Touch': 'computed.daysSinceLastTouch',
      'HUBSPOT LINK': 'hubspotCompanyId',
    });
  });

  it('maps every column of the shared rep fixture', async () => {
    expect(await matchFixture('rep-summary.csv', 'rep')).toEqual({
      'Rep Name': 'name',
      'Partner Company': 'partnerName',
      'Engagement Tier': 'engagementTier',
      'Rep Quality Score': 'qualityScore',
      'Last Contact Date': 'activity.lastContactDate',
      'Next Action Date': 'nextAction.dueDate',
      'Next Action Type': 'nextAction.type',
      'Introductions Made': 'computed.introductionsMade',
      'Response Rate': 'computed.responseRate',
      Notes: 'notes',
    });
  });

  it("maps seed 000's legacy columns as the seed implies and types the unknown ones as custom fields", async () => {
    expect(await matchFixture('legacy-partners.csv', 'partner')).toEqual({
      'Partner Company': 'name',
      Level: 'custom:select',
      Industry: 'industry',
      Confidence: 'custom:number', // "two" does not flip it: that cell is reported on import
      HYPE: 'custom:number',
      Relationship: 'relationshipNotes',
      'Origin Story': 'originStory',
      'Slack Channel': 'slackChannel',
      'Hyperscaler Association': 'custom:select',
      'Last Activity': 'activity.lastEngagementDate', // all dates
      'Next Activity': 'custom:text', // "soon" among the dates: not a next-action date
      Notes: 'custom:text', // the second "Notes"; the first is notes
      'First Touch Date': 'activity.firstTouchDate',
      'Deal Size': 'custom:number',
      'KEY CONTACT': 'partnerManagerName',
      'KEY CONTACT ROLE': 'custom:text',
      'ACTIVE CONTACTS': 'baseline.activeContacts',
      'LEADS GENERATED': 'baseline.introsMade',
      'CLOSED/WON DEALS': 'baseline.closedWon',
      'TIME SINCE LAST TOUCH': 'computed.daysSinceLastTouch',
      'TIME SINCE FIRST TOUCH': 'computed.daysSinceFirstTouch',
      'MESSAGES SENT': 'custom:number',
      'SALES ASSETS SENT': 'custom:number',
      'CALLS BOOKED': 'custom:number',
      'PROPOSAL SENT': 'custom:checkbox',
      'IN-PERSON VISIT': 'custom:date',
      PHASE: 'phase',
      'Phase Date': 'custom:date',
      'HubSpot Link': 'hubspotCompanyId',
      'Notion Link': 'custom:url',
      'Tier 1 Reps': 'computed.tier1Reps',
      'Favourite Snack 🍕': 'custom:select',
    });
  });

  it('keeps the first of repeated headers and makes the others distinct custom fields', () => {
    const m = matchHeaders(['Notes', 'notes', 'NOTES!', 'Region', 'Region'], { entity: 'partner' });
    expect(m.map((c) => (c.target.kind === 'custom' ? [c.target.key, c.target.label] : targetOf(c)))).toEqual([
      'notes',
      ['notes2', 'notes (2)'],
      ['notes3', 'NOTES! (3)'],
      ['region', 'Region'],
      ['region2', 'Region (2)'],
    ]);
  });

  it('prefers the seed header over a synonym claiming the same field', () => {
    const m = matchHeaders(['Relationship', 'Relationship Notes'], { entity: 'partner' });
    expect(m.map(targetOf)).toEqual(['custom:text', 'relationshipNotes']);
  });

  it('settles "Next Action" by its values: action types, or free-text notes', () => {
    const rows = (values: string[]) => values.map((v, i) => ({ rowNumber: i + 2, cells: [v] }));
    expect(
      targetOf(matchHeaders(['Next Action'], { entity: 'partner', samples: rows(['Follow-up', 'intro request']) })[0]!),
    ).toBe('nextAction.type');
    expect(targetOf(matchHeaders(['Next Action'], { entity: 'partner', samples: rows(['Send the deck', 'Call Tom']) })[0]!)).toBe(
      'nextAction.notes',
    );
  });

  it('names a blank header by its column letter', () => {
    const m = matchHeaders(['Partner Company', ''], { entity: 'partner' });
    expect(m[1]!.target).toEqual({ kind: 'custom', key: 'columnB', label: 'Column B', type: 'text' });
  });

  it('reuses custom fields the workspace already has', () => {
    const m = matchHeaders(['Partner Company', 'Hyperscaler'], {
      entity: 'partner',
      customFields: [{ key: 'cloud', label: 'Hyperscaler', type: 'select', options: ['AWS'] }],
    });
    expect(m[1]).toMatchObject({ matchedBy: 'existing-custom', target: { kind: 'custom', key: 'cloud' } });
  });

  it('lets a saved mapping override, ignore, and survive a JSON round trip', () => {
    const first = matchHeaders(['Company', 'Level', 'Junk'], { entity: 'partner' });
    const saved = toSavedMapping('partner', first);
    saved.columns[1]!.target = { kind: 'field', field: 'enterpriseTier' };
    saved.columns[2]!.target = { kind: 'ignore' };
    const json = JSON.parse(JSON.stringify(saved));
    const again = matchHeaders(['company', 'LEVEL', 'Junk', 'Extra'], { entity: 'partner', saved: parseSavedMapping(json) });
    expect(again.map(targetOf)).toEqual(['name', 'enterpriseTier', 'ignore', 'custom:text']);
    expect(again.map((m) => m.matchedBy)).toEqual(['saved', 'saved', 'saved', 'new-custom']);
  });

  it('refuses a saved mapping naming fields the entity lacks', () => {
    const bad = { entity: 'rep', columns: [{ header: 'X', target: { kind: 'field', field: 'plan.goal' } }] };
    expect(() => parseSavedMapping(bad)).toThrow(SheetError);
    expect(() => parseSavedMapping(bad)).toThrow(/columns.0.target.field is not a rep field/);
    expect(() =>
      parseSavedMapping({ entity: 'partner', columns: [{ header: 'X', target: { kind: 'custom', key: '1x' } }] }),
    ).toThrow(/INVALID|not valid/);
  });
});
