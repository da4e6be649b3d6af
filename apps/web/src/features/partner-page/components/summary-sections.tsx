import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { PARTNER_GRID_LABELS as G, PARTNER_RECORD_LABELS } from '@ptrack/catalog';
import type { PartnerDto } from '@ptrack/contracts';
import { formatShortDate, relativeDay } from '../../../lib/dates';
import { formatMinor } from '../../../lib/money';
import { TierBadge } from '../../../ui/rep-badges';
import { RepLink } from './record-links';
import { SectionCard } from './section-card';
import { Stat } from './stat';

// The computed sections of a partner (docs/RULES.md 5–8): read-only, derived by the server.

/** docs/RULES.md benchmark: 5–10% of intros become deals. */
const BENCHMARK = { low: 0.05, high: 0.1 };

function percent(rate: number): string {
  return `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`;
}

export function EngagementSection({ partner }: { partner: PartnerDto }) {
  const r = partner.rollup;
  return (
    <SectionCard title="Rep engagement" testId="section-engagement">
      <Stack gap="sm">
        <SimpleGrid component="dl" cols={2} spacing="md" m={0}>
          <Stat label="Reps" value={r.totalReps} testId="rollup-total-reps" />
          <Stat label={G.jordanCount} value={r.jordanCount} testId="rollup-jordans" />
          <Stat label="Bringing deals" value={r.repsBringingDeals} hint="referral in 90 days or open deal" />
          <Stat label="Engaged" value={r.repsEngaged} hint="replied in 90 days" />
          <Stat label={G.totalEngaged} value={r.totalEngaged} />
          <Stat label="Who deliver" value={r.repsWhoDeliver} hint="1+ referral ever" />
        </SimpleGrid>
        <Group gap="xs" wrap="wrap" aria-label="Reps per tier">
          {(['1', '2', '3', '4'] as const).map((tier) => (
            <Group key={tier} gap={4} data-testid={`rollup-tier-${tier}`}>
              <TierBadge tier={Number(tier)} />
              <Text size="sm">{r.repsPerTier[tier]}</Text>
            </Group>
          ))}
        </Group>
        {r.tier12RepNames.length > 0 ? (
          <Text size="sm">
            <Text span c="gray.7" size="sm">
              Tier 1–2:{' '}
            </Text>
            {r.tier12RepNames.join(', ')}
          </Text>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

export function NextActionSection({ partner, today }: { partner: PartnerDto; today: string }) {
  const next = partner.rollup.nextAction;
  return (
    <SectionCard title={PARTNER_RECORD_LABELS.nextAction} testId="section-next-action">
      {next ? (
        <Stack gap={2}>
          <Text fw={500}>
            {next.type}
            {next.repId && next.repName ? (
              <>
                {' with '}
                <RepLink id={next.repId}>{next.repName}</RepLink>
              </>
            ) : null}
          </Text>
          <Text size="sm" c={next.dueDate < today ? 'red.9' : 'gray.7'} data-testid="next-action-due">
            Due {formatShortDate(next.dueDate)} ({relativeDay(next.dueDate, today)})
          </Text>
          {next.notes ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {next.notes}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="gray.7">
          No open action. Add one so this partner shows up on Today.
        </Text>
      )}
    </SectionCard>
  );
}

export function PerformanceSection({ partner, currency }: { partner: PartnerDto; currency: string }) {
  const p = partner.performance;
  const rate = p.introToDealConversion;
  const verdict =
    rate === null
      ? 'no intros yet'
      : rate < BENCHMARK.low
        ? 'below the 5–10% benchmark'
        : rate > BENCHMARK.high
          ? 'above the 5–10% benchmark'
          : 'within the 5–10% benchmark';
  return (
    <SectionCard title="Performance" testId="section-performance">
      <SimpleGrid component="dl" cols={2} spacing="md" m={0}>
        <Stat label="Intros" value={p.introsMade} testId="perf-intros" />
        <Stat label={G.qualifiedConversations} value={p.qualifiedConversations} testId="perf-qualified" />
        <Stat label="Deals" value={p.dealsBroughtIn} hint={`${p.openDeals} open`} testId="perf-deals" />
        <Stat label="Closed won" value={p.closedWon} hint={p.closedLost ? `${p.closedLost} lost` : undefined} testId="perf-won" />
        <Stat label="Pipeline" value={formatMinor(p.pipelineValueMinor, currency)} hint="open deals" testId="perf-pipeline" />
        <Stat label="Intro → deal" value={rate === null ? '—' : percent(rate)} hint={verdict} testId="perf-conversion" />
      </SimpleGrid>
    </SectionCard>
  );
}

export function ActivitySection({ partner }: { partner: PartnerDto }) {
  const days = partner.daysSinceLastTouch;
  return (
    <SectionCard title="Activity" testId="section-activity">
      <SimpleGrid component="dl" cols={2} spacing="md" m={0}>
        <Stat label={G.firstTouchDate} value={partner.firstTouchDate ? formatShortDate(partner.firstTouchDate) : '—'} />
        <Stat label="Last engagement" value={partner.lastEngagementDate ? formatShortDate(partner.lastEngagementDate) : '—'} />
        <Stat
          label="Days since last touch"
          value={days === null ? 'Never touched' : days}
          hint={days !== null && days >= 30 ? 'needs attention (30+ days)' : undefined}
          testId="days-since-touch"
        />
      </SimpleGrid>
    </SectionCard>
  );
}
