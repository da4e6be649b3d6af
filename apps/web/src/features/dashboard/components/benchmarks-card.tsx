import { Group, Progress, Stack, Text } from '@mantine/core';
import { PLAN_METRIC_LABELS } from '@ptrack/catalog';
import type { DashboardDto } from '@ptrack/contracts';
import type { ReactNode } from 'react';
import { type BandVerdict, bandVerdict, formatPercent } from '../dashboard-figures';
import { ChartCard } from './chart-card';
import classes from './dashboard.module.css';

type Benchmarks = DashboardDto['benchmarks'];

const VERDICT: Record<BandVerdict, { label: string; color: string }> = {
  within: { label: 'Within the band', color: 'green.9' },
  above: { label: 'Above the band', color: 'green.9' },
  below: { label: 'Below the band', color: 'orange.9' },
  unknown: { label: 'No intros yet', color: 'gray.7' },
};

function Benchmark({ title, target, children, testId }: { title: string; target: string; children: ReactNode; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="gray.7">
        Target: {target}
      </Text>
      {children}
    </div>
  );
}

/** A scale from 0 (to twice the band, or past the actual) with the band shaded and a marker at the actual. */
function BandScale({ min, max, actual, label }: { min: number; max: number; actual: number | null; label: string }) {
  const span = Math.min(Math.max(max * 2, (actual ?? 0) * 1.15), 1);
  const at = (v: number) => `${Math.min(v / span, 1) * 100}%`;
  return (
    <>
      <div className={classes.band} role="img" aria-label={label}>
        <div className={classes.bandTarget} style={{ left: at(min), width: `calc(${at(max)} - ${at(min)})` }} />
        {actual !== null ? <div className={classes.bandMarker} style={{ left: at(actual) }} /> : null}
      </div>
      <Group justify="space-between" aria-hidden>
        <Text size="xs" c="gray.7">
          0%
        </Text>
        <Text size="xs" c="gray.7">
          {formatPercent(span)}
        </Text>
      </Group>
    </>
  );
}

/** Where the program stands against the seed's benchmarks (docs/RULES.md Dashboard). */
export function BenchmarksCard({ benchmarks }: { benchmarks: Benchmarks }) {
  const convos = benchmarks.qualifiedConvosPer90Days;
  const conversion = benchmarks.introToDealConversion;
  const revenue = benchmarks.partnerSourcedRevenueShare;
  const verdict = bandVerdict(conversion.actual, conversion);
  const band = `${formatPercent(conversion.min)}–${formatPercent(conversion.max)}`;
  const actualText = conversion.actual === null ? 'no intros yet' : formatPercent(conversion.actual);
  return (
    <ChartCard title="Benchmarks" description="Where the program stands against the playbook's targets" testId="benchmarks">
      <Stack gap="lg">
        <Benchmark
          title={PLAN_METRIC_LABELS['qualified-conversations']}
          target={`${convos.target}+ per partner in 90 days`}
          testId="benchmark-convos"
        >
          <Text size="sm" mt={6}>
            <Text span fw={700} size="lg" data-testid="convos-meeting">
              {convos.partnersMeeting}
            </Text>{' '}
            partners had {convos.target}+ qualified conversations in the last 90 days;{' '}
            <Text span fw={600} data-testid="convos-with-plans">
              {convos.partnersWithPlans}
            </Text>{' '}
            partners are on a 90-day plan.
          </Text>
          {convos.partnersWithPlans > 0 ? (
            <Progress
              mt={6}
              value={Math.min((convos.partnersMeeting / convos.partnersWithPlans) * 100, 100)}
              color="green.9"
              aria-label={`${convos.partnersMeeting} partners meeting the target against ${convos.partnersWithPlans} on a plan`}
            />
          ) : null}
        </Benchmark>

        <Benchmark title="Intro → deal conversion" target={band} testId="benchmark-conversion">
          <Text size="sm" mt={6}>
            <Text span fw={700} size="lg" data-testid="conversion-actual">
              {actualText}
            </Text>{' '}
            <Text span fw={600} size="sm" c={VERDICT[verdict].color} ml={4} data-testid="conversion-verdict">
              {VERDICT[verdict].label}
            </Text>
          </Text>
          <BandScale
            min={conversion.min}
            max={conversion.max}
            actual={conversion.actual}
            label={`Intro to deal conversion ${actualText}, target band ${band}`}
          />
          <Text size="xs" c="gray.7">
            Shaded: the {band} band · dark mark: where you are (deals ÷ intros, all time)
          </Text>
        </Benchmark>

        <Benchmark
          title="Partner-sourced revenue share"
          target={`${formatPercent(revenue.min)}–${formatPercent(revenue.max)} of total revenue`}
          testId="benchmark-revenue"
        >
          <Text size="sm" mt={6} c="gray.8">
            Not measured: Partner Tracker knows the revenue partners bring, but not your company's total revenue, so it cannot
            compute the share yet.
          </Text>
        </Benchmark>
      </Stack>
    </ChartCard>
  );
}
