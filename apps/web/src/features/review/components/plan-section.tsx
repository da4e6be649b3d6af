import { Badge, Group, Progress, Select, Stack, Text } from '@mantine/core';
import type { PlanDto } from '@ptrack/contracts';
import { useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { formatShortDate } from '../../../lib/dates';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { usePlans, useUpdatePlan } from '../hooks/use-review';
import { changedFields, conflictRows } from '../review-queue';
import { PartnerLink } from './partner-link';
import { PLAN_METRIC_LABEL, PLAN_STATUS_LABEL } from './review-labels';

type Status = PlanDto['effectiveStatus'];
// Filled badges with white text: every shade here is at least 4.5:1 (WCAG AA).
const STATUS_COLOR: Record<Status, string> = {
  'on-track': 'teal.9',
  'at-risk': '#9a3b0b',
  delivered: 'blue.9',
  failed: 'red.9',
};
const SUGGESTED = 'suggested';
const PLAN_FIELDS = { goal: 'Goal', target: 'Target', endDate: 'Ends', status: 'Status you set' } as const;

/** The current 90-day plan: goal, progress against the target, and its status (the user's, or the suggestion). */
export function PlanSection({ partnerId }: { partnerId: string }) {
  const plans = usePlans(partnerId);
  const update = useUpdatePlan(partnerId);
  const [conflict, setConflict] = useState<{ status: Status | null; current: PlanDto } | null>(null);
  if (plans.isPending) return <Text size="sm">Loading the plan…</Text>;
  if (plans.error) return <Text size="sm">The plan could not be loaded: {plans.error.message}</Text>;
  const plan = plans.data.items.find((p) => p.isCurrent);
  if (!plan) {
    const last = plans.data.items[0];
    return (
      <Text size="sm" data-testid="plan-none">
        No current 90-day plan
        {last ? ` (the last one ended ${formatShortDate(last.endDate)}: ${PLAN_STATUS_LABEL[last.effectiveStatus]})` : ''}.{' '}
        <PartnerLink id={partnerId} size="sm">
          Start one on the partner page
        </PartnerLink>
      </Text>
    );
  }

  const save = (status: Status | null, version = plan.version) =>
    update.mutate(
      { id: plan.id, body: { version, status } },
      {
        onSuccess: () => {
          setConflict(null);
          notifySuccess('Plan status saved');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict({ status, current: error.current as PlanDto });
          } else if (!fieldError(error, 'status')) notifyError(error);
        },
      },
    );

  const suggestion = PLAN_STATUS_LABEL[plan.suggestedStatus];
  const data = [
    { value: SUGGESTED, label: `Follow the suggestion (${suggestion})` },
    ...Object.entries(PLAN_STATUS_LABEL).map(([value, label]) => ({ value, label })),
  ];
  return (
    <Stack gap={6} data-testid="plan">
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500}>
          {plan.goal}
        </Text>
        <Badge color={STATUS_COLOR[plan.effectiveStatus]} variant="filled" tt="none" style={{ flexShrink: 0 }}>
          {PLAN_STATUS_LABEL[plan.effectiveStatus]}
        </Badge>
      </Group>
      <Progress
        value={Math.min(100, (plan.progress / plan.target) * 100)}
        aria-label={`Plan progress: ${plan.progress} of ${plan.target}`}
        color={STATUS_COLOR[plan.effectiveStatus]}
      />
      <Text size="xs" c="gray.7">
        {plan.progress} of {plan.target} {PLAN_METRIC_LABEL[plan.metric]} · {formatShortDate(plan.startDate)} –{' '}
        {formatShortDate(plan.endDate)}
      </Text>
      <Select
        label="Plan status"
        data={data}
        value={plan.status ?? SUGGESTED}
        onChange={(value) => save(value === SUGGESTED || value === null ? null : (value as Status))}
        allowDeselect={false}
        disabled={update.isPending}
        error={fieldError(update.error, 'status')}
      />
      {conflict ? (
        <ConflictDialog
          testId="review-conflict"
          columns={['before', 'theirs']}
          title="Someone changed this plan since you opened it"
          intro="Your status was not saved. This is what changed:"
          rows={conflictRows(changedFields(plan, conflict.current, PLAN_FIELDS))}
          mine={{ label: 'Status', value: conflict.status ? PLAN_STATUS_LABEL[conflict.status] : `Follow the suggestion` }}
          applyLabel="Apply mine"
          keepLabel="Keep theirs"
          applying={update.isPending}
          onApply={() => save(conflict.status, conflict.current.version)}
          onKeepTheirs={() => {
            setConflict(null);
            void plans.refetch();
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </Stack>
  );
}
