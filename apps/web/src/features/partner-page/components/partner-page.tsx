import { Alert, Anchor, Badge, Box, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError } from '../../../api/client';
import { useSettings } from '../../settings/hooks/use-settings';
import { usePartner, useReps } from '../hooks/use-partner-page';
import { ActivityButtons } from './activity-buttons';
import { NextStepsCard } from './next-steps-card';
import { MainFieldSections, SideFieldSections } from './partner-fields-sections';
import { RecordTimeline } from './partner-timeline';
import { PlanSection } from './plan-section';
import { VerdictBadge } from './qualification-section';
import { RepsTable } from './reps-table';
import { ActivitySection, EngagementSection, NextActionSection, PerformanceSection } from './summary-sections';

function BackLink() {
  return (
    <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners" search={{}} />}>
      ← Partners
    </Anchor>
  );
}

/** Everything about one partner (docs/RULES.md Partner, sections 1–10 and the optional scoring). */
export function PartnerPage() {
  const { id } = useParams({ from: '/partners/$id' });
  const partner = usePartner(id);
  const reps = useReps(id);
  const settings = useSettings();
  // Beside the sections on a wide screen; on a phone the long timeline goes last, after the figures.
  const wide = useMediaQuery('(min-width: 62em)', true);

  if (partner.isPending || settings.isPending) {
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading the partner" />
      </Group>
    );
  }
  if (partner.error || !partner.data) {
    const missing = partner.error instanceof ApiError && partner.error.status === 404;
    return (
      <Stack gap="md">
        <BackLink />
        <Title order={1}>{missing ? 'Partner not found' : 'Partner'}</Title>
        <Alert color="red" title={missing ? 'There is no such partner' : 'The partner could not be loaded'} role="alert">
          {missing ? 'It may have been deleted.' : (partner.error?.message ?? 'Unknown error')}
        </Alert>
      </Stack>
    );
  }
  const p = partner.data;
  const today = settings.data?.today ?? new Date().toISOString().slice(0, 10);
  const currency = settings.data?.currency ?? 'USD';
  const timeline = <RecordTimeline subject={{ partnerId: p.id }} reps={reps.data ?? []} />;

  return (
    <Stack gap="md">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Box miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }} data-testid="partner-name">
            {p.name}
          </Title>
          <Group gap="xs" mt={4} wrap="wrap">
            {p.type ? (
              <Badge variant="outline" color="gray.8" tt="none">
                {p.type}
              </Badge>
            ) : null}
            {p.programStatus ? (
              <Badge variant="outline" color="blue.9" tt="none">
                {p.programStatus}
              </Badge>
            ) : null}
            {p.phase ? (
              <Badge variant="outline" color="teal.9" tt="none">
                {p.phase}
              </Badge>
            ) : null}
            <VerdictBadge verdict={p.qualification.verdict} />
            {p.owner ? (
              <Text size="sm" c="gray.7">
                Owner: {p.owner}
              </Text>
            ) : null}
          </Group>
        </Box>
        <ActivityButtons partnerId={p.id} title={p.name} reps={reps.data ?? []} today={today} />
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {reps.data ? <NextStepsCard partner={p} reps={reps.data} today={today} /> : null}
            <MainFieldSections partner={p} />
            <PlanSection partnerId={p.id} partnerName={p.name} today={today} />
            <RepsTable partnerId={p.id} partnerName={p.name} today={today} />
            {wide ? timeline : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <NextActionSection partner={p} today={today} />
            <ActivitySection partner={p} />
            <PerformanceSection partner={p} currency={currency} />
            <EngagementSection partner={p} />
            <SideFieldSections partner={p} />
          </Stack>
        </Grid.Col>
        {wide ? null : <Grid.Col span={12}>{timeline}</Grid.Col>}
      </Grid>
    </Stack>
  );
}
