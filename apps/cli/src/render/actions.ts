import type { ActionDto } from '@ptrack/contracts';
import { color, repBadge, shortId, weekday } from './format';

/** "Follow-up on 2026-02-11 (Wednesday)" */
export function dueOn(action: Pick<ActionDto, 'type' | 'dueDate'>): string {
  return `${action.type} on ${action.dueDate} (${weekday(action.dueDate)})`;
}

/** Who an action is about: "Jane Doe (T1 ★)", or the partner alone. */
export function actionWho(action: ActionDto): string {
  return action.repName ? `${action.repName} (${repBadge(action.repTier, action.repIsJordan)})` : 'the partner';
}

/** One line naming an action fully: "Follow-up — Jane Doe (Acme), due 2026-02-11". */
export function describeAction(action: ActionDto): string {
  const who = action.repName ? `${action.repName} (${action.partnerName})` : action.partnerName;
  return `${action.type} — ${who}, due ${action.dueDate}`;
}

/** "Next: Follow-up on 2026-02-11 (Wednesday)" or a note that nothing is scheduled. */
export function nextLine(next: ActionDto | null): string {
  if (!next) return 'No next action scheduled.';
  return `Next: ${color.bold(dueOn(next))} ${color.dim(`[${shortId(next.id)}]`)}`;
}
