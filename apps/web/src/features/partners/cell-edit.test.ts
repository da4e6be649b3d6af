import type { PartnerDto, PartnerListResponse, PartnerListRowDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import { isEditable, optionsOf, patchOf, replaceRow, withRecord } from './cell-edit';

const row = (over: Partial<PartnerListRowDto>) => ({ tier1Reps: 2, ...over }) as PartnerListRowDto;

describe('inline cell edits', () => {
  it('edit the partner’s own columns and leave the computed ones read-only', () => {
    expect(['name', 'type', 'programStatus', 'phase', 'owner', 'industry'].every((k) => isEditable(k as never))).toBe(true);
    expect(isEditable('tier1Reps')).toBe(false);
    expect(isEditable('archetype')).toBe(false);
  });

  it('send the version read with the value; a blank optional field clears it, a blank name goes to the server to refuse', () => {
    expect(patchOf('owner', '  Dana ', 3)).toEqual({ version: 3, owner: 'Dana' });
    expect(patchOf('industry', '   ', 3)).toEqual({ version: 3, industry: null });
    expect(patchOf('type', '', 1)).toEqual({ version: 1, type: null });
    expect(patchOf('name', ' ', 1)).toEqual({ version: 1, name: '' });
  });

  it('offer the workspace option list, keeping a current value that is not in it', () => {
    const lists = { phase: ['Pilot', 'Scale'] };
    expect(optionsOf(lists, 'phase', 'Pilot')).toEqual(['Pilot', 'Scale']);
    expect(optionsOf(lists, 'phase', 'Legacy')).toEqual(['Legacy', 'Pilot', 'Scale']);
    expect(optionsOf(undefined, 'phase', null)).toEqual([]);
  });

  it('update the cached row from the saved record and leave the other rows and computed columns alone', () => {
    const record = {
      id: 'a',
      name: 'Acme',
      type: 'Agency',
      programStatus: null,
      phase: null,
      owner: 'Dana',
      industry: null,
      version: 4,
      updatedAt: '2026-01-02T00:00:00.000Z',
    } as PartnerDto;
    expect(withRecord(row({ id: 'a', owner: null, version: 3 }), record)).toMatchObject({
      owner: 'Dana',
      version: 4,
      tier1Reps: 2,
    });
    const page = { items: [row({ id: 'a', version: 3 }), row({ id: 'b', version: 1 })] } as PartnerListResponse;
    const data = replaceRow({ pages: [page], pageParams: [undefined] }, record)!;
    expect(data.pages[0]!.items.map((r) => [r.id, r.version])).toEqual([
      ['a', 4],
      ['b', 1],
    ]);
    expect(data.pages[0]!.items[1]).toBe(page.items[1]);
  });
});
