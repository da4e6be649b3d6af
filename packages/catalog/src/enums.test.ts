import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  DIRECTIONS,
  PLAN_METRICS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  REFERRAL_STAGES,
  TOUCH_KIND_LABELS,
  TOUCH_KINDS,
} from './enums';

describe('vocabularies', () => {
  it('use stable kebab-case ids', () => {
    for (const id of [...ACTION_STATUSES, ...DIRECTIONS, ...REFERRAL_STAGES, ...TOUCH_KINDS, ...PLAN_METRICS, ...PLAN_STATUSES]) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('label every touch kind and plan status as docs/RULES.md names them', () => {
    expect(TOUCH_KINDS.map((k) => TOUCH_KIND_LABELS[k])).toEqual([
      'Email',
      'Call',
      'Meeting',
      'Message',
      'In-person visit',
      'Collateral sent',
      'Proposal sent',
      'Other',
    ]);
    expect(PLAN_STATUSES.map((s) => PLAN_STATUS_LABELS[s])).toEqual(['On Track', 'At Risk', 'Delivered', 'Failed']);
  });

  it('list the referral funnel in order and default plans to qualified conversations', () => {
    expect(REFERRAL_STAGES).toEqual(['intro', 'qualified', 'deal', 'closed-won', 'closed-lost']);
    expect(PLAN_METRICS[0]).toBe('qualified-conversations');
  });
});
