import { plural } from '@ptrack/catalog';
import type { CompleteActionRequest, LogTouchRequest, RepDto, TodayActionDto } from '@ptrack/contracts';
import type { TouchDirection, TouchKind } from '../../ui/touch-fields';

/** Where the log-touch dialog opens; it decides who the touch is with and what comes next. */
export type TouchOpening =
  /** Today's "Log touch" on an action: with the action's rep (or its partner), fixed. */
  | { from: 'action'; action: TodayActionDto }
  /** Today's "Done": completes the action, may log what happened, and confirms the next action. */
  | { from: 'done'; action: TodayActionDto }
  /** The partner page, the rep page (`repId` fixed) and the weekly review: one of the partner's reps, or none. */
  | { from: 'partner'; partnerId: string; who: string; reps: RepDto[]; repId?: string };

/** The follow-up a touch with the rep schedules by default, as the server computed it. */
export type SuggestedNext = { dueDate: string; cadenceDays: number; cadenceTier: number };

/** The rep a touch is with, as far as the dialog needs it (`next`: the server's suggested follow-up). */
export type TouchRep = { id: string; name: string; tier: number | null; next: SuggestedNext | null };

export type TouchDraft = { kind: TouchKind; direction: TouchDirection; summary: string };

export const EMPTY_TOUCH: TouchDraft = { kind: 'email', direction: 'outbound', summary: '' };

function actionWho(action: TodayActionDto): string {
  return action.repName ? `${action.repName} (${action.partnerName})` : action.partnerName;
}

export function titleOf(opening: TouchOpening): string {
  if (opening.from === 'done') return `Done: ${opening.action.type} with ${actionWho(opening.action)}`;
  return `Log touch with ${opening.from === 'action' ? actionWho(opening.action) : opening.who}`;
}

export function partnerIdOf(opening: TouchOpening): string {
  return opening.from === 'partner' ? opening.partnerId : opening.action.partnerId;
}

/** Whether the user picks the rep (the partner page and the review, unless the rep page fixed one). */
export function choosesRep(opening: TouchOpening): opening is Extract<TouchOpening, { from: 'partner' }> {
  return opening.from === 'partner' && opening.repId === undefined;
}

/** The rep the touch is with: the action's, the fixed one, or the one picked (`chosenId`, '' for none). */
export function repOf(opening: TouchOpening, chosenId: string): TouchRep | null {
  if (opening.from !== 'partner') {
    const { repId, repName, repTier, suggestedNextDueDate, cadenceDays, cadenceTier } = opening.action;
    if (!repId) return null;
    const next =
      suggestedNextDueDate !== null && cadenceDays !== null && cadenceTier !== null
        ? { dueDate: suggestedNextDueDate, cadenceDays, cadenceTier }
        : null;
    return { id: repId, name: repName ?? '', tier: repTier, next };
  }
  const rep = opening.reps.find((r) => r.id === (opening.repId ?? chosenId));
  if (!rep) return null;
  const next = { dueDate: rep.suggestedNextDueDate, cadenceDays: rep.cadenceDays, cadenceTier: rep.cadenceTier };
  return { id: rep.id, name: rep.name, tier: rep.engagementTier, next };
}

/** The date the dialog suggests: the server's cadence date for the rep, or none (empty) without one. */
export function suggestedDateOf(rep: TouchRep | null): string {
  return rep?.next?.dueDate ?? '';
}

/** The hint under "Next follow-up": the cadence that sets the date shown, or what an empty date means. */
export function followUpHint(rep: TouchRep | null): string {
  return rep?.next
    ? `At the Tier ${rep.next.cadenceTier} cadence (every ${rep.next.cadenceDays} days) unless you change it`
    : 'No rep: pick a date to schedule a follow-up, or leave it empty';
}

/** The hint under Done's "Due". */
export function nextActionHint(rep: TouchRep | null): string {
  return rep?.next
    ? `${rep.tier ? '' : 'No tier: '}Tier ${rep.next.cadenceTier} cadence, every ${plural(rep.next.cadenceDays, 'day')}`
    : 'No rep: leave the date empty to schedule nothing';
}

function touchOf(draft: TouchDraft) {
  return { kind: draft.kind, direction: draft.direction, summary: draft.summary.trim() || undefined };
}

/**
 * The request for a touch logged now. The server schedules the rep's next follow-up at the cadence by
 * itself, so a date is sent only when the user changed the suggested one (or asked for none).
 */
export function logTouchRequest(
  partnerId: string,
  rep: TouchRep | null,
  draft: TouchDraft,
  next: { date: string; suggested: string; skip: boolean },
): LogTouchRequest {
  const schedule =
    rep && next.skip ? { skip: true } : next.date && next.date !== next.suggested ? { dueDate: next.date } : undefined;
  return { partnerId, repId: rep?.id ?? null, ...touchOf(draft), next: schedule };
}

/** The request for Done: the next action (or none), and the touch when "Log what happened" is ticked. */
export function completeRequest(
  action: TodayActionDto,
  touch: TouchDraft | null,
  next: { skip: true } | { dueDate: string; type: string; notes: string },
): CompleteActionRequest {
  const schedule =
    'skip' in next ? next : { dueDate: next.dueDate || undefined, type: next.type, notes: next.notes.trim() || undefined };
  return { version: action.version, next: schedule, touch: touch ? touchOf(touch) : undefined };
}

/** The server's field errors each dialog shows beside its field (anything else is a notification). */
export const SHOWN_FIELDS = {
  touch: ['summary', 'dueDate', 'repId'],
  done: ['dueDate', 'type', 'notes', 'touch.summary'],
} as const;
