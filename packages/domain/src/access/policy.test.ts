import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccessScope,
  type AccessSubject,
  DEFAULT_ACCESS_SETTINGS,
  decide,
  describeDenial,
  PERMISSIONS,
  type Permission,
  permissionsOf,
} from './policy';
import { PARTNER_ROLES, ROLES, type Role } from './roles';

const WRITES: Permission[] = PERMISSIONS.filter(
  (p) => !['workspace:read', 'exports:run', 'users:read', 'audit:read'].includes(p),
);
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
const ON = { managersEditOwnPartnersOnly: true };
const OFF = DEFAULT_ACCESS_SETTINGS;

const user = (role: Role, userId: string | null = M1, extra: Partial<AccessSubject> = {}): AccessSubject => ({
  role,
  userId,
  partnerId: null,
  ...extra,
});

const subjects = fc.record({
  role: fc.constantFrom(...ROLES),
  userId: fc.option(fc.constantFrom(M1, M2)),
  partnerId: fc.option(fc.uuid()),
  readOnly: fc.boolean(),
});
const scopes: fc.Arbitrary<AccessScope | undefined> = fc.option(
  fc.record(
    { partnerId: fc.uuid(), ownerUserId: fc.option(fc.constantFrom(M1, M2)), everyPartner: fc.boolean() },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const settings = fc.record({ managersEditOwnPartnersOnly: fc.boolean() });
const permissions = fc.constantFrom(...PERMISSIONS);

describe('decide', () => {
  it.each<[string, AccessSubject, Permission, AccessScope | undefined, boolean, string | null]>([
    ['an admin changes settings', user('admin'), 'settings:write', undefined, true, null],
    ['a director writes a partner', user('director'), 'partners:write', { ownerUserId: M2 }, true, null],
    ['a director may not change settings', user('director'), 'settings:write', undefined, false, 'ROLE_LACKS_PERMISSION'],
    ['a manager runs an import', user('manager'), 'imports:run', undefined, true, null],
    ['a manager may not run a job', user('manager'), 'jobs:run', undefined, false, 'ROLE_LACKS_PERMISSION'],
    ['a viewer reads', user('viewer'), 'workspace:read', undefined, true, null],
    ['a viewer exports', user('viewer'), 'exports:run', undefined, true, null],
    ['a viewer may not write a partner', user('viewer'), 'partners:write', undefined, false, 'ROLE_LACKS_PERMISSION'],
    ['a partner admin may not read', user('partner_admin'), 'workspace:read', undefined, false, 'ROLE_LACKS_PERMISSION'],
    [
      'a read-only token of an admin may not write',
      user('admin', M1, { readOnly: true }),
      'partners:write',
      undefined,
      false,
      'READ_ONLY_TOKEN',
    ],
    ['a read-only token of an admin reads', user('admin', M1, { readOnly: true }), 'workspace:read', undefined, true, null],
    ['a read-only token of a viewer exports', user('viewer', M1, { readOnly: true }), 'exports:run', undefined, true, null],
  ])('%s', (_name, subject, permission, scope, allowed, reason) => {
    const decision = decide(subject, permission, scope, OFF);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toBe(reason);
  });

  describe('"managers edit only their own partners"', () => {
    it.each<[string, AccessScope | undefined, boolean, boolean]>([
      ['their own partner, setting on', { ownerUserId: M1 }, true, true],
      ["another's partner, setting on", { ownerUserId: M2 }, true, false],
      ['a partner with no owner, setting on', { ownerUserId: null }, true, false],
      ['a write about no partner (an account), setting on', undefined, true, true],
      ["another's partner, setting off", { ownerUserId: M2 }, false, true],
      ['a partner with no owner, setting off', { ownerUserId: null }, false, true],
    ])('a manager writing %s', (_name, scope, on, allowed) => {
      expect(decide(user('manager', M1), 'partners:write', scope, on ? ON : OFF).allowed).toBe(allowed);
    });

    it('binds managers only: directors and admins write any partner', () => {
      for (const role of ['director', 'admin'] as const) {
        expect(decide(user(role, M1), 'partners:write', { ownerUserId: M2 }, ON).allowed).toBe(true);
      }
    });

    it("refuses a bound manager the runs that write every partner's records (import, HubSpot sync and push)", () => {
      for (const permission of ['imports:run', 'integrations:run'] as const) {
        expect(decide(user('manager', M1), permission, { everyPartner: true }, ON)).toEqual({
          allowed: false,
          reason: 'REACHES_EVERY_PARTNER',
        });
        expect(decide(user('manager', M1), permission, { everyPartner: true }, OFF).allowed).toBe(true);
        expect(decide(user('director', M1), permission, { everyPartner: true }, ON).allowed).toBe(true);
        // Uploading and previewing a sheet, or sending a digest, reach no partner's records.
        expect(decide(user('manager', M1), permission, undefined, ON).allowed).toBe(true);
      }
    });

    it('otherwise only scopes partners:write (a manager saves views for any partner)', () => {
      expect(decide(user('manager', M1), 'views:write', { ownerUserId: M2 }, ON).allowed).toBe(true);
      expect(decide(user('manager', M1), 'workspace:read', { ownerUserId: M2 }, ON).allowed).toBe(true);
    });

    it('a manager with no user (cannot own anything) writes no owned partner', () => {
      expect(decide(user('manager', null), 'partners:write', { ownerUserId: null }, ON)).toEqual({
        allowed: false,
        reason: 'NOT_PARTNER_OWNER',
      });
    });
  });

  it('a viewer never holds a write permission', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WRITES), scopes, settings, (permission, scope, s) => {
        expect(decide(user('viewer'), permission, scope, s).allowed).toBe(false);
      }),
    );
  });

  it('a read-only actor never gets a write', () => {
    fc.assert(
      fc.property(subjects, fc.constantFrom(...WRITES), scopes, settings, (subject, permission, scope, s) => {
        expect(decide({ ...subject, readOnly: true }, permission, scope, s).allowed).toBe(false);
      }),
    );
  });

  it('an admin (not through a read-only token) holds every permission on any record', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom(M1, M2)), permissions, scopes, settings, (userId, permission, scope, s) => {
        expect(decide(user('admin', userId), permission, scope, s)).toEqual({ allowed: true });
      }),
    );
  });

  it('partner roles hold no internal permission, whatever partner they belong to', () => {
    fc.assert(
      fc.property(subjects, permissions, scopes, settings, (subject, permission, scope, s) => {
        fc.pre((PARTNER_ROLES as readonly Role[]).includes(subject.role));
        expect(decide(subject, permission, scope, s).allowed).toBe(false);
      }),
    );
  });

  it('the setting only ever narrows: what is allowed with it on is allowed with it off', () => {
    fc.assert(
      fc.property(subjects, permissions, scopes, (subject, permission, scope) => {
        if (decide(subject, permission, scope, ON).allowed) expect(decide(subject, permission, scope, OFF).allowed).toBe(true);
      }),
    );
  });

  it('agrees with permissionsOf when no record scope narrows it', () => {
    fc.assert(
      fc.property(subjects, permissions, settings, (subject, permission, s) => {
        expect(decide(subject, permission, undefined, s).allowed).toBe(permissionsOf(subject).includes(permission));
      }),
    );
  });

  it('names the permission in every denial', () => {
    fc.assert(
      fc.property(subjects, permissions, scopes, settings, (subject, permission, scope, s) => {
        const decision = decide(subject, permission, scope, s);
        if (!decision.allowed) expect(describeDenial(subject.role, permission, decision.reason)).toContain(permission);
      }),
    );
  });
});

describe('permissionsOf', () => {
  it('gives a read-only token of a viewer exactly the read permissions', () => {
    expect(permissionsOf({ role: 'viewer', readOnly: true }).sort()).toEqual(['exports:run', 'users:read', 'workspace:read']);
  });

  it('gives an admin every permission', () => {
    expect(permissionsOf({ role: 'admin' })).toEqual([...PERMISSIONS]);
  });
});
