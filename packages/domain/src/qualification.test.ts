import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALIFICATION_REASON_TEXT, type QualificationInput, qualify } from './qualification';

const input = (q: Partial<QualificationInput>): QualificationInput => ({
  icpMatch: 'yes',
  namedAccountCount: 3,
  introMechanism: 'Sales reps bring us into deals',
  economicsOk: 'yes',
  ...q,
});

const inputArb: fc.Arbitrary<QualificationInput> = fc.record({
  icpMatch: fc.constantFrom('yes' as const, 'no' as const, null),
  namedAccountCount: fc.integer({ min: 0, max: 20 }),
  introMechanism: fc.oneof(fc.constant(null), fc.constant(''), fc.constant('   '), fc.string()),
  economicsOk: fc.constantFrom('yes' as const, 'no' as const, null),
});

describe('qualify', () => {
  it.each([
    ['all four pass', input({}), 'pursue', []],
    ['2 named accounts', input({ namedAccountCount: 2 }), 'polite-pass', ['FEWER_THAN_3_NAMED_ACCOUNTS']],
    ['no named accounts yet', input({ namedAccountCount: 0 }), 'incomplete', ['NO_NAMED_ACCOUNTS']],
    ['not our ICP', input({ icpMatch: 'no' }), 'polite-pass', ['ICP_NOT_MATCHED']],
    ['ICP unanswered', input({ icpMatch: null }), 'incomplete', ['ICP_UNANSWERED']],
    ['blank intro mechanism', input({ introMechanism: '  ' }), 'incomplete', ['NO_INTRO_MECHANISM']],
    ['economics do not work', input({ economicsOk: 'no' }), 'polite-pass', ['ECONOMICS_NOT_OK']],
    [
      'a fail beats unanswered questions',
      input({ icpMatch: null, namedAccountCount: 1, introMechanism: null, economicsOk: null }),
      'polite-pass',
      ['ICP_UNANSWERED', 'FEWER_THAN_3_NAMED_ACCOUNTS', 'NO_INTRO_MECHANISM', 'ECONOMICS_UNANSWERED'],
    ],
    [
      'nothing answered',
      { icpMatch: null, namedAccountCount: 0, introMechanism: null, economicsOk: null },
      'incomplete',
      ['ICP_UNANSWERED', 'NO_NAMED_ACCOUNTS', 'NO_INTRO_MECHANISM', 'ECONOMICS_UNANSWERED'],
    ],
  ] as const)('%s → %s', (_, q, verdict, reasons) => {
    const result = qualify(q);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons).toEqual(reasons);
  });

  it('grades named accounts: 3+ pass, 1–2 fail, 0 unanswered', () => {
    expect([0, 1, 2, 3, 12].map((n) => qualify(input({ namedAccountCount: n })).questions.namedAccounts)).toEqual([
      'unanswered',
      'fail',
      'fail',
      'pass',
      'pass',
    ]);
  });

  it('any fail ⇒ polite pass', () => {
    fc.assert(
      fc.property(inputArb, (q) => {
        const r = qualify(q);
        if (Object.values(r.questions).includes('fail')) expect(r.verdict).toBe('polite-pass');
      }),
    );
  });

  it('pursue ⇔ all four pass ⇔ no reasons', () => {
    fc.assert(
      fc.property(inputArb, (q) => {
        const r = qualify(q);
        const allPass = Object.values(r.questions).every((x) => x === 'pass');
        expect(r.verdict === 'pursue').toBe(allPass);
        expect(r.reasons.length === 0).toBe(allPass);
      }),
    );
  });

  it('gives one reason per failing or unanswered question, each with a sentence', () => {
    fc.assert(
      fc.property(inputArb, (q) => {
        const r = qualify(q);
        expect(r.reasons).toHaveLength(Object.values(r.questions).filter((x) => x !== 'pass').length);
        for (const code of r.reasons) expect(QUALIFICATION_REASON_TEXT[code]).toMatch(/^[A-Z].+[^.]$/);
      }),
    );
  });

  it('names the rule in plain words', () => {
    expect(QUALIFICATION_REASON_TEXT.FEWER_THAN_3_NAMED_ACCOUNTS).toBe('Name at least 3 accounts');
  });
});
