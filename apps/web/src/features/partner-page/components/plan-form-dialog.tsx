import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { PlanDto } from '@ptrack/contracts';
import { type FormEvent, useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { addDays, formatShortDate } from '../../../lib/dates';
import { labelOf, METRIC_LABELS, PLAN_STATUS_LABELS } from '../../../lib/labels';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSavePlan } from '../hooks/use-partner-page';

type Metric = PlanDto['metric'];
type Status = PlanDto['effectiveStatus'];

const METRICS = Object.entries(METRIC_LABELS).map(([value, label]) => ({ value, label }));
const STATUSES = [
  { value: '', label: 'Follow the suggestion' },
  ...Object.entries(PLAN_STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

type PlanFormDialogProps = {
  partnerId: string;
  partnerName: string;
  /** The plan to edit; none to start a new one (which closes the current plan into history). */
  plan: PlanDto | null;
  today: string;
  onClose(): void;
};

/** Starts or changes a 90-day activation plan (docs/RULES.md ActivationPlan: defaults 3 qualified convos). */
export function PlanFormDialog({ partnerId, partnerName, plan, today, onClose }: PlanFormDialogProps) {
  const [goal, setGoal] = useState(plan?.goal ?? '');
  const [metric, setMetric] = useState<Metric>(plan?.metric ?? 'qualified-conversations');
  const [target, setTarget] = useState(String(plan?.target ?? 3));
  const [startDate, setStartDate] = useState(plan?.startDate ?? today);
  const [endDate, setEndDate] = useState(plan?.endDate ?? '');
  const [status, setStatus] = useState<string>(plan?.status ?? '');
  const save = useSavePlan(partnerId);
  const err = (field: string) => fieldError(save.error, field);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      goal: goal.trim(),
      metric,
      target: Number(target),
      startDate,
      status: status === '' ? null : (status as Status),
    };
    const input = plan
      ? { id: plan.id, body: { ...common, version: plan.version, ...(endDate ? { endDate } : {}) } }
      : { id: null, body: { ...common, partnerId } };
    save.mutate(input, {
      onSuccess: () => {
        onClose();
        notifySuccess(plan ? 'Plan saved' : '90-day plan started');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          notifyError(error, 'The plan changed');
          onClose();
        } else if (!['goal', 'metric', 'target', 'startDate', 'endDate', 'status'].some(err)) notifyError(error);
      },
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={plan ? `Edit the 90-day plan of ${partnerName}` : `New 90-day plan for ${partnerName}`}
      size="md"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Textarea
            label="Goal"
            withAsterisk
            placeholder={`3 qualified convos from ${partnerName} reps`}
            autosize
            minRows={2}
            value={goal}
            onChange={(e) => setGoal(e.currentTarget.value)}
            error={err('goal')}
            data-autofocus
          />
          <Group grow align="flex-start">
            <NativeSelect
              label="Metric"
              data={METRICS}
              value={metric}
              onChange={(e) => setMetric(e.currentTarget.value as Metric)}
              error={err('metric')}
            />
            <TextInput
              label="Target"
              type="number"
              min={1}
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
              error={err('target')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="Start date"
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              error={err('startDate')}
              description={
                !plan && /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? `Ends ${formatShortDate(addDays(startDate, 90))}` : undefined
              }
            />
            {plan ? (
              <TextInput
                label="End date"
                type="date"
                value={endDate}
                onChange={(e) => setEndDate(e.currentTarget.value)}
                error={err('endDate')}
              />
            ) : null}
          </Group>
          <NativeSelect
            label="Status"
            description={
              plan
                ? `Suggested now: ${labelOf(PLAN_STATUS_LABELS, plan.suggestedStatus)}`
                : 'A status you set stands; the suggestion stays visible beside it'
            }
            data={STATUSES}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            error={err('status')}
          />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {plan ? 'Save plan' : 'Start plan'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
