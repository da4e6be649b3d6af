import { Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { REP_FIELD_LABELS } from '@ptrack/catalog';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../api/client';
import { formatDay } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { FormActions } from '../../../ui/form-actions';
import { useCreateRep } from '../hooks/use-partner-page';

const TIERS = [
  { value: '', label: 'Not set' },
  { value: '1', label: 'Tier 1: active deals' },
  { value: '2', label: 'Tier 2: engaged' },
  { value: '3', label: 'Tier 3: warming' },
  { value: '4', label: 'Tier 4: stale' },
];

/** Adds a sales rep to the partner: a name is enough, the rest can come later. */
export function AddRepDialog({ partnerId, partnerName, onClose }: { partnerId: string; partnerName: string; onClose(): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [tier, setTier] = useState('');
  const create = useCreateRep();
  const err = (field: string) => fieldError(create.error, field);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // mutateAsync: the next-steps card that may hold this dialog goes away once the rep is saved, and the
    // message must still show.
    create
      .mutateAsync({
        partnerId,
        name: name.trim(),
        email: email.trim() || null,
        title: title.trim() || null,
        engagementTier: tier ? (Number(tier) as 1 | 2 | 3 | 4) : null,
      })
      .then(
        (rep) => {
          onClose();
          // The server plans a tiered rep's first follow-up; say when, so the rep is not forgotten.
          const next = rep.nextAction;
          notifySuccess(
            'Rep added',
            next
              ? `${rep.name} (${partnerName}): first ${next.type.toLowerCase()} on ${formatDay(next.dueDate)} (Tier ${rep.engagementTier}, every ${rep.cadenceDays} days).`
              : `${rep.name} (${partnerName}). Give them a tier to plan their follow-ups.`,
          );
        },
        (error: unknown) => {
          if (!['name', 'email', 'title', 'engagementTier'].some(err)) notifyError(error);
        },
      );
  };

  return (
    <Modal opened onClose={onClose} title={`Add a rep to ${partnerName}`} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={err('email')}
          />
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} />
          <NativeSelect
            label={REP_FIELD_LABELS.engagementTier}
            data={TIERS}
            value={tier}
            onChange={(e) => setTier(e.currentTarget.value)}
            error={err('engagementTier')}
          />
          <FormActions submitLabel="Add rep" loading={create.isPending} onCancel={onClose} spaced />
        </Stack>
      </form>
    </Modal>
  );
}
