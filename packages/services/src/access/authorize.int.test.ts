import type { Role } from '@ptrack/domain';
import { type Database, partners, users } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAction } from '../actions/complete-action';
import { createAction } from '../actions/create-action';
import { type Actor, createContext, type ServiceContext, systemActor } from '../context';
import { createPartner } from '../partners/create-partner';
import { listPartners } from '../partners/list-partners';
import { updatePartner } from '../partners/update-partner';
import { createRep } from '../reps/save-rep';
import { getSettings, updateSettings } from '../settings';
import { logTouch } from '../touches/log-touch';

const M1 = '20000000-0000-4000-8000-000000000001';
const M2 = '20000000-0000-4000-8000-000000000002';
const NOW = new Date('2026-02-04T17:00:00Z');

let database: Database;
let admin: ServiceContext;
const as = (role: Role, userId: string | null, extra: Partial<Actor> = {}) =>
  createContext(database, { name: `${role} ${userId}`, source: 'api', role, userId, partnerId: null, ...extra }, () => NOW);

async function setOwnPartnersOnly(on: boolean): Promise<void> {
  const settings = await getSettings(admin);
  await updateSettings(admin, { version: settings.version, managersEditOwnPartnersOnly: on });
}

beforeAll(async () => {
  database = await openTestDatabase();
  admin = createContext(database, systemActor('test', 'api'), () => NOW);
  // The two managers exist as users: a partner's owner is a user (partners.owner_user_id → users).
  await database.db.insert(users).values([
    { id: M1, name: 'Manager One', email: 'm1@example.com', role: 'manager' },
    { id: M2, name: 'Manager Two', email: 'm2@example.com', role: 'manager' },
  ]);
});
afterAll(async () => {
  await database?.close();
});

describe('authorize in the use cases', () => {
  it('lets every manager edit every partner while "managers edit only their own partners" is off (the default)', async () => {
    const partner = await createPartner(admin, { name: 'Shared Co', ownerUserId: M1 });
    expect((await getSettings(admin)).managersEditOwnPartnersOnly).toBe(false);
    const updated = await updatePartner(as('manager', M2), partner.id, { version: partner.version, notes: 'edited by M2' });
    expect(updated.notes).toBe('edited by M2');
  });

  it('with the setting on, lets a manager write only the partners they own, and their records', async () => {
    const mine = await createPartner(admin, { name: 'Mine Co', ownerUserId: M1 });
    const theirs = await createPartner(admin, { name: 'Theirs Co', ownerUserId: M2 });
    const unowned = await createPartner(admin, { name: 'Nobody Co' });
    await setOwnPartnersOnly(true);
    try {
      const m1 = as('manager', M1);
      await expect(updatePartner(m1, mine.id, { version: mine.version, notes: 'ok' })).resolves.toMatchObject({ notes: 'ok' });
      const refused = updatePartner(m1, theirs.id, { version: theirs.version, notes: 'no' });
      await expect(refused).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('partners:write') });
      await expect(updatePartner(m1, unowned.id, { version: unowned.version, notes: 'no' })).rejects.toMatchObject({
        code: 'NOT_ALLOWED',
      });
      // A rep, a touch and an action of their partner are theirs too; of another's partner, not.
      const rep = await createRep(m1, { partnerId: mine.id, name: 'Ann' });
      await logTouch(m1, { repId: rep.id, kind: 'call', direction: 'outbound' });
      await expect(createRep(m1, { partnerId: theirs.id, name: 'Bob' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
      const action = await createAction(admin, { partnerId: theirs.id, dueDate: '2026-02-10', type: 'Follow-up' });
      await expect(completeAction(m1, action.id, {})).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
      // Creating a partner: only one they will own.
      await expect(createPartner(m1, { name: 'New Mine', ownerUserId: M1 })).resolves.toMatchObject({ ownerUserId: M1 });
      await expect(createPartner(m1, { name: 'New Theirs', ownerUserId: M2 })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
      // Directors are not bound by it.
      const fresh = await updatePartner(as('director', null), theirs.id, { version: theirs.version, notes: 'director' });
      expect(fresh.notes).toBe('director');
    } finally {
      await setOwnPartnersOnly(false);
    }
  });

  it('refuses a viewer every write before anything is written, and lets them read', async () => {
    const viewer = as('viewer', M1);
    const before = (await database.db.select().from(partners)).length;
    await expect(createPartner(viewer, { name: 'Viewer Co' })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'A viewer may not use partners:write',
    });
    expect((await database.db.select().from(partners)).length).toBe(before);
    await expect(listPartners(viewer, { limit: 5 })).resolves.toMatchObject({ items: expect.any(Array) });
    await expect(getSettings(viewer)).resolves.toMatchObject({ managersEditOwnPartnersOnly: false });
    await expect(updateSettings(as('director', M1), { version: 1 })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('lets a read-only token read but not write, even an admin’s', async () => {
    const token = as('admin', M1, { readOnly: true });
    await expect(listPartners(token, { limit: 5 })).resolves.toBeDefined();
    await expect(createPartner(token, { name: 'Token Co' })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'A read-only API token may not use partners:write',
    });
  });

  it('refuses partner users every internal use case', async () => {
    const partner = await createPartner(admin, { name: 'Portal Co' });
    const portal = as('partner_member', M1, { partnerId: partner.id });
    await expect(listPartners(portal, { limit: 5 })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(getSettings(portal)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('names partnerId when a manager writes for a partner that does not exist', async () => {
    await setOwnPartnersOnly(true);
    try {
      const missing = '30000000-0000-4000-8000-000000000009';
      await expect(
        createAction(as('manager', M1), { partnerId: missing, dueDate: '2026-02-10', type: 'Follow-up' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { issues: [{ field: 'partnerId', message: expect.any(String) }] },
      });
    } finally {
      await setOwnPartnersOnly(false);
    }
  });
});
