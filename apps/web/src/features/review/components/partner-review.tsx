import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PARTNER_RECORD_LABELS } from '@ptrack/catalog';
import type { PartnerDto, SettingsDto } from '@ptrack/contracts';
import { type ReactNode, useState } from 'react';
import { formatShortDate } from '../../../lib/dates';
import { Can } from '../../auth/components/can';
import { LogTouchDialog } from '../../touches/components/log-touch-dialog';
import { useReps } from '../hooks/use-review';
import { NextActionSection } from './next-action-section';
import { PartnerFields } from './partner-fields';
import { PartnerLink } from './partner-link';
import { lastTouchText, PerformanceSummary, QualificationSummary, RepsByTier } from './partner-summary';
import { PlanSection } from './plan-section';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = `review-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h5" id={id} mb={6}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

type PartnerReviewProps = { partner: PartnerDto; settings: SettingsDto | undefined; today: string };

/** What the weekly review looks at for one partner, with the fields worth changing editable in place. */
export function PartnerReview({ partner, settings, today }: PartnerReviewProps) {
  const reps = useReps(partner.id);
  const [logging, setLogging] = useState(false);
  const stale = partner.daysSinceLastTouch === null || partner.daysSinceLastTouch >= 30;
  const subtitle = [partner.type, partner.archetype, partner.owner ? `Owner: ${partner.owner}` : null].filter(Boolean);
  return (
    <Stack gap="sm" data-testid="review-partner" data-partner-id={partner.id}>
      <div>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h3" data-testid="review-partner-name">
            <PartnerLink id={partner.id} inherit c="dark.9">
              {partner.name}
            </PartnerLink>
          </Title>
          <Badge
            size="lg"
            variant={stale ? 'filled' : 'outline'}
            color={stale ? 'red.9' : 'gray.8'}
            tt="none"
            data-testid="review-last-touch"
          >
            {lastTouchText(partner.daysSinceLastTouch)}
          </Badge>
        </Group>
        {subtitle.length ? (
          <Text size="sm" c="gray.7">
            {subtitle.join(' · ')}
          </Text>
        ) : null}
      </div>

      <Section title="Status and notes">
        <PartnerFields partner={partner} settings={settings} />
      </Section>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Section title={PARTNER_RECORD_LABELS.nextAction}>
          <NextActionSection partner={partner} reps={reps.data?.items ?? []} settings={settings} today={today} />
        </Section>
        <Section title="Activity">
          <Stack gap={6}>
            <Text size="sm">
              {partner.lastEngagementDate
                ? `Last touch on ${formatShortDate(partner.lastEngagementDate)}; first on ${formatShortDate(partner.firstTouchDate ?? partner.lastEngagementDate)}.`
                : 'No touch logged yet.'}
            </Text>
            <Can permission="partners:write">
              <Button size="xs" variant="default" w="fit-content" onClick={() => setLogging(true)}>
                Log touch
              </Button>
            </Can>
          </Stack>
        </Section>
        <Section title={PARTNER_RECORD_LABELS.plan}>
          <PlanSection partnerId={partner.id} />
        </Section>
        <Section title="Qualification">
          <QualificationSummary qualification={partner.qualification} />
        </Section>
        <Section title="Reps by tier">
          {reps.isPending ? (
            <Text size="sm">Loading reps…</Text>
          ) : reps.error ? (
            <Text size="sm">Reps could not be loaded: {reps.error.message}</Text>
          ) : (
            <RepsByTier reps={reps.data.items} />
          )}
        </Section>
        <Section title="Performance">
          <PerformanceSummary performance={partner.performance} currency={settings?.currency ?? 'USD'} />
        </Section>
      </SimpleGrid>

      {logging ? (
        <LogTouchDialog
          opening={{ from: 'partner', partnerId: partner.id, who: partner.name, reps: reps.data?.items ?? [] }}
          onClose={() => setLogging(false)}
        />
      ) : null}
    </Stack>
  );
}
