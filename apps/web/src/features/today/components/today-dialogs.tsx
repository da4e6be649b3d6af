import type { TodayActionDto } from '@ptrack/contracts';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { LogTouchDialog } from '../../touches/components/log-touch-dialog';
import type { SnoozeChoiceState } from '../hooks/use-snooze-choice';
import type { TodayData } from '../hooks/use-today';
import { RescheduleOverdueDialog } from './reschedule-overdue-dialog';
import { SnoozeDateDialog } from './snooze-date-dialog';

export type TodayDialog = { kind: 'done' | 'log' | 'snooze-date'; action: TodayActionDto } | { kind: 'reschedule' } | null;

type TodayDialogsProps = { dialog: TodayDialog; data: TodayData; snooze: SnoozeChoiceState['mutation']; onClose(): void };

/** The dialog open over Today, if any: Done, Log touch, snooze to a date, or reschedule the overdue. */
export function TodayDialogs({ dialog, data, snooze, onClose }: TodayDialogsProps) {
  if (dialog === null) return null;
  if (dialog.kind === 'reschedule')
    return <RescheduleOverdueDialog count={data.overdueCount} today={data.today} onClose={onClose} />;
  if (dialog.kind === 'done' || dialog.kind === 'log') {
    return (
      <LogTouchDialog
        opening={{ from: dialog.kind === 'done' ? 'done' : 'action', action: dialog.action }}
        today={data.today}
        onClose={onClose}
      />
    );
  }
  const { action } = dialog;
  return (
    <SnoozeDateDialog
      action={action}
      today={data.today}
      busy={snooze.isPending}
      error={fieldError(snooze.error, 'until')}
      onClose={onClose}
      onSnooze={(until) =>
        snooze.mutate(
          { id: action.id, body: { version: action.version, until } },
          {
            onSuccess: (moved) => {
              onClose();
              notifySuccess('Snoozed', `Moved to ${formatDay(moved.dueDate)}`);
            },
            onError: (e) => {
              if (!fieldError(e, 'until')) notifyError(e);
            },
          },
        )
      }
    />
  );
}
