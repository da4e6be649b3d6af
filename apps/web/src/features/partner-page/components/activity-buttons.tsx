import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { Can } from '../../auth/components/can';
import { LogTouchDialog } from '../../touches/components/log-touch-dialog';
import { AddActionDialog } from './add-action-dialog';
import type { AddRecordDialogProps } from './add-record-dialog-props';
import { AddReferralDialog } from './add-referral-dialog';

type ActivityButtonsProps = Omit<AddRecordDialogProps, 'onClose'>;

/** The page's quick actions: log a touch, add an action, add an intro — each a small dialog. */
export function ActivityButtons(props: ActivityButtonsProps) {
  const [open, setOpen] = useState<'touch' | 'action' | 'referral' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Can permission="partners:write">
        <Group gap="xs" wrap="wrap">
          <Button size="sm" onClick={() => setOpen('touch')}>
            Log touch
          </Button>
          <Button size="sm" variant="default" onClick={() => setOpen('action')}>
            Add action
          </Button>
          <Button size="sm" variant="default" onClick={() => setOpen('referral')}>
            Add intro
          </Button>
        </Group>
      </Can>
      {open === 'touch' ? (
        <LogTouchDialog
          opening={{ from: 'partner', partnerId: props.partnerId, who: props.title, reps: props.reps, repId: props.repId }}
          today={props.today}
          onClose={close}
        />
      ) : null}
      {open === 'action' ? <AddActionDialog {...props} onClose={close} /> : null}
      {open === 'referral' ? <AddReferralDialog {...props} onClose={close} /> : null}
    </>
  );
}
