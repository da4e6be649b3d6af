import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { PARTNER_GRID_LABELS as G, plural } from '@ptrack/catalog';
import type { PartnerDto, RepDto } from '@ptrack/contracts';
import { formatMinor } from '../../../lib/money';
import { JordanBadge, TierBadge } from '../../../ui/rep-badges';
import { VERDICT_COLOR, VERDICT_LABEL } from './review-labels';

/** The 4-question filter's verdict and, unless it is Pursue, the reasons (docs/RULES.md qualification rule). */
export function QualificationSummary({ qualification }: { qualification: PartnerDto['qualification'] }) {
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={VERDICT_COLOR[qualification.verdict]} variant="filled" tt="none" data-testid="qualification-verdict">
          {VERDICT_LABEL[qualification.verdict]}
        </Badge>
      </Group>
      {qualification.reasons.length > 0 ? (
        <List size="sm" spacing={2}>
          {qualification.reasons.map((r) => (
            <List.Item key={r.code}>{r.text}</List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}

const TIERS = [1, 2, 3, 4] as const;

/** Reps grouped by engagement tier, Jordans marked, so the lead sees who carries the partner. */
export function RepsByTier({ reps }: { reps: RepDto[] }) {
  if (reps.length === 0) return <Text size="sm">No reps yet.</Text>;
  const jordans = reps.filter((r) => r.isJordan).length;
  const groups = [...TIERS.map((t) => [t, reps.filter((r) => r.engagementTier === t)] as const)].filter(([, rs]) => rs.length);
  const untiered = reps.filter((r) => r.engagementTier === null);
  return (
    <Stack gap={6} data-testid="reps-by-tier">
      <Text size="sm">
        {plural(reps.length, 'rep')} · {plural(jordans, 'Jordan')}
      </Text>
      {groups.map(([tier, rs]) => (
        <Group key={tier} gap={6} wrap="wrap" align="center">
          <TierBadge tier={tier} />
          {rs.map((r, i) => (
            <Group key={r.id} gap={4} wrap="nowrap">
              <Text size="sm">
                {r.name}
                {i < rs.length - 1 && !r.isJordan ? ',' : ''}
              </Text>
              <JordanBadge isJordan={r.isJordan} />
            </Group>
          ))}
        </Group>
      ))}
      {untiered.length > 0 ? (
        <Text size="sm">
          <Text span fw={500}>
            No tier:
          </Text>{' '}
          {untiered.map((r) => r.name).join(', ')}
        </Text>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** docs/RULES.md "Performance": the funnel from intros to closed won, and the open pipeline. */
export function PerformanceSummary({ performance, currency }: { performance: PartnerDto['performance']; currency: string }) {
  const conversion = performance.introToDealConversion;
  return (
    <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" data-testid="performance">
      <Figure label="Intros" value={String(performance.introsMade)} />
      <Figure label={G.qualifiedConversations} value={String(performance.qualifiedConversations)} />
      <Figure label="Deals" value={String(performance.dealsBroughtIn)} />
      <Figure label="Closed won" value={String(performance.closedWon)} />
      <Figure label="Pipeline" value={formatMinor(performance.pipelineValueMinor, currency)} />
      <Figure label="Intro → deal" value={conversion === null ? '—' : `${Math.round(conversion * 100)}%`} />
    </SimpleGrid>
  );
}

/** Days since the last touch, worded for a person ("never touched", "today"). */
export function lastTouchText(days: number | null): string {
  if (days === null) return 'Never touched';
  if (days === 0) return 'Last touch today';
  return `Last touch ${days} ${days === 1 ? 'day' : 'days'} ago`;
}
