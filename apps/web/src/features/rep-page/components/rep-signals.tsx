import { Badge, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RepDto } from '@ptrack/contracts';
import { useCan } from '../../auth/hooks/use-session';
import { SectionCard } from '../../partner-page/components/section-card';
import { JORDAN_SIGNALS, jordanReason, type SignalKey, TIME_WASTER_SIGNALS, timeWasterReason } from '../rep-rules';

type RepSignalsProps = { rep: RepDto; busy: boolean; onToggle(key: SignalKey, value: boolean): void };

function SignalList({
  title,
  signals,
  rep,
  busy,
  onToggle,
}: RepSignalsProps & { title: string; signals: typeof JORDAN_SIGNALS }) {
  const canWrite = useCan('partners:write');
  return (
    <Stack gap={6} role="group" aria-label={title}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {signals.map((s) =>
        canWrite ? (
          <Checkbox
            key={s.key}
            label={s.label}
            checked={rep[s.key]}
            disabled={busy}
            onChange={(e) => onToggle(s.key, e.currentTarget.checked)}
            data-testid={`signal-${s.key}`}
          />
        ) : (
          <Text key={s.key} size="sm" data-testid={`signal-${s.key}`}>
            {rep[s.key] ? '✓' : '–'} {s.label}
          </Text>
        ),
      )}
    </Stack>
  );
}

/** The Jordan and time-waster signals (seed 001), editable, with the Jordan verdict the server derives. */
export function RepSignals(props: RepSignalsProps) {
  const { rep } = props;
  return (
    <SectionCard title="Signals" testId="section-signals">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Badge
            variant="filled"
            color={rep.isJordan ? 'grape.8' : 'gray.7'}
            tt="none"
            data-testid="jordan-verdict"
            data-jordan={rep.isJordan}
          >
            {rep.isJordan ? '★ Jordan' : 'Not a Jordan'}
          </Badge>
          {rep.isTimeWaster ? (
            <Badge variant="filled" color="red.9" tt="none" data-testid="time-waster">
              Time-waster
            </Badge>
          ) : null}
          <Text size="sm" c="gray.7" data-testid="jordan-reason">
            {rep.isTimeWaster ? `Time-waster: ${timeWasterReason(rep)}` : jordanReason(rep)}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SignalList {...props} title="Jordan signals" signals={JORDAN_SIGNALS} />
          <SignalList {...props} title="Time-waster signals" signals={TIME_WASTER_SIGNALS} />
        </SimpleGrid>
      </Stack>
    </SectionCard>
  );
}
