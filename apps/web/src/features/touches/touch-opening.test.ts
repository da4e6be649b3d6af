import type { RepDto, TodayActionDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import {
  choosesRep,
  completeRequest,
  EMPTY_TOUCH,
  followUpHint,
  logTouchRequest,
  nextActionHint,
  repOf,
  suggestedDateOf,
  type TouchOpening,
  titleOf,
} from './touch-opening';

const action = (over: Partial<TodayActionDto> = {}) =>
  ({
    id: 'a1',
    version: 4,
    type: 'Follow-up',
    partnerId: 'p1',
    partnerName: 'Acme Cloud',
    repId: 'r1',
    repName: 'Dana Reyes',
    repTier: 2,
    suggestedNextDueDate: '2026-02-18',
    cadenceDays: 14,
    cadenceTier: 2,
    ...over,
  }) as TodayActionDto;
const reps = [
  {
    id: 'r1',
    name: 'Dana Reyes',
    engagementTier: null,
    suggestedNextDueDate: '2026-03-06',
    cadenceDays: 30,
    cadenceTier: 3,
  } as RepDto,
  { id: 'r2', name: 'Lee Park', engagementTier: 1, suggestedNextDueDate: '2026-02-11', cadenceDays: 7, cadenceTier: 1 } as RepDto,
];
const dana = { dueDate: '2026-03-06', cadenceDays: 30, cadenceTier: 3 };
const onPartner: TouchOpening = { from: 'partner', partnerId: 'p1', who: 'Acme Cloud', reps };

describe('where the log-touch dialog opens', () => {
  it('names the dialog after the action, the partner or the rep', () => {
    expect(titleOf({ from: 'action', action: action() })).toBe('Log touch with Dana Reyes (Acme Cloud)');
    expect(titleOf({ from: 'action', action: action({ repId: null, repName: null }) })).toBe('Log touch with Acme Cloud');
    expect(titleOf({ from: 'done', action: action() })).toBe('Done: Follow-up with Dana Reyes (Acme Cloud)');
    expect(titleOf(onPartner)).toBe('Log touch with Acme Cloud');
  });

  it("takes the action's rep, the fixed rep, or the one picked (none for the partner), with the server's next date", () => {
    expect(repOf({ from: 'done', action: action() }, '')).toEqual({
      id: 'r1',
      name: 'Dana Reyes',
      tier: 2,
      next: { dueDate: '2026-02-18', cadenceDays: 14, cadenceTier: 2 },
    });
    expect(repOf({ from: 'action', action: action({ repId: null, repName: null, repTier: null }) }, 'r2')).toBeNull();
    expect(repOf(onPartner, '')).toBeNull();
    expect(repOf(onPartner, 'r2')).toMatchObject({ id: 'r2', name: 'Lee Park', tier: 1, next: { dueDate: '2026-02-11' } });
    expect(repOf({ ...onPartner, repId: 'r1' }, 'r2')).toEqual({ id: 'r1', name: 'Dana Reyes', tier: null, next: dana });
    expect(choosesRep(onPartner)).toBe(true);
    expect(choosesRep({ ...onPartner, repId: 'r1' })).toBe(false);
    expect(choosesRep({ from: 'action', action: action() })).toBe(false);
  });

  it('suggests the server’s date and explains it by the cadence the server applied', () => {
    const tier1 = { id: 'r', name: 'R', tier: 1, next: { dueDate: '2026-02-11', cadenceDays: 14, cadenceTier: 1 } };
    const untiered = { id: 'r', name: 'R', tier: null, next: dana };
    expect(suggestedDateOf(tier1)).toBe('2026-02-11');
    expect(suggestedDateOf(null)).toBe('');
    expect(followUpHint(tier1)).toBe('At the Tier 1 cadence (every 14 days) unless you change it');
    expect(followUpHint(untiered)).toMatch(/^At the Tier 3 cadence/);
    expect(followUpHint(null)).toMatch(/^No rep/);
    expect(nextActionHint(untiered)).toBe('No tier: Tier 3 cadence, every 30 days');
  });
});

describe('the requests the dialog sends', () => {
  const rep = { id: 'r1', name: 'Dana', tier: 2, next: null };
  const draft = { ...EMPTY_TOUCH, summary: '  Agreed on a pilot  ' };

  it('leaves the follow-up to the server unless the date was changed or none was asked for', () => {
    const same = logTouchRequest('p1', rep, draft, { date: '2026-01-10', suggested: '2026-01-10', skip: false });
    expect(same).toEqual({
      partnerId: 'p1',
      repId: 'r1',
      kind: 'email',
      direction: 'outbound',
      summary: 'Agreed on a pilot',
      next: undefined,
    });
    expect(logTouchRequest('p1', rep, draft, { date: '2026-01-12', suggested: '2026-01-10', skip: false }).next).toEqual({
      dueDate: '2026-01-12',
    });
    expect(logTouchRequest('p1', rep, draft, { date: '2026-01-12', suggested: '2026-01-10', skip: true }).next).toEqual({
      skip: true,
    });
    // Without a rep nothing is scheduled by default: only a picked date schedules a follow-up.
    const partnerOnly = logTouchRequest('p1', null, EMPTY_TOUCH, { date: '', suggested: '', skip: true });
    expect(partnerOnly).toMatchObject({ repId: null, summary: undefined, next: undefined });
  });

  it('sends Done with the version, the next action or a skip, and the touch only when ticked', () => {
    const next = { dueDate: '', type: 'Call', notes: ' ' };
    expect(completeRequest(action(), null, next)).toEqual({
      version: 4,
      next: { dueDate: undefined, type: 'Call', notes: undefined },
      touch: undefined,
    });
    expect(completeRequest(action(), draft, { skip: true })).toEqual({
      version: 4,
      next: { skip: true },
      touch: { kind: 'email', direction: 'outbound', summary: 'Agreed on a pilot' },
    });
  });
});
