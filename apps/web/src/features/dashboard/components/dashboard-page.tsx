import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatLongDay } from '../../../lib/dates';
import { formatMinor } from '../../../lib/money';
import { useSettings } from '../../settings/hooks/use-settings';
import { useDashboard } from '../hooks/use-dashboard';
import { AttentionCard } from './attention-card';
import { BenchmarksCard } from './benchmarks-card';
import { FunnelChart } from './funnel-chart';
import { HeadlineStats } from './headline-stats';
import { PipelineChart } from './pipeline-chart';
import { PlansChart } from './plans-chart';
import { TierChart } from './tier-chart';

function EmptyWorkspace() {
  return (
    <Card withBorder radius="md" padding="xl" data-testid="dashboard-empty">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          Nothing to chart yet
        </Title>
        <Text>
          The dashboard draws your program from its partners, reps, referrals and 90-day plans. Add your first partner, or load
          the demo workspace from Today to see it filled in.
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/">
            Go to Today
          </Button>
          <Button component={Link} to="/partners" variant="default">
            Open partners
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The program at a glance (docs/RULES.md Dashboard): pictures where people would rather look than read. */
export function DashboardPage() {
  const dashboard = useDashboard();
  const settings = useSettings();
  const data = dashboard.data;

  if (dashboard.isPending || settings.isPending) {
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading the dashboard" />
      </Group>
    );
  }
  if (dashboard.error || settings.error || !data || !settings.data) {
    return (
      <Stack gap="lg">
        <Title order={1}>Dashboard</Title>
        <Alert color="red" title="The dashboard could not be loaded" role="alert">
          {(dashboard.error ?? settings.error)?.message ?? 'Unknown error'}
        </Alert>
      </Stack>
    );
  }

  const currency = settings.data.currency;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={1}>Dashboard</Title>
        <Text c="gray.7" size="sm">
          {formatLongDay(data.today)}
        </Text>
      </Group>
      {data.partnerCount === 0 ? (
        <EmptyWorkspace />
      ) : (
        <>
          <HeadlineStats
            stats={[
              { label: 'Partners', value: String(data.partnerCount), testId: 'stat-partners' },
              { label: 'Reps', value: String(data.repCount), testId: 'stat-reps' },
              {
                label: 'Open pipeline',
                value: formatMinor(data.funnel.pipelineValueMinor, currency),
                note: `${data.funnel.openDeals} open ${data.funnel.openDeals === 1 ? 'deal' : 'deals'}`,
                testId: 'stat-pipeline',
              },
            ]}
          />
          <AttentionCard
            needsAttention={data.needsAttentionCount}
            partnerCount={data.partnerCount}
            overdueActions={data.overdueActions}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <FunnelChart funnel={data.funnel} />
            <PlansChart plans={data.plansByStatus} />
            <TierChart tiers={data.tierDistribution} cadences={settings.data.cadences} />
            <BenchmarksCard benchmarks={data.benchmarks} />
          </SimpleGrid>
          <PipelineChart rows={data.pipelineByPartner} totalMinor={data.funnel.pipelineValueMinor} currency={currency} />
        </>
      )}
    </Stack>
  );
}
