import { describe, expect, it } from 'vitest';
import { bandVerdict, describeSlices, formatPercent, funnelSteps, planSlices, sumOf, tierSlices } from './dashboard-figures';

const funnel = {
  introsMade: 40,
  qualifiedConversations: 10,
  dealsBroughtIn: 3,
  openDeals: 2,
  closedWon: 0,
  closedLost: 1,
  pipelineValueMinor: 500_00,
  introToDealConversion: 0.075,
};

describe('funnelSteps', () => {
  it('lists intros, qualified conversations, deals and closed won with the conversion from the step before', () => {
    expect(funnelSteps(funnel).map((s) => [s.key, s.value, s.fromPrevious])).toEqual([
      ['intros', 40, null],
      ['qualified', 10, 0.25],
      ['deals', 3, 0.3],
      ['won', 0, 0],
    ]);
  });

  it('gives no conversion after an empty step rather than dividing by zero', () => {
    const steps = funnelSteps({ ...funnel, introsMade: 0, qualifiedConversations: 0, dealsBroughtIn: 0 });
    expect(steps.map((s) => s.fromPrevious)).toEqual([null, null, null, null]);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.075, '7.5%'],
    [0.25, '25%'],
    [0.07123, '7.1%'],
    [0, '0%'],
    [1, '100%'],
  ])('%s reads %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

describe('bandVerdict', () => {
  const band = { min: 0.05, max: 0.1 };
  it.each([
    [null, 'unknown'],
    [0.04, 'below'],
    [0.05, 'within'],
    [0.1, 'within'],
    [0.12, 'above'],
  ] as const)('%s is %s the 5–10%% band', (actual, verdict) => {
    expect(bandVerdict(actual, band)).toBe(verdict);
  });
});

describe('slices', () => {
  it('keeps every plan status, no plan last, and the counts as given', () => {
    const slices = planSlices({ 'on-track': 4, 'at-risk': 2, delivered: 1, failed: 0, none: 5 });
    expect(slices.map((s) => s.label)).toEqual(['On Track', 'At Risk', 'Delivered', 'Failed', 'No plan']);
    expect(sumOf(slices)).toBe(12);
    expect(describeSlices(slices)).toBe('On Track 4, At Risk 2, Delivered 1, Failed 0, No plan 5');
  });

  it('names the tiers by what they mean and puts reps without a tier last', () => {
    const slices = tierSlices({ '1': 3, '2': 5, '3': 8, '4': 2, unassigned: 1 });
    expect(slices.map((s) => [s.key, s.value])).toEqual([
      ['1', 3],
      ['2', 5],
      ['3', 8],
      ['4', 2],
      ['unassigned', 1],
    ]);
    expect(slices[0]?.label).toBe('Tier 1 · active deals');
  });
});
