import { Alert, Badge, Button, Collapse, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { PARTNER_RECORD_LABELS } from '@ptrack/catalog';
import type { PlanDto } from '@ptrack/contracts';
import { useId, useState } from 'react';
import { daysBetween, formatShortDate } from '../../../lib/dates';
import { labelOf, METRIC_LABELS, PLAN_STATUS_COLORS, PLAN_STATUS_LABELS } from '../../../lib/labels';
import { Can } from '../../auth/components/can';
import { usePlans } from '../hooks/use-partner-page';
import { PlanFormDialog } from './plan-form-dialog';
import { SectionCard } from './section-card';

export function PlanStatusBadge({ status, testId }: { status: PlanDto['effectiveStatus']; testId?: string }) {
  return (
    <Badge color={PLAN_STATUS_COLORS[status]} variant="filled" tt="none" data-testid={testId} data-status={status}>
      {labelOf(PLAN_STATUS_LABELS, status)}
    </Badge>
  );
}

function CurrentPlan({ plan, today }: { plan: PlanDto; today: string }) {
  const percent = Math.min(100, Math.round((plan.progress / Math.max(plan.target, 1)) * 100));
  const left = daysBetween(today, plan.endDate);
  const metric = labelOf(METRIC_LABELS, plan.metric).toLowerCase();
  return (
    <Stack gap="xs" data-testid="current-plan">
      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
        {plan.goal}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">Status</Text>
        <PlanStatusBadge status={plan.effectiveStatus} testId="plan-status" />
        {plan.status !== null && plan.status !== plan.suggestedStatus ? (
          <Text size="sm" c="gray.7" data-testid="plan-suggested">
            set by you · suggested: <PlanStatusBadge status={plan.suggestedStatus} />
          </Text>
        ) : plan.status === null ? (
          <Text size="xs" c="gray.7">
            (suggested)
          </Text>
        ) : null}
      </Group>
      <div>
        <Group justify="space-between" gap="xs">
          <Text size="sm" id="plan-progress-label">
            {plan.progress} of {plan.target} {metric}
          </Text>
          <Text size="sm" c="gray.7">
            {percent}%
          </Text>
        </Group>
        <Progress
          value={percent}
          color={PLAN_STATUS_COLORS[plan.effectiveStatus]}
          aria-labelledby="plan-progress-label"
          data-testid="plan-progress"
          size="lg"
        />
      </div>
      <Text size="sm" c="gray.7">
        {formatShortDate(plan.startDate)} – {formatShortDate(plan.endDate)} ·{' '}
        {left > 0 ? `${left} days left` : left === 0 ? 'ends today' : `ended ${-left} days ago`}
      </Text>
    </Stack>
  );
}

function PastPlans({ plans }: { plans: PlanDto[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (plans.length === 0) return null;
  return (
    <div>
      <Button variant="subtle" size="xs" px={0} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide' : 'Show'} past plans ({plans.length})
      </Button>
      <Collapse expanded={open} id={id}>
        <Stack gap={6} mt="xs" component="ul" p={0} style={{ listStyle: 'none' }} data-testid="past-plans">
          {plans.map((p) => (
            <Group key={p.id} component="li" gap="xs" wrap="wrap">
              <PlanStatusBadge status={p.effectiveStatus} />
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {p.goal}
              </Text>
              <Text size="xs" c="gray.7">
                {p.progress}/{p.target} · {formatShortDate(p.startDate)} – {formatShortDate(p.endDate)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Collapse>
    </div>
  );
}

/** The current 90-day test and the past ones (docs/RULES.md: test partners with 90-day plans). */
export function PlanSection({ partnerId, partnerName, today }: { partnerId: string; partnerName: string; today: string }) {
  const plans = usePlans(partnerId);
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);
  const items = plans.data?.items ?? [];
  const current = items.find((p) => p.isCurrent) ?? null;
  const past = items.filter((p) => p !== current);
  return (
    <SectionCard
      title={PARTNER_RECORD_LABELS.plan}
      testId="section-plan"
      actions={
        <Can permission="partners:write">
          <Group gap="xs">
            {current ? (
              <Button variant="light" size="xs" onClick={() => setDialog('edit')}>
                Edit plan
              </Button>
            ) : null}
            <Button variant={current ? 'default' : 'filled'} size="xs" onClick={() => setDialog('new')}>
              New plan
            </Button>
          </Group>
        </Can>
      }
    >
      {plans.isPending ? (
        <Loader size="sm" aria-label="Loading plans" />
      ) : plans.error ? (
        <Alert color="red" title="Plans could not be loaded" role="alert">
          {plans.error.message}
        </Alert>
      ) : (
        <Stack gap="sm">
          {current ? (
            <CurrentPlan plan={current} today={today} />
          ) : (
            <Text size="sm" c="gray.7" data-testid="no-plan">
              No current plan. Start a 90-day test: a goal, a metric and a target.
            </Text>
          )}
          <PastPlans plans={past} />
        </Stack>
      )}
      {dialog ? (
        <PlanFormDialog
          partnerId={partnerId}
          partnerName={partnerName}
          plan={dialog === 'edit' ? current : null}
          today={today}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </SectionCard>
  );
}
