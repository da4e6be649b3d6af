import { Text } from '@mantine/core';
import type { DashboardDto, SettingsDto } from '@ptrack/contracts';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { describeSlices, sumOf, tierSlices } from '../dashboard-figures';
import { ChartCard, ChartTable, EmptyChart } from './chart-card';

/** Reps per engagement tier (seed 001: Tier 1 weekly attention … Tier 4 a quarterly check). */
export function TierChart({ tiers, cadences }: { tiers: DashboardDto['tierDistribution']; cadences: SettingsDto['cadences'] }) {
  const slices = tierSlices(tiers);
  const total = sumOf(slices);
  const summary = `Reps by engagement tier: ${describeSlices(slices)}.`;
  // Reps without a tier only get a bar when there are some; the table below always lists them.
  const bars = slices.filter((s) => s.key !== 'unassigned' || s.value > 0);
  return (
    <ChartCard title="Reps by tier" description={`${total} reps across all partners`} testId="tier-chart">
      {total === 0 ? (
        <EmptyChart>No reps yet. Add reps on a partner's page and their tiers will show here.</EmptyChart>
      ) : (
        <>
          <div role="img" aria-label={summary} style={{ height: bars.length * 44 + 30 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={bars}
                layout="vertical"
                margin={{ top: 0, right: 40, bottom: 0, left: 0 }}
                accessibilityLayer={false}
              >
                <CartesianGrid horizontal={false} stroke="#e9ecef" />
                <XAxis type="number" allowDecimals={false} tick={{ fill: '#495057', fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={165} tick={{ fill: '#212529', fontSize: 12 }} />
                <Tooltip cursor={{ fill: '#f1f3f5' }} formatter={(value) => [value, 'Reps']} />
                <Bar dataKey="value" radius={[0, 4, 4, 0]} isAnimationActive={false}>
                  {bars.map((s) => (
                    <Cell key={s.key} fill={s.color} />
                  ))}
                  <LabelList dataKey="value" position="right" fill="#212529" fontSize={12} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ChartTable caption="Reps by engagement tier" slices={slices} valueHeader="Reps" />
          {/* What each bar costs in attention: the workspace's follow-up cadence per tier. */}
          <Text size="xs" c="gray.7" mt="sm" data-testid="tier-cadences">
            Follow-up cadence: Tier 1 every {cadences['1']} days · Tier 2 every {cadences['2']} days · Tier 3 every{' '}
            {cadences['3']} days · Tier 4 every {cadences['4']} days
          </Text>
        </>
      )}
    </ChartCard>
  );
}
