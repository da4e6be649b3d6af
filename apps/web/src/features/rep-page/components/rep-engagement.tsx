import { NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { REP_COMPUTED_LABELS, REP_FIELD_LABELS } from '@ptrack/catalog';
import type { RepDto } from '@ptrack/contracts';
import { formatShortDate, relativeDay } from '../../../lib/dates';
import { useCan } from '../../auth/hooks/use-session';
import { SectionCard } from '../../partner-page/components/section-card';
import { Stat } from '../../partner-page/components/stat';
import { suggestedTierReason } from '../rep-rules';

const TIERS = [
  { value: '', label: 'Not set' },
  { value: '1', label: 'Tier 1: active deals' },
  { value: '2', label: 'Tier 2: engaged' },
  { value: '3', label: 'Tier 3: warming' },
  { value: '4', label: 'Tier 4: stale' },
];

type RepEngagementProps = { rep: RepDto; today: string; busy: boolean; onTier(tier: 1 | 2 | 3 | 4 | null): void };

/** Tier (set by the user) beside the suggested tier and its reason, the cadence, and the rep's figures. */
export function RepEngagement({ rep, today, busy, onTier }: RepEngagementProps) {
  const suggested = rep.suggestedTier;
  const differs = suggested !== null && rep.engagementTier !== suggested;
  const canWrite = useCan('partners:write');
  return (
    <SectionCard title="Engagement" testId="section-rep-engagement">
      <Stack gap="sm">
        {canWrite ? (
          <NativeSelect
            label={REP_FIELD_LABELS.engagementTier}
            data={TIERS}
            value={rep.engagementTier === null ? '' : String(rep.engagementTier)}
            disabled={busy}
            onChange={(e) => onTier(e.currentTarget.value ? (Number(e.currentTarget.value) as 1 | 2 | 3 | 4) : null)}
            description={`Follow up every ${rep.cadenceDays} days${rep.engagementTier === null ? ` (Tier ${rep.cadenceTier} cadence)` : ''}`}
            data-testid="tier-select"
            maw={320}
          />
        ) : (
          <Text size="sm">
            {REP_FIELD_LABELS.engagementTier}: {TIERS.find((t) => t.value === String(rep.engagementTier ?? ''))?.label}
          </Text>
        )}
        <Text size="sm" data-testid="suggested-tier" data-tier={suggested ?? undefined}>
          {suggested === null ? (
            <>No suggested tier yet: it comes from the rep's touches, intros and deals.</>
          ) : differs ? (
            <>
              <Text span fw={600}>
                Suggested: Tier {rep.suggestedTier}
              </Text>{' '}
              — {suggestedTierReason(rep)}. Your tier stands until you change it.
            </>
          ) : (
            <>Matches the suggestion: {suggestedTierReason(rep)}.</>
          )}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="md" m={0}>
          <Stat
            label={REP_FIELD_LABELS.qualityScore}
            value={rep.qualityScore === null ? '—' : `${rep.qualityScore}/10`}
            testId="rep-quality"
          />
          <Stat
            label={REP_COMPUTED_LABELS.responseRate}
            value={rep.responseRate === null ? '—' : `${Math.round(rep.responseRate * 100)}%`}
            hint="replies ÷ outreach, 180 days"
            testId="rep-response-rate"
          />
          <Stat
            label={REP_COMPUTED_LABELS.introductionsMade}
            value={rep.introductionsMade}
            // The signal is what the user observed; the count is the intros recorded here (issue 14).
            hint={
              rep.introsWithoutProof && rep.introductionsMade === 0
                ? 'none logged yet — intros are counted from the intros you add (“Add intro”), not from the “makes intros without proof” mark'
                : 'intros recorded with this rep'
            }
            testId="rep-intros"
          />
          <Stat
            label="Last contact"
            value={rep.lastContactDate ? formatShortDate(rep.lastContactDate) : 'Never'}
            hint={rep.lastContactDate ? relativeDay(rep.lastContactDate, today) : undefined}
            testId="rep-last-contact"
          />
        </SimpleGrid>
        <div data-testid="rep-next-action">
          <Text size="xs" c="gray.7" fw={500}>
            Next action
          </Text>
          {rep.nextAction ? (
            <Text size="sm">
              {rep.nextAction.type} due {formatShortDate(rep.nextAction.dueDate)} ({relativeDay(rep.nextAction.dueDate, today)})
              {rep.nextAction.notes ? ` — ${rep.nextAction.notes}` : ''}
            </Text>
          ) : (
            <Text size="sm" c="gray.7">
              None planned
            </Text>
          )}
        </div>
      </Stack>
    </SectionCard>
  );
}
