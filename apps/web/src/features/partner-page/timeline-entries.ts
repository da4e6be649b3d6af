import type { ActionDto, HistoryEntryDto, ReferralDto, TouchDto } from '@ptrack/contracts';
import { formatShortDate } from '../../lib/dates';
import { labelOf, STAGE_LABELS, TOUCH_KIND_LABELS } from '../../lib/labels';
import { formatMinor } from '../../lib/money';
import type { TimelineEntry } from '../../ui/timeline/merge-timeline';
import { fieldLabel } from './field-specs';

// Records of the API → timeline entries. Touches, actions and referrals have their own entries, so the
// history only adds what they do not say: changed fields, reps and plans added or removed, deletions.

type RepName = (repId: string | null) => string | null;

export function touchEntry(touch: TouchDto, repName: RepName): TimelineEntry {
  const who = repName(touch.repId);
  const kind = labelOf(TOUCH_KIND_LABELS, touch.kind);
  const title = touch.direction === 'inbound' ? `${kind} from ${who ?? 'the partner'}` : `${kind} to ${who ?? 'the partner'}`;
  return { id: `touch-${touch.id}`, kind: 'touch', at: touch.occurredAt, title, detail: touch.summary };
}

/** A done or skipped action sits where it was closed; an open one where it is due (the "planned" list). */
export function actionEntry(action: ActionDto): TimelineEntry {
  const who = action.repName ? `with ${action.repName}` : null;
  if (action.status === 'open') {
    return {
      id: `action-${action.id}`,
      kind: 'action',
      at: action.dueDate,
      title: action.type,
      meta:
        [who, action.daysOverdue > 0 ? `${action.daysOverdue} ${action.daysOverdue === 1 ? 'day' : 'days'} overdue` : null]
          .filter(Boolean)
          .join(' · ') || null,
      detail: action.notes,
    };
  }
  return {
    id: `action-${action.id}`,
    kind: 'action',
    at: action.completedAt ?? action.dueDate,
    title: `${action.type} ${action.status === 'done' ? 'done' : 'skipped'}`,
    meta: [who, `was due ${formatShortDate(action.dueDate)}`].filter(Boolean).join(' · '),
    detail: action.notes,
  };
}

export function referralEntry(referral: ReferralDto, repName: RepName, currency: string): TimelineEntry {
  const who = repName(referral.repId);
  const meta = [
    labelOf(STAGE_LABELS, referral.stage),
    referral.amountMinor !== null ? formatMinor(referral.amountMinor, currency) : null,
    who ? `by ${who}` : null,
  ];
  return {
    id: `referral-${referral.id}`,
    kind: 'referral',
    at: referral.introducedAt,
    title: `Intro to ${referral.accountName ?? 'an account'}`,
    meta: meta.filter(Boolean).join(' · '),
    detail: referral.notes,
  };
}

/** A stored value as a short line of text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value
      .map((v) => (typeof v === 'object' && v !== null && 'name' in v ? String((v as { name: unknown }).name) : formatValue(v)))
      .join(', ');
  }
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function nameIn(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'name' in value ? String((value as { name: unknown }).name) : null;
}

const SHOWN_UPDATES = new Set(['partner', 'rep', 'plan', 'referral']);

/** The history entry as a timeline entry, or null when another entry already tells it (a touch logged…). */
export function historyEntry(entry: HistoryEntryDto, repName: RepName): TimelineEntry | null {
  const base = { id: `change-${entry.id}`, kind: 'change' as const, at: entry.at, meta: `by ${entry.actor}` };
  const rep = entry.entityType === 'rep' ? (repName(entry.entityId) ?? nameIn(entry.after) ?? nameIn(entry.before)) : null;
  switch (entry.operation) {
    case 'create':
      if (entry.entityType === 'partner') return { ...base, title: 'Partner added' };
      if (entry.entityType === 'rep') return { ...base, title: `Rep added: ${rep ?? 'a rep'}` };
      if (entry.entityType === 'plan') {
        const goal = (entry.after as { goal?: unknown } | null)?.goal;
        return { ...base, title: '90-day plan started', detail: typeof goal === 'string' ? goal : null };
      }
      return null;
    case 'delete':
      return { ...base, title: `${fieldLabel(entry.entityType)} deleted${rep ? `: ${rep}` : ''}` };
    case 'update': {
      if (!SHOWN_UPDATES.has(entry.entityType) || entry.field === null) return null;
      const subject =
        entry.entityType === 'partner'
          ? ''
          : entry.entityType === 'rep'
            ? `${rep ?? 'Rep'}: `
            : `${fieldLabel(entry.entityType)} `;
      const field = fieldLabel(entry.field);
      return {
        ...base,
        title: `${subject}${entry.entityType === 'partner' || entry.entityType === 'rep' ? field : field.toLowerCase()} changed`,
        detail: `${formatValue(entry.before)} → ${formatValue(entry.after)}`,
      };
    }
    default: {
      const never: never = entry.operation;
      return never;
    }
  }
}
