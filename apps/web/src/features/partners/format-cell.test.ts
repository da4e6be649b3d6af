import type { PartnerListRowDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import { formatCell, formatSum, labelOf } from './format-cell';
import { columnOf, visibleColumns } from './grid-columns';

const row = (over: Partial<PartnerListRowDto>) => ({ ...over }) as PartnerListRowDto;
const col = (key: string) => columnOf(key)!;

describe('grid cells', () => {
  it('shows money from minor units in the workspace currency', () => {
    expect(formatCell(col('pipelineValueMinor'), row({ pipelineValueMinor: 1_250_000 }), 'USD')).toMatch(/12,500$/);
  });

  it('shows labels, yes/no and blanks for missing values', () => {
    expect(formatCell(col('planStatus'), row({ planStatus: 'at-risk' }), 'USD')).toBe('At Risk');
    expect(formatCell(col('reviewedThisWeek'), row({ reviewedThisWeek: false }), 'USD')).toBe('No');
    expect(formatCell(col('ippScore'), row({ ippScore: null }), 'USD')).toBe('');
    expect(labelOf('polite-pass')).toBe('Polite pass');
  });

  it('adds up a summed column over the rows', () => {
    const rows = [row({ openDeals: 2, pipelineValueMinor: 100 }), row({ openDeals: 3, pipelineValueMinor: 250 })];
    expect(formatSum(col('openDeals'), rows, 'USD')).toBe('5');
    expect(formatSum(col('pipelineValueMinor'), rows, 'USD')).toMatch(/3\.50/);
  });

  it('always shows the name first and once, and ignores unknown columns', () => {
    expect(visibleColumns(['type', 'name', 'bogus', 'type']).map((c) => c.key)).toEqual(['name', 'type']);
  });

  it('explains every computed column, and marks only the partner’s own fields as not computed', () => {
    const own = ['name', 'type', 'archetype', 'programStatus', 'phase', 'owner', 'industry'];
    for (const key of own) expect(col(key).computed).toBeUndefined();
    expect(col('repsBringingDeals').computed).toBe(
      'Reps bringing deals: reps with a referral in the last 90 days or an open deal',
    );
  });
});
