import type { ActionDto, HistoryEntryDto, ReferralDto, TouchDto } from '@ptrack/contracts';
import { describe, expect, it } from 'vitest';
import { actionEntry, formatValue, historyEntry, referralEntry, touchEntry } from './timeline-entries';

const meta = { createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', version: 1 };
const names: Record<string, string> = { r1: 'Ada Rinaldi' };
const repName = (id: string | null) => (id ? (names[id] ?? null) : null);

const history = (over: Partial<HistoryEntryDto>): HistoryEntryDto => ({
  id: 7,
  at: '2026-03-02T10:00:00.000Z',
  actor: 'Dana',
  source: 'api',
  entityType: 'partner',
  entityId: 'p1',
  operation: 'update',
  field: 'owner',
  before: null,
  after: 'Dana',
  ...over,
});

describe('timeline entries', () => {
  it('says who a touch was with and which way it went', () => {
    const touch: TouchDto = {
      ...meta,
      id: 't1',
      partnerId: 'p1',
      repId: 'r1',
      kind: 'in-person-visit',
      direction: 'inbound',
      occurredAt: '2026-03-02T09:00:00Z',
      summary: 'Lunch',
    };
    expect(touchEntry(touch, repName)).toMatchObject({
      kind: 'touch',
      title: 'In-person visit from Ada Rinaldi',
      detail: 'Lunch',
    });
    expect(touchEntry({ ...touch, repId: null, direction: 'outbound', kind: 'email' }, repName).title).toBe(
      'Email to the partner',
    );
  });

  it('puts a done action where it was closed and an open one where it is due', () => {
    const action = {
      ...meta,
      id: 'a1',
      partnerId: 'p1',
      partnerName: 'Acme',
      repId: 'r1',
      repName: 'Ada Rinaldi',
      repTier: 2,
      repIsJordan: false,
      dueDate: '2026-03-05',
      type: 'Follow-up',
      notes: null,
      completedAt: null,
      daysOverdue: 1,
    } satisfies Omit<ActionDto, 'status'>;
    expect(actionEntry({ ...action, status: 'open' })).toMatchObject({
      at: '2026-03-05',
      title: 'Follow-up',
      meta: 'with Ada Rinaldi · 1 day overdue',
    });
    expect(actionEntry({ ...action, status: 'done', completedAt: '2026-03-06T08:00:00.000Z' })).toMatchObject({
      at: '2026-03-06T08:00:00.000Z',
      title: 'Follow-up done',
    });
  });

  it('gives an intro its account, stage and amount', () => {
    const referral: ReferralDto = {
      ...meta,
      id: 'f1',
      partnerId: 'p1',
      repId: 'r1',
      accountId: 'c1',
      accountName: 'Globex',
      introducedAt: '2026-03-03',
      stage: 'deal',
      amountMinor: 1250000,
      expectedCloseDate: null,
      hubspotDealId: null,
      notes: null,
    };
    const entry = referralEntry(referral, repName, 'USD');
    expect(entry).toMatchObject({ kind: 'referral', at: '2026-03-03', title: 'Intro to Globex' });
    expect(entry.meta).toMatch(/^Deal · .*12,500 · by Ada Rinaldi$/);
  });

  it('shows changed fields of the partner, its reps and plans, and leaves out what has its own entry', () => {
    expect(historyEntry(history({}), repName)).toMatchObject({
      title: 'Owner changed',
      detail: '(empty) → Dana',
      meta: 'by Dana',
    });
    expect(
      historyEntry(history({ entityType: 'rep', entityId: 'r1', field: 'responsive', before: false, after: true }), repName),
    ).toMatchObject({
      title: 'Ada Rinaldi: Responsive changed',
      detail: 'No → Yes',
    });
    expect(
      historyEntry(history({ entityType: 'rep', operation: 'create', field: null, after: { name: 'Bo' } }), repName)?.title,
    ).toBe('Rep added: Bo');
    expect(historyEntry(history({ entityType: 'touch', operation: 'create', field: null }), repName)).toBeNull();
    expect(historyEntry(history({ entityType: 'action', field: 'status' }), repName)).toBeNull();
  });

  it('writes stored values as short text', () => {
    expect(
      formatValue([
        { id: '1', name: 'Acme' },
        { id: '2', name: 'Globex' },
      ]),
    ).toBe('Acme, Globex');
    expect(formatValue([])).toBe('(none)');
    expect(formatValue('x'.repeat(200))).toHaveLength(140);
  });
});
