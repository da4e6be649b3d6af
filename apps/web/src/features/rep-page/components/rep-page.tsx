import { Alert, Box, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { RepDto, UpdateRepRequest } from '@ptrack/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ApiError } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { JordanBadge, TierBadge } from '../../../ui/rep-badges';
import { ActivityButtons } from '../../partner-page/components/activity-buttons';
import { EditableSection } from '../../partner-page/components/editable-section';
import { RecordTimeline } from '../../partner-page/components/partner-timeline';
import { PartnerLink } from '../../partner-page/components/record-links';
import { customSpecs } from '../../partner-page/field-form';
import { fieldLabel, REP_FIELDS } from '../../partner-page/field-specs';
import { useCustomFields, useRep, useUpdateRep } from '../../partner-page/hooks/use-partner-page';
import { formatValue } from '../../partner-page/timeline-entries';
import { useSettings } from '../../settings/hooks/use-settings';
import { useRepPatch } from '../hooks/use-rep-patch';
import { RepEngagement } from './rep-engagement';
import { RepSignals } from './rep-signals';

function RepFields({ rep }: { rep: RepDto }) {
  const client = useQueryClient();
  const update = useUpdateRep(rep.id);
  const custom = useCustomFields('rep');
  const specs = [...REP_FIELDS, ...customSpecs(custom.data?.items ?? [])];
  return (
    <EditableSection
      title="Details"
      testId="section-rep-details"
      specs={specs}
      record={rep}
      recordName={rep.name}
      optionLists={undefined}
      save={(body) => update.mutateAsync(body as UpdateRepRequest)}
      onKeepTheirs={(current) => client.setQueryData(queryKeys.reps.one(rep.id), current)}
    />
  );
}

function RepBody({ rep, today }: { rep: RepDto; today: string }) {
  const edits = useRepPatch(rep);
  const conflict = edits.conflict;
  // Beside the details on a wide screen; on a phone the long timeline goes last.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const timeline = <RecordTimeline subject={{ partnerId: rep.partnerId, repId: rep.id }} reps={[rep]} />;
  return (
    <Stack gap="md">
      <PartnerLink id={rep.partnerId} size="sm">
        ← {rep.partnerName}
      </PartnerLink>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Box miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }} data-testid="rep-name">
            {rep.name}
          </Title>
          <Group gap="xs" mt={4} wrap="wrap">
            <TierBadge tier={rep.engagementTier} />
            <JordanBadge isJordan={rep.isJordan} />
            <Text size="sm" c="gray.7">
              {rep.title ? `${rep.title} at ` : 'At '}
              <PartnerLink id={rep.partnerId} size="sm" data-testid="rep-partner-link">
                {rep.partnerName}
              </PartnerLink>
            </Text>
          </Group>
        </Box>
        <ActivityButtons
          partnerId={rep.partnerId}
          title={`${rep.name} (${rep.partnerName})`}
          reps={[rep]}
          repId={rep.id}
          today={today}
        />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <RepEngagement
              rep={rep}
              today={today}
              busy={edits.pending}
              onTier={(engagementTier) => edits.patch({ engagementTier })}
            />
            <RepSignals rep={rep} busy={edits.pending} onToggle={(key, value) => edits.patch({ [key]: value })} />
            {wide ? timeline : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RepFields rep={rep} />
        </Grid.Col>
        {wide ? null : <Grid.Col span={12}>{timeline}</Grid.Col>}
      </Grid>
      {conflict ? (
        <ConflictDialog
          title={`Someone changed ${rep.name} since you loaded it`}
          intro="Your changes were not saved. Choose which values to keep:"
          columns={['theirs', 'mine']}
          rows={Object.entries(conflict.body).map(([key, mine]) => ({
            key,
            label: fieldLabel(key),
            theirs: formatValue(conflict.current[key as keyof RepDto]),
            mine: formatValue(mine),
          }))}
          applying={edits.pending}
          onClose={edits.dismiss}
          onKeepTheirs={edits.keepTheirs}
          onApply={edits.applyMine}
        />
      ) : null}
    </Stack>
  );
}

/** One partner sales rep (docs/RULES.md Rep): signals, tier and cadence, figures and the rep's timeline. */
export function RepPage() {
  const { id } = useParams({ from: '/reps/$id' });
  const rep = useRep(id);
  const settings = useSettings();
  if (rep.isPending || settings.isPending) {
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading the rep" />
      </Group>
    );
  }
  if (rep.error || !rep.data) {
    const missing = rep.error instanceof ApiError && rep.error.status === 404;
    return (
      <Stack gap="md">
        <Title order={1}>{missing ? 'Rep not found' : 'Rep'}</Title>
        <Alert color="red" title={missing ? 'There is no such rep' : 'The rep could not be loaded'} role="alert">
          {missing ? 'It may have been deleted.' : (rep.error?.message ?? 'Unknown error')}
        </Alert>
      </Stack>
    );
  }
  const today = settings.data?.today ?? new Date().toISOString().slice(0, 10);
  return <RepBody rep={rep.data} today={today} />;
}
