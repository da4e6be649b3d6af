import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar';
import { composeDigests, type DigestAction, digestFor, endOfWeek, isDigestEmpty, ownerKey } from './digest';
import { digestSchedule } from './digest-schedule';
import { actionLine, DIGEST_NOTES_MAX, DIGEST_SECTION_LIMIT, renderDigestText } from './digest-text';

const TODAY = '2026-02-04'; // a Wednesday

function action(partnerId: string, dueDate: string, extra: Partial<DigestAction> = {}): DigestAction {
  return {
    id: `${partnerId}-${dueDate}-${Math.random()}`,
    partnerId,
    partnerName: `Partner ${partnerId}`,
    repName: null,
    type: 'Follow-up',
    notes: null,
    dueDate,
    daysOverdue: Math.max(0, (Date.parse(TODAY) - Date.parse(dueDate)) / 86_400_000),
    ...extra,
  };
}

describe('endOfWeek', () => {
  it.each([
    [1, '2026-02-08'], // Monday weeks end on Sunday
    [0, '2026-02-07'], // Sunday weeks end on Saturday
    [3, '2026-02-10'], // a week starting on Wednesday ends the next Tuesday
  ] as const)('with weeks starting on day %s, the week of Wednesday 4 February ends on %s', (start, end) => {
    expect(endOfWeek(TODAY, start)).toBe(end);
  });
});

describe('composeDigests', () => {
  const owners = new Map<string, string | null>([
    ['a', 'Dana'],
    ['b', ' dana '],
    ['c', 'Priya'],
    ['d', null],
    ['e', '   '],
  ]);

  it('gives each owner one digest, matching owner names ignoring case and spaces, Unassigned last', () => {
    const digests = composeDigests({
      today: TODAY,
      weekEnd: '2026-02-08',
      ownerByPartner: owners,
      dueByToday: [action('d', '2026-01-01'), action('a', '2026-02-01'), action('b', TODAY), action('e', TODAY)],
      laterThisWeek: [action('c', '2026-02-06'), action('a', '2026-02-09')],
      plansAtRisk: [{ id: 'c', name: 'Partner c', daysSinceLastTouch: 3 }],
      needsAttention: [{ id: 'b', name: 'Partner b', daysSinceLastTouch: null }],
    });
    expect(digests.map((d) => d.owner)).toEqual(['Dana', 'Priya', null]);
    const [dana, priya, unassigned] = digests;
    expect(dana!.counts).toEqual({ overdue: 1, dueToday: 1, laterThisWeek: 0, plansAtRisk: 0, needsAttention: 1 });
    expect(priya!.counts).toEqual({ overdue: 0, dueToday: 0, laterThisWeek: 1, plansAtRisk: 1, needsAttention: 0 });
    expect(unassigned!.counts).toMatchObject({ overdue: 1, dueToday: 1 });
  });

  it('puts every action in exactly one list of one digest, keeping the order it came in', () => {
    const partnerIds = ['a', 'b', 'c', 'd', 'e'];
    const actionArb = fc
      .tuple(fc.constantFrom(...partnerIds), fc.integer({ min: -40, max: 0 }))
      .map(([p, offset]) => action(p, addDays(TODAY, offset)));
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (due) => {
        const sorted = [...due].sort((x, y) => x.dueDate.localeCompare(y.dueDate));
        const digests = composeDigests({
          today: TODAY,
          weekEnd: '2026-02-08',
          ownerByPartner: owners,
          dueByToday: sorted,
          laterThisWeek: [],
          plansAtRisk: [],
          needsAttention: [],
        });
        const listed = digests.flatMap((d) => [...d.overdue, ...d.dueToday]);
        expect(listed.map((a) => a.id).sort()).toEqual(sorted.map((a) => a.id).sort());
        for (const d of digests) {
          expect(d.overdue.every((a) => a.dueDate < TODAY)).toBe(true);
          expect(d.dueToday.every((a) => a.dueDate === TODAY)).toBe(true);
          const order = sorted.filter((a) => ownerKey(owners.get(a.partnerId)) === ownerKey(d.owner)).map((a) => a.id);
          expect([...d.overdue, ...d.dueToday].map((a) => a.id)).toEqual(order);
        }
      }),
    );
  });

  it('finds an owner without anything as an empty digest', () => {
    const empty = digestFor([], 'Marco', TODAY, '2026-02-08');
    expect(empty.owner).toBe('Marco');
    expect(isDigestEmpty(empty)).toBe(true);
    expect(renderDigestText(empty, null).trim().split('\n')).toEqual([
      'Partner list for Marco — Wednesday 2026-02-04',
      'Nothing for Marco this week: no actions due, no plans at risk, no partners needing attention.',
    ]);
  });
});

describe('renderDigestText', () => {
  it('lists each section with its count, cuts long ones with "and N more", and links into the app', () => {
    const due = Array.from({ length: DIGEST_SECTION_LIMIT + 3 }, (_, i) =>
      action('a', addDays(TODAY, -1 - i), { repName: 'Riley', notes: `note ${i}` }),
    );
    const [digest] = composeDigests({
      today: TODAY,
      weekEnd: '2026-02-08',
      ownerByPartner: new Map([['a', 'Dana']]),
      dueByToday: due,
      laterThisWeek: [],
      plansAtRisk: [],
      needsAttention: [],
    });
    const text = renderDigestText(digest!, 'https://tracker.example.com/');
    expect(text).toContain(`Overdue (${due.length})`);
    expect(text).toContain(
      '- Riley (Partner a) — Follow-up: note 0 (due 2026-02-03, 1 day overdue) https://tracker.example.com/partners/a',
    );
    expect(text).not.toContain(`note ${DIGEST_SECTION_LIMIT}`);
    expect(text).toContain('…and 3 more: https://tracker.example.com/');
  });
});

describe('actionLine', () => {
  it('names the rep and partner, and shows the start of long notes on one line', () => {
    expect(actionLine(action('a', TODAY, { repName: 'Riley', notes: 'Send the deck' }))).toBe(
      'Riley (Partner a) — Follow-up: Send the deck',
    );
    expect(actionLine(action('a', TODAY, { type: 'Co-Marketing' }))).toBe('Partner a — Co-Marketing');
    const line = actionLine(action('a', TODAY, { notes: `first\n\nsecond ${'x'.repeat(3000)}` }));
    expect(line.startsWith('Partner a — Follow-up: first second x')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBe('Partner a — Follow-up: '.length + DIGEST_NOTES_MAX);
  });
});

describe('digestSchedule', () => {
  it('is a weekly cron line in the workspace time zone, or null when off or malformed', () => {
    const on = { scheduleEnabled: true, scheduleWeekday: 1, scheduleTime: '08:30', timeZone: 'Europe/Paris' };
    expect(digestSchedule(on)).toEqual({ cron: '30 8 * * 1', tz: 'Europe/Paris' });
    expect(digestSchedule({ ...on, scheduleWeekday: 0, scheduleTime: '00:00' })).toEqual({
      cron: '0 0 * * 0',
      tz: 'Europe/Paris',
    });
    expect(digestSchedule({ ...on, scheduleEnabled: false })).toBeNull();
    expect(digestSchedule({ ...on, scheduleTime: '24:00' })).toBeNull();
    expect(digestSchedule({ ...on, scheduleWeekday: 7 })).toBeNull();
  });
});
