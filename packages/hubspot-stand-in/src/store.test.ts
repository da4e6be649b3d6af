import { describe, expect, it } from 'vitest';
import { seedProgram } from './seed.ts';
import { HubSpotStore, UniqueValueConflict } from './store.ts';

describe('HubSpotStore', () => {
  it('assigns increasing numeric string ids and stamps created/modified times from its clock', () => {
    const store = new HubSpotStore();
    store.setNow(Date.UTC(2026, 0, 1));
    const a = store.create('companies', { name: 'A', amount_of_reps: 3 });
    const b = store.create('contacts', { email: 'b@x.io' });
    expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    expect(a.id).toMatch(/^\d+$/);
    expect(a.properties.get('amount_of_reps')).toBe('3');
    expect(a.properties.get('createdate')).toBe('2026-01-01T00:00:00.000Z');
    expect(a.properties.get('hs_lastmodifieddate')).toBe('2026-01-01T00:00:00.000Z');
    expect(b.properties.get('lastmodifieddate')).toBe('2026-01-01T00:00:00.000Z');
    expect(b.properties.get('hs_object_id')).toBe(b.id);
  });

  it('advances the modified time on a change, not on a write that changes nothing', () => {
    const store = new HubSpotStore();
    store.setNow(1_000);
    const c = store.create('contacts', { email: 'c@x.io', engagement_tier: '2' });
    store.advance(5_000);
    store.update('contacts', c.id, { engagement_tier: '2' });
    expect(c.updatedAt).toBe(1_000);
    store.update('contacts', c.id, { engagement_tier: '3', jobtitle: null });
    expect(c.updatedAt).toBe(6_000);
    expect(c.properties.get('lastmodifieddate')).toBe(new Date(6_000).toISOString());
  });

  it('keeps contact emails unique among live records and frees an archived one', () => {
    const store = new HubSpotStore();
    const first = store.create('contacts', { email: 'dup@x.io' });
    expect(() => store.create('contacts', { email: 'dup@x.io' })).toThrow(UniqueValueConflict);
    expect(store.findByUnique('contacts', 'email', 'dup@x.io')?.id).toBe(first.id);
    store.archive('contacts', first.id);
    expect(store.findByUnique('contacts', 'email', 'dup@x.io')).toBeUndefined();
    expect(store.create('contacts', { email: 'dup@x.io' }).id).not.toBe(first.id);
  });

  it('stores associations in both directions with the inverse type ids, and hides archived targets', () => {
    const store = new HubSpotStore();
    const company = store.create('companies', { name: 'Co' });
    const contact = store.create('contacts', { email: 'r@co.io' }, [{ toType: 'companies', toId: company.id, typeId: 1 }]);
    const deal = store.create('deals', { dealname: 'D' }, [{ toType: 'companies', toId: company.id }]);
    expect(store.associationsOf('contacts', contact.id, 'companies')).toEqual([{ toId: company.id, typeIds: [1, 279] }]);
    expect(store.associationsOf('companies', company.id, 'contacts')).toEqual([{ toId: contact.id, typeIds: [2, 280] }]);
    expect(store.associationsOf('companies', company.id, 'deals')).toEqual([{ toId: deal.id, typeIds: [342] }]);
    store.archive('deals', deal.id);
    expect(store.associationsOf('companies', company.id, 'deals')).toEqual([]);
    expect(() => store.associate('contacts', contact.id, 'companies', company.id, 341)).toThrow(/not valid/);
  });

  it('checks written values against property definitions', () => {
    const store = new HubSpotStore();
    seedProgram(store, { companies: 0, contactsPerCompany: 0, deals: 0 });
    const problems = store.checkValues('contacts', {
      engagement_tier: '5',
      rep_quality_score: 'high',
      partner_sales_rep: 'yes',
      nonexistent: 'x',
      createdate: '2020-01-01',
      firstname: 'Ok',
    });
    expect(problems.map((p) => [p.context?.propertyName?.[0], p.code])).toEqual([
      ['engagement_tier', 'INVALID_OPTION'],
      ['rep_quality_score', 'INVALID_DECIMAL'],
      ['partner_sales_rep', 'INVALID_BOOLEAN'],
      ['nonexistent', 'PROPERTY_DOESNT_EXIST'],
      ['createdate', 'READ_ONLY_VALUE'],
    ]);
  });
});

describe('seedProgram', () => {
  it('seeds the requested program deterministically', () => {
    const seed = () => {
      const store = new HubSpotStore();
      store.setNow(Date.UTC(2026, 5, 1));
      const program = seedProgram(store, { companies: 20, contactsPerCompany: 5, otherContactsPerCompany: 1, deals: 50 });
      const snapshot = [...store.all('contacts')].map((c) => Object.fromEntries(c.properties));
      return { store, program, snapshot };
    };
    const a = seed();
    const b = seed();
    expect(a.snapshot).toEqual(b.snapshot);
    expect(a.store.count('companies')).toBe(20);
    expect(a.store.count('contacts')).toBe(120);
    expect(a.store.count('deals')).toBe(50);
    const reps = [...a.store.all('contacts')].filter((c) => c.properties.get('partner_sales_rep') === 'true');
    expect(reps).toHaveLength(100);
    expect(new Set(reps.map((r) => r.properties.get('engagement_tier')))).toEqual(new Set(['1', '2', '3', '4']));
    expect(reps.every((r) => /^(10|[1-9])$/.test(r.properties.get('rep_quality_score') ?? ''))).toBe(true);
    expect(reps.every((r) => a.store.associationsOf('contacts', r.id, 'companies').length === 1)).toBe(true);
    const deal = a.program.dealIds[21]!;
    expect(a.store.associationsOf('deals', deal, 'companies').map((r) => r.toId)).toEqual([a.program.companyIds[1]]);
    expect(a.program.repIdsByCompany[1]).toContain(a.store.associationsOf('deals', deal, 'contacts')[0]?.toId);
  });

  it('seeds the benchmark program (2,000 companies, 10,000 reps, 5,000 deals)', () => {
    const store = new HubSpotStore();
    const program = seedProgram(store, { companies: 2_000, contactsPerCompany: 5, deals: 5_000 });
    expect(program.companyIds).toHaveLength(2_000);
    expect(program.repIdsByCompany.flat()).toHaveLength(10_000);
    expect(store.count('deals')).toBe(5_000);
    expect(store.associationsOf('companies', program.companyIds[1_999]!, 'deals')).toHaveLength(2);
  });
});
