import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountToMinor,
  companyAggregateProperties,
  hubspotDay,
  mapDealStage,
  parseQuality,
  parseTier,
  referralFromDeal,
  repChanges,
  repFromContact,
} from './mapping';
import { COMPANY_AGGREGATE } from './properties';

describe('parseTier', () => {
  it.each([
    ['1', 1],
    [' 4 ', 4],
    ['', null],
    [null, null],
  ])('reads %j as %j', (input, expected) => {
    expect(parseTier(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['0', '5', 'two', '1.5'])('rejects %j with a reason naming the property', (input) => {
    const result = parseTier(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('engagement_tier');
  });
});

describe('parseQuality', () => {
  it('rounds decimals HubSpot number properties carry', () => {
    expect(parseQuality('7.0')).toEqual({ ok: true, value: 7 });
    expect(parseQuality('8.6')).toEqual({ ok: true, value: 9 });
  });

  it('rejects text and values outside 1–10', () => {
    expect(parseQuality('abc').ok).toBe(false);
    expect(parseQuality('11').ok).toBe(false);
    expect(parseQuality('0').ok).toBe(false);
  });

  it('accepts every whole number from 1 to 10 as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (n) => {
        expect(parseQuality(String(n))).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('repFromContact', () => {
  it('joins the name, lower-cases the email and reads tier and quality', () => {
    const { rep, issues } = repFromContact('7', {
      firstname: 'Jordan',
      lastname: 'Lee',
      email: 'Jordan@Acme.COM ',
      jobtitle: 'AE',
      engagement_tier: '2',
      rep_quality_score: '9',
    });
    expect(rep).toEqual({ name: 'Jordan Lee', email: 'jordan@acme.com', title: 'AE', engagementTier: 2, qualityScore: 9 });
    expect(issues).toEqual([]);
  });

  it('falls back to the email, then the contact id, for the name', () => {
    expect(repFromContact('7', { email: 'a@b.co' }).rep.name).toBe('a@b.co');
    expect(repFromContact('7', {}).rep.name).toBe('HubSpot contact 7');
  });

  it('reports an invalid tier and leaves it out so the tracker keeps its value', () => {
    const { rep, issues } = repFromContact('7', { firstname: 'A', engagement_tier: '9' });
    expect('engagementTier' in rep).toBe(false);
    expect(issues).toEqual([{ field: 'engagementTier', reason: expect.stringContaining('"9"') }]);
  });
});

describe('repChanges', () => {
  const current = { name: 'A', email: 'a@x.co', title: null, engagementTier: 3, qualityScore: 5, partnerId: 'p1' };

  it('returns only the HubSpot-owned fields that differ', () => {
    expect(repChanges(current, { name: 'A', engagementTier: 1, qualityScore: 5 })).toEqual({ engagementTier: 1 });
  });

  it('never returns a change when the incoming values equal the current ones', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(current) as (keyof typeof current)[]), (keys) => {
        const incoming = Object.fromEntries(keys.map((k) => [k, current[k]]));
        expect(repChanges(current, incoming)).toEqual({});
      }),
    );
  });
});

describe('mapDealStage', () => {
  it('prefers the workspace map by pipeline/stage, then by stage, then HubSpot defaults', () => {
    const map = { 'sales/s1': 'deal', s1: 'intro', closedwon: 'closed-lost' } as const;
    expect(mapDealStage('sales', 's1', map)).toBe('deal');
    expect(mapDealStage('other', 's1', map)).toBe('intro');
    expect(mapDealStage('default', 'closedwon', map)).toBe('closed-lost');
    expect(mapDealStage('default', 'qualifiedtobuy', {})).toBe('qualified');
    expect(mapDealStage('default', 'mystery', {})).toBeNull();
  });
});

describe('amountToMinor', () => {
  it.each([
    ['12500.5', 1250050],
    ['0.005', 1],
    ['100', 10000],
    ['-3.20', -320],
  ])('converts %j to %j minor units', (input, expected) => {
    expect(amountToMinor(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects non-numbers', () => {
    expect(amountToMinor('12,50').ok).toBe(false);
  });

  it('round-trips every whole number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(amountToMinor(text)).toEqual({ ok: true, value: cents });
      }),
    );
  });
});

describe('hubspotDay', () => {
  it('reads ISO datetimes, dates and epoch milliseconds', () => {
    expect(hubspotDay('2026-03-01T00:00:00.000Z')).toBe('2026-03-01');
    expect(hubspotDay('2026-03-01')).toBe('2026-03-01');
    expect(hubspotDay(String(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(hubspotDay('soon')).toBeNull();
  });
});

describe('referralFromDeal', () => {
  it('maps stage, amount, close date and create date', () => {
    const result = referralFromDeal(
      {
        dealstage: 'contractsent',
        pipeline: 'default',
        amount: '5000',
        closedate: '2026-06-30T00:00:00Z',
        createdate: '2026-01-02T10:00:00Z',
      },
      { stageMap: {}, createdAt: null },
    );
    expect(result).toEqual({
      ok: true,
      referral: { stage: 'deal', amountMinor: 500000, expectedCloseDate: '2026-06-30', introducedAt: '2026-01-02' },
      issues: [],
    });
  });

  it('fails a deal whose stage is not mapped, naming stage and pipeline', () => {
    const result = referralFromDeal({ dealstage: 'x1', pipeline: 'p9' }, { stageMap: {}, createdAt: '2026-01-01T00:00:00Z' });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/"x1".*"p9"/) });
  });

  it('keeps the deal but reports a bad amount', () => {
    const result = referralFromDeal(
      { dealstage: 'closedwon', amount: 'lots' },
      { stageMap: {}, createdAt: '2026-01-01T00:00:00Z' },
    );
    expect(result.ok && result.referral.amountMinor).toBeNull();
    expect(result.ok && result.issues.map((i) => i.field)).toEqual(['amount']);
  });
});

describe('companyAggregateProperties', () => {
  it('writes strings, days since last touch to today and the pipeline in major units', () => {
    const props = companyAggregateProperties(
      {
        tier1Reps: 2,
        tier2Reps: 0,
        tier3Reps: 1,
        tier4Reps: 4,
        jordanCount: 1,
        nextActionDate: '2026-11-30',
        lastTouchDate: '2026-11-20',
        planStatus: 'at-risk',
        introsMade: 5,
        dealsBroughtIn: 2,
        closedWon: 1,
        pipelineValueMinor: 1234567,
      },
      '2026-11-25',
    );
    expect(props[COMPANY_AGGREGATE.tier1Reps]).toBe('2');
    expect(props[COMPANY_AGGREGATE.daysSinceLastTouch]).toBe('5');
    expect(props[COMPANY_AGGREGATE.pipeline]).toBe('12345.67');
    expect(props[COMPANY_AGGREGATE.planStatus]).toBe('at-risk');
    expect(Object.values(props).every((v) => typeof v === 'string')).toBe(true);
  });

  it('clears days since last touch for a partner never touched', () => {
    const props = companyAggregateProperties(
      {
        tier1Reps: 0,
        tier2Reps: 0,
        tier3Reps: 0,
        tier4Reps: 0,
        jordanCount: 0,
        nextActionDate: null,
        lastTouchDate: null,
        planStatus: null,
        introsMade: 0,
        dealsBroughtIn: 0,
        closedWon: 0,
        pipelineValueMinor: 0,
      },
      '2026-11-25',
    );
    expect(props[COMPANY_AGGREGATE.daysSinceLastTouch]).toBe('');
  });
});
