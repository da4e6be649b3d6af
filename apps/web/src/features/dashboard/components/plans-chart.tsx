import { Group, Stack, Text } from '@mantine/core';
import type { DashboardDto } from '@ptrack/contracts';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { describeSlices, planSlices, sumOf } from '../dashboard-figures';
import { ChartCard, ChartTable } from './chart-card';

/** Every partner once: the status of its current 90-day plan, or no plan (docs/RULES.md ActivationPlan). */
export function PlansChart({ plans }: { plans: DashboardDto['plansByStatus'] }) {
  const slices = planSlices(plans);
  const total = sumOf(slices);
  const withPlan = total - plans.none;
  const summary = `90-day plans by status: ${describeSlices(slices)}.`;
  return (
    <ChartCard title="90-day plans" description={`${withPlan} of ${total} partners are on a 90-day plan`} testId="plans-chart">
      <Group gap="lg" wrap="nowrap" align="center">
        <div role="img" aria-label={summary} style={{ width: 160, height: 160, flex: 'none' }}>
          <ResponsiveContainer width="100%" height="100%">
            <PieChart accessibilityLayer={false}>
              <Pie
                data={slices.filter((s) => s.value > 0)}
                dataKey="value"
                nameKey="label"
                innerRadius={48}
                outerRadius={76}
                paddingAngle={1}
                stroke="#fff"
                isAnimationActive={false}
              >
                {slices
                  .filter((s) => s.value > 0)
                  .map((s) => (
                    <Cell key={s.key} fill={s.color} />
                  ))}
              </Pie>
              <Tooltip formatter={(value, name) => [value, name]} />
            </PieChart>
          </ResponsiveContainer>
        </div>
        {/* The legend carries the numbers, so nobody has to read them off the donut. */}
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0, flex: 1 }} aria-hidden>
          {slices.map((s) => (
            <Group key={s.key} component="li" gap="xs" wrap="nowrap" justify="space-between" data-testid={`plan-${s.key}`}>
              <Group gap={8} wrap="nowrap">
                <span style={{ width: 12, height: 12, borderRadius: 3, background: s.color, flex: 'none' }} />
                <Text size="sm">{s.label}</Text>
              </Group>
              <Text size="sm" fw={600} data-testid="plan-count">
                {s.value}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
      <ChartTable caption="90-day plans by status" slices={slices} valueHeader="Partners" />
    </ChartCard>
  );
}
