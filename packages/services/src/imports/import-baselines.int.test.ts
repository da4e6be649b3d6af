import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext, systemActor } from '../context';
import { getPartner } from '../partners/get-partner';
import { listPartners } from '../partners/list-partners';
import { createRep } from '../reps/save-rep';
import { getSettings, updateSettings } from '../settings';
import { applySheetImport, createSheetImport } from './sheet-import';

// Issue 14: facts of a legacy sheet that the import used to drop.
const SHEET = [
  'Partner Company,ACTIVE CONTACTS,LEADS GENERATED,HubSpot Link',
  'Acme Data,5,3,https://app.hubspot.com/contacts/12345/company/678',
  'Beta Cloud,,,',
].join('\n');

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createContext(database, systemActor('importer', 'import'), () => new Date('2025-02-03T15:00:00Z'));
});
afterAll(async () => {
  await database?.close();
});

async function importSheet(): Promise<void> {
  const created = await createSheetImport(ctx, {
    entity: 'partner',
    fileName: 'legacy.csv',
    content: new TextEncoder().encode(SHEET),
  });
  expect(created.columns.find((c) => c.header === 'ACTIVE CONTACTS')?.target).toEqual({
    kind: 'field',
    field: 'baseline.activeContacts',
  });
  expect(await applySheetImport(ctx, created.id)).toMatchObject({ status: 'applied', appliedRows: 2 });
}

const partnerNamed = async (name: string) => {
  const item = (await listPartners(ctx, { q: name, limit: 1 })).items[0];
  if (!item) throw new Error(`no partner ${name}`);
  return item;
};

describe("a legacy sheet's active contacts", () => {
  it('count as the rep count until reps are recorded, then the recorded reps alone count', async () => {
    await importSheet();
    const acme = await partnerNamed('Acme Data');
    expect(acme.totalReps).toBe(5);
    expect((await getPartner(ctx, acme.id)).rollup.totalReps).toBe(5);
    expect((await partnerNamed('Beta Cloud')).totalReps).toBe(0);

    await createRep(ctx, { partnerId: acme.id, name: 'Jo Rep' });
    expect((await partnerNamed('Acme Data')).totalReps).toBe(1);
    expect((await getPartner(ctx, acme.id)).rollup.totalReps).toBe(1);
  });
});

describe('the HubSpot portal id', () => {
  it('is learned from the first full link of an import, builds the links, and stays editable in Settings', async () => {
    // The first describe imported the sheet: its link names portal 12345.
    const settings = await getSettings(ctx);
    expect(settings.hubspotPortalId).toBe('12345');
    const acme = await partnerNamed('Acme Data');
    expect((await getPartner(ctx, acme.id)).hubspotUrl).toBe('https://app.hubspot.com/contacts/12345/company/678');

    const edited = await updateSettings(ctx, { version: settings.version, hubspotPortalId: '999' });
    expect(edited.hubspotPortalId).toBe('999');
    expect((await getPartner(ctx, acme.id)).hubspotUrl).toBe('https://app.hubspot.com/contacts/999/company/678');
    // A later import does not overwrite what the workspace knows.
    await importSheetAgain();
    expect((await getSettings(ctx)).hubspotPortalId).toBe('999');
  });
});

async function importSheetAgain(): Promise<void> {
  const created = await createSheetImport(ctx, {
    entity: 'partner',
    fileName: 'again.csv',
    content: new TextEncoder().encode(SHEET),
  });
  expect(await applySheetImport(ctx, created.id)).toMatchObject({ status: 'applied' });
}
