import { Text } from '@mantine/core';
import type { DashboardDto } from '@ptrack/contracts';
import { Fragment } from 'react';
import { type FunnelStep, formatPercent, funnelSteps } from '../dashboard-figures';
import { ChartCard, EmptyChart } from './chart-card';
import classes from './dashboard.module.css';

const STEP_COLORS = ['#1864ab', '#1971c2', '#1c7ed6', '#2b8a3e'];

function describe(steps: readonly FunnelStep[]): string {
  return steps
    .map((s) => `${s.label} ${s.value}${s.fromPrevious === null ? '' : ` (${formatPercent(s.fromPrevious)} of the step before)`}`)
    .join(', ');
}

/** Referrals by the furthest stage they reached, with the conversion between steps (docs/RULES.md Performance). */
export function FunnelChart({ funnel }: { funnel: DashboardDto['funnel'] }) {
  const steps = funnelSteps(funnel);
  const top = Math.max(...steps.map((s) => s.value), 1);
  return (
    <ChartCard
      title="Referral funnel"
      description="Every referral partners brought, counted at each stage it reached"
      testId="funnel-chart"
    >
      {funnel.introsMade === 0 ? (
        <EmptyChart>No intros recorded yet. Referrals logged on partner pages will fill this funnel.</EmptyChart>
      ) : (
        // A list of bars rather than an SVG: the numbers are real text, so the list is its own alternative.
        <ol className={classes.barList} aria-label={`Funnel: ${describe(steps)}`} style={{ gap: 0 }}>
          {steps.map((step, i) => (
            <Fragment key={step.key}>
              {step.fromPrevious !== null ? (
                <li className={classes.conversion} aria-hidden data-testid={`conversion-${step.key}`}>
                  ↓ {formatPercent(step.fromPrevious)}
                </li>
              ) : null}
              <li className={classes.step} data-testid={`funnel-${step.key}`}>
                <Text size="sm">{step.label}</Text>
                <div className={classes.barTrack}>
                  <div className={classes.bar} style={{ width: `${(step.value / top) * 100}%`, background: STEP_COLORS[i] }} />
                </div>
                <span className={classes.value} data-testid="funnel-value">
                  {step.value}
                </span>
              </li>
            </Fragment>
          ))}
        </ol>
      )}
    </ChartCard>
  );
}
