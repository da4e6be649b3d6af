import type { TodayActionDto } from '@ptrack/contracts';
import { useState } from 'react';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import type { SnoozeChoice } from '../components/snooze-menu';
import { useSnoozeAction } from './use-action-mutations';

/**
 * Snooze from a row's menu: a number of days snoozes at once; "pick a date" asks `onPick` to open the
 * date dialog. One row's menu is open at a time (`menuFor`).
 */
export function useSnoozeChoice(onPick: (action: TodayActionDto) => void) {
  const mutation = useSnoozeAction();
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const choose = (action: TodayActionDto, choice: SnoozeChoice) => {
    setMenuFor(null);
    if (choice === 'pick') {
      mutation.reset();
      onPick(action);
      return;
    }
    mutation.mutate(
      { id: action.id, body: { version: action.version, ...choice } },
      {
        onSuccess: (moved) =>
          notifySuccess(
            'Snoozed',
            `${moved.type} with ${moved.repName ?? moved.partnerName} moved to ${formatDay(moved.dueDate)}`,
          ),
        onError: (e) => notifyError(e),
      },
    );
  };
  return { mutation, menuFor, setMenuFor, choose };
}

export type SnoozeChoiceState = ReturnType<typeof useSnoozeChoice>;
