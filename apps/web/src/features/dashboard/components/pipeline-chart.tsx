import { Anchor, Text } from '@mantine/core';
import type { DashboardDto } from '@ptrack/contracts';
import { Link } from '@tanstack/react-router';
import { formatMinor } from '../../../lib/money';
import { ChartCard, EmptyChart } from './chart-card';
import classes from './dashboard.module.css';

type PipelineChartProps = { rows: DashboardDto['pipelineByPartner']; totalMinor: number; currency: string };

/** The partners with the most open pipeline; each bar opens the partner's page. */
export function PipelineChart({ rows, totalMinor, currency }: PipelineChartProps) {
  const top = Math.max(...rows.map((r) => r.pipelineValueMinor), 1);
  return (
    <ChartCard
      title="Pipeline by partner"
      description={
        rows.length > 0
          ? `Top ${rows.length} partners by open deal value · ${formatMinor(totalMinor, currency)} open in total`
          : undefined
      }
      testId="pipeline-chart"
    >
      {rows.length === 0 ? (
        <EmptyChart>No open deals with an amount yet. Deals partners bring will be ranked here.</EmptyChart>
      ) : (
        <ol className={classes.barList} aria-label="Open pipeline by partner, largest first">
          {rows.map((row) => {
            const amount = formatMinor(row.pipelineValueMinor, currency);
            const deals = `${row.openDeals} open ${row.openDeals === 1 ? 'deal' : 'deals'}`;
            return (
              <li key={row.partnerId} className={classes.pipelineRow} data-testid="pipeline-row">
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/partners/$id" params={{ id: row.partnerId }} />}
                  size="sm"
                  className={classes.pipelineLink}
                  title={row.name}
                  aria-label={`${row.name}: ${amount}, ${deals}`}
                >
                  {row.name}
                </Anchor>
                <div className={classes.barTrack} aria-hidden>
                  <div
                    className={classes.bar}
                    style={{ width: `${(row.pipelineValueMinor / top) * 100}%`, background: '#1864ab' }}
                  />
                </div>
                <div>
                  <div className={classes.value} data-testid="pipeline-value">
                    {amount}
                  </div>
                  <Text size="xs" c="gray.7" ta="right">
                    {deals}
                  </Text>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </ChartCard>
  );
}
