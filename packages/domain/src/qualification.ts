import type { QualificationVerdict, YesNo } from './constants/enums';

export type QuestionResult = 'pass' | 'fail' | 'unanswered';
export type { QualificationVerdict };

/** Why a partner is not (yet) a Pursue: one code per failing or unanswered question. */
export const QUALIFICATION_REASON_TEXT = {
  ICP_NOT_MATCHED: 'Their customers are not our ICP',
  ICP_UNANSWERED: 'Answer whether they match our ICP',
  FEWER_THAN_3_NAMED_ACCOUNTS: 'Name at least 3 accounts',
  NO_NAMED_ACCOUNTS: 'Name the accounts they will introduce us to (at least 3)',
  NO_INTRO_MECHANISM: 'Describe how they will make intros',
  ECONOMICS_NOT_OK: 'The economics do not work',
  ECONOMICS_UNANSWERED: 'Answer whether the economics work',
} as const satisfies Record<string, string>;
export type QualificationReason = keyof typeof QUALIFICATION_REASON_TEXT;

export type QualificationInput = {
  icpMatch: YesNo | null;
  /** How many named accounts the partner will introduce us to. */
  namedAccountCount: number;
  introMechanism: string | null;
  economicsOk: YesNo | null;
};

export type Qualification = {
  verdict: QualificationVerdict;
  questions: {
    icpMatch: QuestionResult;
    namedAccounts: QuestionResult;
    introMechanism: QuestionResult;
    economicsOk: QuestionResult;
  };
  /** Empty exactly when the verdict is pursue; in question order. */
  reasons: QualificationReason[];
};

export const MIN_NAMED_ACCOUNTS = 3;

function yesNo(answer: YesNo | null): QuestionResult {
  return answer === null ? 'unanswered' : answer === 'yes' ? 'pass' : 'fail';
}

/**
 * docs/RULES.md "Qualification verdict": ICP yes/no; named accounts ≥ 3 pass, 1–2 fail, 0 unanswered;
 * a non-blank intro mechanism passes (blank is unanswered); economics yes/no. Any fail → polite pass;
 * all four pass → pursue; otherwise incomplete. SQL twin: "qualification" in the partner list query.
 */
export function qualify(input: QualificationInput): Qualification {
  const n = input.namedAccountCount;
  const questions = {
    icpMatch: yesNo(input.icpMatch),
    namedAccounts: (n >= MIN_NAMED_ACCOUNTS ? 'pass' : n > 0 ? 'fail' : 'unanswered') as QuestionResult,
    introMechanism: (input.introMechanism?.trim() ? 'pass' : 'unanswered') as QuestionResult,
    economicsOk: yesNo(input.economicsOk),
  };
  const reasons: QualificationReason[] = [];
  if (questions.icpMatch === 'fail') reasons.push('ICP_NOT_MATCHED');
  if (questions.icpMatch === 'unanswered') reasons.push('ICP_UNANSWERED');
  if (questions.namedAccounts === 'fail') reasons.push('FEWER_THAN_3_NAMED_ACCOUNTS');
  if (questions.namedAccounts === 'unanswered') reasons.push('NO_NAMED_ACCOUNTS');
  if (questions.introMechanism === 'unanswered') reasons.push('NO_INTRO_MECHANISM');
  if (questions.economicsOk === 'fail') reasons.push('ECONOMICS_NOT_OK');
  if (questions.economicsOk === 'unanswered') reasons.push('ECONOMICS_UNANSWERED');
  const results = Object.values(questions);
  const verdict: QualificationVerdict = results.includes('fail')
    ? 'polite-pass'
    : results.every((r) => r === 'pass')
      ? 'pursue'
      : 'incomplete';
  return { verdict, questions, reasons };
}
