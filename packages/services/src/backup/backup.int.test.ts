import { AppError } from '@ptrack/domain';
import { type Database, queryRows, refreshAllStats } from '@ptrack/storage';
import { openTestDatabase, testStorageKind } from '@ptrack/storage/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAction } from '../actions/complete-action';
import { createAction } from '../actions/create-action';
import { createContext, type ServiceContext, systemActor } from '../context';
import { createCustomField } from '../custom-fields/save-custom-field';
import { createPartner } from '../partners/create-partner';
import { getPartner } from '../partners/get-partner';
import { getPartnerHistory } from '../partners/get-partner-history';
import { listPartners } from '../partners/list-partners';
import { updatePartner } from '../partners/update-partner';
import { createPlan } from '../plans/save-plan';
import { createReferral, updateReferral } from '../referrals/save-referral';
import { createRep } from '../reps/save-rep';
import { getSettings, updateSettings } from '../settings';
import { deleteTouch } from '../touches/delete-touch';
import { logTouch } from '../touches/log-touch';
import { createView } from '../views/save-view';
import { BACKUP_TABLES } from './backup-format';
import { restoreBackup } from './restore-backup';
import { writeBackup } from './write-backup';

const NOW = new Date('2026-02-04T17:00:00Z');
const LATER = new Date('2026-02-05T08:30:00Z');
const actor = systemActor('backup test', 'api');
const contextOf = (database: Database, now = NOW): ServiceContext => createContext(database, actor, () => now);

const opened: Database[] = [];
async function freshDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  opened.push(database);
  return database;
}
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function backupOf(ctx: ServiceContext): Promise<string[]> {
  const lines: string[] = [];
  await writeBackup(ctx, async (line) => {
    lines.push(line);
  });
  return lines;
}

async function* streamOf(lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

const ALL_TABLES = BACKUP_TABLES.map((t) => ({ name: t.name, order: t.key.map((k) => k.name).join(', ') }));

/** Every row of every backed-up table, as the database renders it (text: big numbers stay exact). */
async function contentsOf(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ALL_TABLES) {
    const rows = await queryRows<{ j: string }>(
      database.db,
      sql.raw(`select to_jsonb(x)::text as j from "${table.name}" x order by ${table.order}`),
    );
    out[table.name] = rows.map((r) => r.j);
  }
  return out;
}

async function expectRefused(database: Database, lines: string[], code: string, message: RegExp): Promise<AppError> {
  const before = await contentsOf(database);
  const error = await restoreBackup(contextOf(database), streamOf(lines)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
  expect(await contentsOf(database)).toEqual(before);
  return error as AppError;
}

/** A workspace with something in every table, built through the services like a user would. */
async function buildWorkspace(ctx: ServiceContext): Promise<string[]> {
  const settings = await getSettings(ctx);
  await updateSettings(ctx, {
    version: settings.version,
    timeZone: 'America/Los_Angeles',
    cadences: { '1': 5, '2': 10, '3': 21, '4': 60 },
    currency: 'EUR',
  });
  await createCustomField(ctx, { entity: 'partner', label: 'Region', type: 'select', options: ['EMEA', 'AMER'] });
  await createCustomField(ctx, { entity: 'partner', label: 'Seats', type: 'number', options: [] });
  await createCustomField(ctx, { entity: 'rep', label: 'Met at', type: 'text', options: [] });

  const snow = await createPartner(ctx, {
    name: 'Snowflake Partners',
    type: 'Tech Vendor',
    archetype: 'Demand Creator',
    icpMatch: 'yes',
    economicsOk: 'yes',
    introMechanism: 'Reps bring us into late-stage deals',
    namedAccounts: ['Acme', { name: 'Globex', domain: 'globex.com' }, 'Initech'],
    icpAlignment: 9,
    revenuePathClarity: 8,
    archetypeFit: 9,
    economics: 7,
    strategicValue: 9,
    jvpDate: '2025-12-01',
    reviewedAt: '2026-02-02T15:30:00.123Z',
    notes: 'Ünïcödé "quotes" \\ and\nnew lines',
    custom: { region: 'EMEA', seats: 42.5 },
  });
  const agency = await createPartner(ctx, { name: 'Brightside Agency', type: 'Agency', namedAccounts: ['Acme'] });
  const quiet = await createPartner(ctx, { name: 'Quiet Co' });
  await updatePartner(ctx, agency.id, { version: agency.version, programStatus: 'Testing', owner: 'Dana' });

  const jordan = await createRep(ctx, {
    partnerId: snow.id,
    name: 'Jordan Lee',
    email: 'jordan@snowflake.example',
    engagementTier: 1,
    qualityScore: 9,
    sharesAccountList: true,
    responsive: true,
    custom: { metAt: 'Dreamforce' },
  });
  const sam = await createRep(ctx, { partnerId: snow.id, name: 'Sam Ortiz', engagementTier: 3 });
  const ana = await createRep(ctx, { partnerId: agency.id, name: 'Ana Ruiz', engagementTier: 2, waitsForDeals: true });

  await logTouch(ctx, { repId: jordan.id, kind: 'call', direction: 'outbound', occurredAt: '2026-01-20T18:00:00Z' });
  await logTouch(ctx, {
    repId: jordan.id,
    kind: 'email',
    direction: 'inbound',
    occurredAt: '2026-01-28T07:30:00Z',
    summary: 'Sent their account list',
  });
  await logTouch(ctx, { repId: ana.id, kind: 'meeting', direction: 'outbound', occurredAt: '2025-11-03T16:00:00Z' });
  const stray = await logTouch(ctx, { partnerId: quiet.id, kind: 'other', direction: 'outbound', next: { skip: true } });
  await deleteTouch(ctx, stray.touch.id);

  const followUp = await createAction(ctx, { repId: sam.id, dueDate: '2026-02-01', type: 'Follow-up', notes: 'Ask about Q2' });
  await completeAction(ctx, followUp.id, { next: { dueDate: '2026-02-20', type: 'Account Research' } });
  await createAction(ctx, { partnerId: quiet.id, dueDate: '2026-03-01', type: 'Intro Request' });

  await createReferral(ctx, {
    partnerId: snow.id,
    repId: jordan.id,
    account: { name: 'Globex', domain: 'globex.com' },
    introducedAt: '2026-01-10',
    stage: 'deal',
    amountMinor: 4_500_000,
    expectedCloseDate: '2026-04-30',
    hubspotDealId: '90071992547409',
  });
  const won = await createReferral(ctx, { partnerId: snow.id, account: 'Acme', introducedAt: '2025-12-15', stage: 'qualified' });
  await updateReferral(ctx, won.id, { version: won.version, stage: 'closed-won', amountMinor: 1_999_999 });
  await createReferral(ctx, { partnerId: agency.id, repId: ana.id, introducedAt: '2026-01-25', stage: 'intro' });

  await createPlan(ctx, { partnerId: snow.id, goal: 'First test', metric: 'intros', target: 2, startDate: '2025-09-01' });
  await createPlan(ctx, {
    partnerId: snow.id,
    goal: '3 qualified convos from Snowflake reps',
    metric: 'qualified-conversations',
    target: 3,
    startDate: '2026-01-05',
  });
  await createPlan(ctx, { partnerId: agency.id, goal: 'One deal', metric: 'deals', target: 1, status: 'at-risk' });

  await createView(ctx, {
    name: 'EMEA pipeline',
    definition: {
      filter: { field: 'nextActionDate', op: 'lte', value: { today: 0 } },
      sort: [{ field: 'name', dir: 'desc' }],
      columns: ['name'],
    },
  });
  return [snow.id, agency.id, quiet.id];
}

describe('a backup restored into a fresh database', () => {
  let source: Database;
  let target: Database;
  let partnerIds: string[];
  let lines: string[];

  beforeAll(async () => {
    source = await freshDatabase();
    target = await freshDatabase();
    partnerIds = await buildWorkspace(contextOf(source));
    lines = await backupOf(contextOf(source));
  });

  it('is JSON lines: a header, a line per row in table order, and an end line with the counts', () => {
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({
      format: 'ptrack-backup',
      formatVersion: 1,
      createdAt: NOW.toISOString(),
      schema: expect.stringMatching(/^\d{4}_/),
      tables: ALL_TABLES.map((t) => t.name),
    });
    const end = JSON.parse(lines.at(-1)!);
    expect(end.end).toBe(true);
    const rows = lines.slice(1, -1).map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
    expect(rows.length).toBe(Object.values(end.rows as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(rows.every((r) => !['rep_stats', 'partner_stats'].includes(r.t))).toBe(true);
    const order = rows.map((r) => header.tables.indexOf(r.t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(end.rows.partners).toBe(3);
    expect(end.rows.partner_named_accounts).toBe(4);
    // SQL column names, instants in UTC.
    const partner = rows.find((r) => r.t === 'partners' && r.r.name === 'Snowflake Partners')!.r;
    expect(partner.reviewed_at).toBe('2026-02-02T15:30:00.123+00:00');
    expect(partner.icp_alignment).toBe(9);
  });

  it('restores every row, the rollups and the history exactly', async () => {
    const summary = await restoreBackup(contextOf(target), streamOf(lines));
    expect(summary).toEqual({
      format: 'ptrack-backup',
      formatVersion: 1,
      createdAt: NOW.toISOString(),
      tables: JSON.parse(lines.at(-1)!).rows,
    });
    expect(await contentsOf(target)).toEqual(await contentsOf(source));

    const query = { limit: 500 } as Parameters<typeof listPartners>[1];
    const from = contextOf(source, LATER);
    const to = contextOf(target, LATER);
    expect(await listPartners(to, query)).toEqual(await listPartners(from, query));
    for (const id of partnerIds) {
      expect(await getPartner(to, id)).toEqual(await getPartner(from, id));
      const history = await getPartnerHistory(to, id, { limit: 200 });
      expect(history.items.length).toBeGreaterThan(0);
      expect(history).toEqual(await getPartnerHistory(from, id, { limit: 200 }));
    }
    expect(await getSettings(to)).toEqual(await getSettings(from));
  });

  it('backs up again to the same lines, but for the time it was taken', async () => {
    const again = await backupOf(contextOf(target, LATER));
    expect(again.length).toBe(lines.length);
    expect({ ...JSON.parse(again[0]!), createdAt: null }).toEqual({ ...JSON.parse(lines[0]!), createdAt: null });
    expect(JSON.parse(again[0]!).createdAt).toBe(LATER.toISOString());
    expect(again.slice(1)).toEqual(lines.slice(1));
  });

  it('keeps working after the restore: new history continues after the restored entries', async () => {
    const [{ max }] = (await queryRows<{ max: string }>(target.db, sql`select max(id)::text as max from change_history`)) as [
      { max: string },
    ];
    const created = await createPartner(contextOf(target), { name: 'After Restore' });
    const history = await getPartnerHistory(contextOf(target), created.id, { limit: 10 });
    expect(history.items[0]!.id).toBe(Number(max) + 1);
  });
});

describe('a restore is refused, and writes nothing,', () => {
  let source: Database;
  let empty: Database;
  let lines: string[];

  beforeAll(async () => {
    source = await freshDatabase();
    empty = await freshDatabase();
    await buildWorkspace(contextOf(source));
    lines = await backupOf(contextOf(source));
    // An unused workspace may still have settings and their history; a failed restore must keep them.
    const settings = await getSettings(contextOf(empty));
    await updateSettings(contextOf(empty), { version: settings.version, timeZone: 'Europe/Paris' });
  });

  it('when the workspace already holds a partner', async () => {
    const busy = await freshDatabase();
    await createPartner(contextOf(busy), { name: 'Already Here' });
    await expectRefused(busy, lines, 'CONFLICTING_STATE', /Restore needs an empty workspace/);
  });

  it('when the end line is missing', async () => {
    await expectRefused(empty, lines.slice(0, -1), 'VALIDATION_FAILED', /the backup is truncated/);
  });

  it('when the file stops in the middle of a line', async () => {
    const cut = [...lines.slice(0, 20), lines[20]!.slice(0, 25)];
    await expectRefused(empty, cut, 'VALIDATION_FAILED', /^line 21: not valid JSON/);
  });

  it('when a line in the middle is missing', async () => {
    const missing = lines.filter((_, i) => i !== 12);
    await expectRefused(empty, missing, 'VALIDATION_FAILED', /the backup is truncated or damaged/);
  });

  it('when a line is not JSON, naming the line', async () => {
    const garbled = lines.map((l, i) => (i === 9 ? '{"t":"partners","r":{oops' : l));
    const error = await expectRefused(empty, garbled, 'VALIDATION_FAILED', /^line 10: not valid JSON/);
    expect(error.issues[0]?.field).toBe('backup');
  });

  it('when tables come out of order', async () => {
    const partnerLine = lines.findIndex((l) => l.startsWith('{"t":"partners"'));
    const touchLine = lines.findIndex((l) => l.startsWith('{"t":"touches"'));
    const swapped = [...lines];
    swapped[partnerLine] = lines[touchLine]!;
    swapped[touchLine] = lines[partnerLine]!;
    // The touch now comes first; the next partner row (there are three) is the one out of order.
    const expected = new RegExp(`^line ${partnerLine + 2}: a row of "partners" after rows of "touches"`);
    await expectRefused(empty, swapped, 'VALIDATION_FAILED', expected);
  });

  it('when the backup comes from a newer format version', async () => {
    const newer = [JSON.stringify({ ...JSON.parse(lines[0]!), formatVersion: 99 }), ...lines.slice(1)];
    const error = await expectRefused(empty, newer, 'VALIDATION_FAILED', /format version 99 is newer/);
    expect(error.issues[0]?.field).toBe('backup.header');
  });

  it('when the backup comes from a newer schema', async () => {
    const newer = [JSON.stringify({ ...JSON.parse(lines[0]!), schema: '9999_from_the_future' }), ...lines.slice(1)];
    await expectRefused(empty, newer, 'VALIDATION_FAILED', /schema "9999_from_the_future" is unknown/);
  });

  it('when the file is not a backup at all', async () => {
    await expectRefused(empty, ['name,type', 'Acme,Agency'], 'VALIDATION_FAILED', /^line 1: not valid JSON/);
    await expectRefused(empty, ['{"format":"something-else"}'], 'VALIDATION_FAILED', /not a Partner Tracker backup/);
    await expectRefused(empty, [], 'VALIDATION_FAILED', /the backup is empty/);
  });

  it('when a row does not fit its table', async () => {
    const i = lines.findIndex((l) => l.startsWith('{"t":"reps"'));
    const bad = lines.map((l, j) => (j === i ? l.replace('"engagement_tier":', '"engagement_tier":"very high","x":') : l));
    await expectRefused(empty, bad, 'VALIDATION_FAILED', /table "reps" has no column "x"/);
    const wrongType = lines.map((l, j) => (j === i ? l.replace(/"engagement_tier":[^,]*/, '"engagement_tier":"very high"') : l));
    await expectRefused(empty, wrongType, 'VALIDATION_FAILED', /the rows of "reps" cannot be restored/);
  });
});

describe('a large workspace', () => {
  it('is written in pages and restored in batches, exactly', async () => {
    const source = await freshDatabase();
    const target = await freshDatabase();
    const ctx = contextOf(source);
    const partner = await createPartner(ctx, { name: 'Busy Partner' });
    // More rows than one keyset page (5,000) and than many insert batches (1,000).
    await source.db.execute(sql`
      insert into touches (partner_id, kind, direction, occurred_at, summary)
      select ${partner.id}::uuid, 'email', case when n % 3 = 0 then 'inbound' else 'outbound' end,
             timestamptz '2025-01-01 00:00:00+00' + n * interval '37 minutes', 'touch ' || n
      from generate_series(1, 12345) n`);
    await source.db.execute(sql`
      insert into change_history (actor, source, entity_type, entity_id, operation, after)
      select 'bulk', 'import', 'touch', gen_random_uuid(), 'create', jsonb_build_object('n', n, 'big', 9007199254740993::bigint)
      from generate_series(1, 6001) n`);
    // Bulk SQL bypasses the services: bring the source's rollups up to date as a restore would.
    const { timeZone, today } = await getSettings(ctx);
    await refreshAllStats(source.db, { timeZone, today });
    const lines = await backupOf(ctx);
    expect(JSON.parse(lines.at(-1)!).rows).toMatchObject({ touches: 12345, change_history: 6002 });
    const summary = await restoreBackup(contextOf(target), streamOf(lines));
    expect(summary.tables).toMatchObject({ touches: 12345, change_history: 6002, partners: 1 });
    expect(await contentsOf(target)).toEqual(await contentsOf(source));
    expect(await getPartner(contextOf(target), partner.id)).toEqual(await getPartner(ctx, partner.id));
  });
});

describe('a backup taken while others write', () => {
  // PGlite has one connection, so a write simply waits for the backup; a server lets it commit meanwhile.
  it.runIf(testStorageKind() === 'postgres')('holds the workspace as it was when the backup began', async () => {
    const database = await freshDatabase();
    const ctx = contextOf(database);
    await createPartner(ctx, { name: 'Before' });
    const lines: string[] = [];
    await writeBackup(ctx, async (line) => {
      if (lines.length === 0) await createPartner(ctx, { name: 'During' });
      lines.push(line);
    });
    const names = lines.filter((l) => l.startsWith('{"t":"partners"')).map((l) => JSON.parse(l).r.name);
    expect(names).toEqual(['Before']);
    expect(JSON.parse(lines.at(-1)!).rows.partners).toBe(1);
  });
});

describe('partner owners who are users', () => {
  // Accounts are not in a backup: the restoring server has its own users, with other ids.
  async function addUser(database: Database, name: string, email: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (name, email, role) values (${name}, ${email}, 'manager') returning id`,
    );
    if (!row) throw new Error('no user');
    return row.id;
  }
  async function ownerOf(database: Database, name: string) {
    const [row] = await queryRows<{ owner: string | null; owner_user_id: string | null }>(
      database.db,
      sql`select owner, owner_user_id from partners where name = ${name}`,
    );
    return row;
  }

  it('restores into a workspace with other accounts: the owner is linked again by name or email, else kept as a label', async () => {
    const source = await freshDatabase();
    const dana = await addUser(source, 'Dana Owner', 'dana@example.com');
    const sam = await addUser(source, 'Sam Gone', 'sam@example.com');
    await createPartner(contextOf(source), { name: 'Owned By Dana', owner: 'Dana Owner' });
    await createPartner(contextOf(source), { name: 'Owned By Sam', owner: 'Sam Gone' });
    await source.db.execute(sql`update partners set owner_user_id = ${dana} where name = 'Owned By Dana'`);
    await source.db.execute(sql`update partners set owner_user_id = ${sam} where name = 'Owned By Sam'`);
    const lines = await backupOf(contextOf(source));

    const target = await freshDatabase();
    const danaHere = await addUser(target, 'Dana Owner', 'DANA@example.com');
    const summary = await restoreBackup(contextOf(target), streamOf(lines));
    expect(summary.tables.partners).toBe(2);
    expect(await ownerOf(target, 'Owned By Dana')).toEqual({ owner: 'Dana Owner', owner_user_id: danaHere });
    expect(await ownerOf(target, 'Owned By Sam')).toEqual({ owner: 'Sam Gone', owner_user_id: null });
  });
});
