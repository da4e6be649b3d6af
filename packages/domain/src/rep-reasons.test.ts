import { describe, expect, it } from 'vitest';
import { jordanReason, type RepQuality, type RepSignals, suggestedTierReason, timeWasterReason } from './rep-signals';

// The reasons the rep DTO carries: the web page shows them as the server words them.
const rep = (over: Partial<RepSignals> & { qualityScore?: number | null; isJordan?: boolean }): RepQuality => {
  const { qualityScore = null, isJordan: _ignored, ...signals } = over;
  return {
    qualityScore,
    signals: {
      sharesAccountList: false,
      suggestsJointActivities: false,
      introsWithoutProof: false,
      responsive: false,
      stuckBuildingRapport: false,
      lipServiceOnly: false,
      expectsUsToBringEverything: false,
      waitsForDeals: false,
      ...signals,
    },
  };
};

describe('jordanReason', () => {
  it('names the quality score when it makes the Jordan', () => {
    expect(jordanReason(rep({ isJordan: true, qualityScore: 9 }))).toBe('Quality score 9 (8 or more)');
  });
  it('counts the signals when they make the Jordan', () => {
    expect(
      jordanReason(rep({ isJordan: true, qualityScore: 5, sharesAccountList: true, responsive: true, introsWithoutProof: true })),
    ).toBe('3 of 4 Jordan signals and no time-waster signal');
  });
  it('names the time-waster signals that rule it out', () => {
    expect(jordanReason(rep({ sharesAccountList: true, waitsForDeals: true, lipServiceOnly: true }))).toBe(
      '2 time-waster signals',
    );
  });
  it('says what is missing otherwise', () => {
    expect(jordanReason(rep({ responsive: true, qualityScore: 6 }))).toBe(
      '1 of 4 Jordan signals (3 needed) and quality 6 (8 needed)',
    );
  });
});

describe('timeWasterReason', () => {
  it('names the signals, else the low quality score', () => {
    expect(timeWasterReason(rep({ lipServiceOnly: true }))).toBe('1 time-waster signal');
    expect(timeWasterReason(rep({ qualityScore: 3 }))).toBe('quality score 3 (3 or less)');
  });
});

describe('suggestedTierReason', () => {
  it('gives the condition of each tier', () => {
    expect(([1, 2, 3, 4] as const).map(suggestedTierReason)).toEqual([
      'an open referral at the deal stage',
      'an inbound reply in the last 30 days',
      'a touch in the last 90 days',
      'no touch in the last 90 days',
    ]);
  });
});
