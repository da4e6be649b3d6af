import { Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { ReferralDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { STAGE_LABELS } from '../../../lib/labels';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { RepSelect } from '../../../ui/rep-select';
import { useSettings } from '../../settings/hooks/use-settings';
import { useCreateReferral } from '../hooks/use-partner-page';
import type { AddRecordDialogProps } from './add-record-dialog-props';
import { NotesTextarea } from './notes-textarea';

type Stage = ReferralDto['stage'];
const STAGES = Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }));

/** The currency's minor digits (2 for USD, 0 for JPY): an amount typed in units becomes minor units. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Records an intro (docs/RULES.md Referral): the record behind every performance figure. */
export function AddReferralDialog({ partnerId, title, reps, repId: fixedRep, today, onClose }: AddRecordDialogProps) {
  const currency = useSettings().data?.currency ?? 'USD';
  const [repId, setRepId] = useState(fixedRep ?? '');
  const [account, setAccount] = useState('');
  const [introducedAt, setIntroducedAt] = useState(today);
  const [stage, setStage] = useState<Stage>('intro');
  const [amount, setAmount] = useState('');
  const [expectedCloseDate, setExpectedCloseDate] = useState('');
  const [notes, setNotes] = useState('');
  const create = useCreateReferral();
  const err = (field: string) => fieldError(create.error, field);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const units = Number(amount);
    const amountMinor = amount.trim() === '' || Number.isNaN(units) ? null : Math.round(units * 10 ** minorDigits(currency));
    create.mutate(
      {
        partnerId,
        repId: repId || null,
        account: account.trim() || null,
        introducedAt,
        stage,
        amountMinor,
        expectedCloseDate: expectedCloseDate || null,
        notes: notes.trim() || undefined,
      },
      {
        onSuccess: (referral) => {
          onClose();
          notifySuccess('Intro added', referral.accountName ?? undefined);
        },
        onError: (error) => {
          if (!['account', 'introducedAt', 'stage', 'amountMinor', 'expectedCloseDate', 'notes', 'repId'].some(err))
            notifyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Add an intro from ${title}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {fixedRep ? null : <RepSelect reps={reps} value={repId} onChange={setRepId} error={err('repId')} />}
          <TextInput
            label="Account"
            placeholder="The company introduced"
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
            error={err('account')}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              label="Introduced on"
              type="date"
              withAsterisk
              value={introducedAt}
              onChange={(e) => setIntroducedAt(e.currentTarget.value)}
              error={err('introducedAt')}
            />
            <NativeSelect
              label="Stage"
              data={STAGES}
              value={stage}
              onChange={(e) => setStage(e.currentTarget.value as Stage)}
              error={err('stage')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={`Amount (${currency})`}
              type="number"
              min={0}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={err('amountMinor')}
            />
            <TextInput
              label="Expected close"
              type="date"
              value={expectedCloseDate}
              onChange={(e) => setExpectedCloseDate(e.currentTarget.value)}
              error={err('expectedCloseDate')}
            />
          </Group>
          <NotesTextarea value={notes} onChange={setNotes} error={err('notes')} />
          <FormActions submitLabel="Add intro" loading={create.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
