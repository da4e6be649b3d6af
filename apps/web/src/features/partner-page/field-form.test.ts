import { describe, expect, it } from 'vitest';
import { changedKeys, customSpecs, formValuesOf, patchOfForm } from './field-form';
import type { FieldSpec } from './field-specs';

const specs: FieldSpec[] = [
  { key: 'name', label: 'Name', kind: { type: 'text' }, required: true },
  { key: 'owner', label: 'Owner', kind: { type: 'text' } },
  { key: 'icpAlignment', label: 'ICP alignment', kind: { type: 'score', min: 0, max: 10 } },
  { key: 'custom.tier', label: 'Tier', kind: { type: 'choice', options: ['A', 'B'] } },
  { key: 'custom.nda', label: 'NDA', kind: { type: 'checkbox' } },
];
const record = { name: 'Acme', owner: null, icpAlignment: 7, custom: { tier: 'A' } };

describe('the edit form of a section', () => {
  it('holds stored values as text, empty for null, custom values from `custom`', () => {
    expect(formValuesOf(specs, record)).toEqual({
      name: 'Acme',
      owner: '',
      icpAlignment: '7',
      'custom.tier': 'A',
      'custom.nda': false,
    });
  });

  it('sends only what changed: a cleared field as null, a score as a number, custom values under custom', () => {
    const initial = formValuesOf(specs, record);
    const body = patchOfForm(specs, initial, { ...initial, owner: ' Dana ', icpAlignment: '', 'custom.nda': true });
    expect(body).toEqual({ owner: 'Dana', icpAlignment: null, custom: { nda: true } });
    expect(changedKeys(body)).toEqual(['owner', 'icpAlignment', 'custom.nda']);
    expect(patchOfForm(specs, initial, { ...initial, name: 'Acme ' })).toEqual({});
  });

  it('sends a blank required field and a non-number as typed, for the server to refuse beside the field', () => {
    const initial = formValuesOf(specs, record);
    expect(patchOfForm(specs, initial, { ...initial, name: '', icpAlignment: 'ten' })).toEqual({ name: '', icpAlignment: 'ten' });
  });

  it('edits named accounts as one name per line and sends them as a list of names', () => {
    const accounts: FieldSpec[] = [{ key: 'namedAccounts', label: 'Named accounts', kind: { type: 'accounts' } }];
    const initial = formValuesOf(accounts, { namedAccounts: [{ id: '1', name: 'Acme', domain: null }] });
    expect(initial).toEqual({ namedAccounts: 'Acme' });
    expect(patchOfForm(accounts, initial, { namedAccounts: 'Acme\nGlobex\n' })).toEqual({ namedAccounts: ['Acme', 'Globex'] });
    expect(patchOfForm(accounts, initial, { namedAccounts: '' })).toEqual({ namedAccounts: [] });
  });

  it('turns custom field definitions into specs in their order', () => {
    const base = { id: 'x', createdAt: '', updatedAt: '', version: 1, entity: 'partner' as const, options: [] };
    const out = customSpecs([
      { ...base, key: 'b', label: 'B', type: 'number', position: 2 },
      { ...base, key: 'a', label: 'A', type: 'url', position: 1 },
    ]);
    expect(out.map((s) => [s.key, s.kind.type])).toEqual([
      ['custom.a', 'url'],
      ['custom.b', 'number'],
    ]);
  });
});
