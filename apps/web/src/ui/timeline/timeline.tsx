import { Alert, Badge, Button, Chip, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import type { TimelineEntry, TimelineKind } from './merge-timeline';
import classes from './timeline.module.css';

export const TIMELINE_KINDS = ['touch', 'action', 'referral', 'change'] as const satisfies readonly TimelineKind[];

const KIND_LABEL = {
  touch: 'Touch',
  action: 'Action',
  referral: 'Intro',
  change: 'Change',
} as const satisfies Record<TimelineKind, string>;
const FILTER_LABEL = {
  touch: 'Touches',
  action: 'Actions',
  referral: 'Intros',
  change: 'Changes',
} as const satisfies Record<TimelineKind, string>;
// Filled badges in dark shades: white text on each is at least 4.5:1 (WCAG AA).
const KIND_COLOR = { touch: 'blue.9', action: 'teal.9', referral: 'grape.9', change: 'gray.8' } as const satisfies Record<
  TimelineKind,
  string
>;

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const isDay = (at: string) => /^\d{4}-\d{2}-\d{2}$/.test(at);

type Formats = { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat };

/** Instants are shown in the workspace time zone (docs/RULES.md: every "today" is in that zone). */
function formatsFor(timeZone: string | undefined): Formats {
  try {
    return {
      day: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone }),
      time: new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone }),
    };
  } catch {
    return formatsFor(undefined);
  }
}

function EntryRow({ entry, formats }: { entry: TimelineEntry; formats: Formats }) {
  return (
    <li className={classes.item} data-testid="timeline-item" data-kind={entry.kind}>
      <Text size="sm" c="gray.7">
        <time dateTime={entry.at}>
          {isDay(entry.at) ? dayFormat.format(new Date(`${entry.at}T00:00:00Z`)) : formats.day.format(new Date(entry.at))}
          {isDay(entry.at) ? null : (
            <Text span size="xs" c="gray.7" display="block">
              {formats.time.format(new Date(entry.at))}
            </Text>
          )}
        </time>
      </Text>
      <div className={classes.body}>
        <Group gap={6} wrap="nowrap" align="baseline">
          <Badge size="xs" variant="filled" color={KIND_COLOR[entry.kind]} style={{ flexShrink: 0 }}>
            {KIND_LABEL[entry.kind]}
          </Badge>
          <Text size="sm" fw={500} data-testid="timeline-title">
            {entry.title}
          </Text>
        </Group>
        {entry.meta ? (
          <Text size="xs" c="gray.7">
            {entry.meta}
          </Text>
        ) : null}
        {entry.detail ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {entry.detail}
          </Text>
        ) : null}
      </div>
    </li>
  );
}

type TimelineProps = {
  entries: TimelineEntry[];
  /** Open actions, soonest first: shown above the past when actions are in the filter. */
  planned?: TimelineEntry[];
  kinds: TimelineKind[];
  onKindsChange(kinds: TimelineKind[]): void;
  loading: boolean;
  error: Error | null;
  hasMore: boolean;
  loadingMore: boolean;
  onShowMore(): void;
  /** Buttons beside the heading (log a touch…). */
  actions?: ReactNode;
  /** The workspace time zone (IANA), for the dates and times of events. */
  timeZone?: string | undefined;
};

/** What happened with a partner or rep, newest first, with a filter by kind. */
export function Timeline(props: TimelineProps) {
  const planned = props.kinds.includes('action') ? (props.planned ?? []) : [];
  const formats = useMemo(() => formatsFor(props.timeZone), [props.timeZone]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="timeline-heading" data-testid="timeline">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="timeline-heading">
          Timeline
        </Title>
        {props.actions}
      </Group>
      <Chip.Group multiple value={props.kinds} onChange={(value) => props.onKindsChange(value as TimelineKind[])}>
        <Group gap="xs" role="group" aria-label="Show in the timeline">
          {TIMELINE_KINDS.map((kind) => (
            <Chip key={kind} value={kind} size="xs" variant="outline">
              {FILTER_LABEL[kind]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {props.error ? (
        <Alert color="red" title="The timeline could not be loaded" role="alert">
          {props.error.message}
        </Alert>
      ) : null}
      {planned.length > 0 ? (
        <div>
          <Title order={3} size="h5" mb={4}>
            Planned
          </Title>
          <ol className={classes.list} data-testid="timeline-planned">
            {planned.map((entry) => (
              <EntryRow key={entry.id} entry={entry} formats={formats} />
            ))}
          </ol>
        </div>
      ) : null}
      {props.loading ? (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label="Loading the timeline" />
        </Group>
      ) : (
        <div>
          {planned.length > 0 ? (
            <Title order={3} size="h5" mb={4}>
              Past
            </Title>
          ) : null}
          {props.entries.length === 0 && !props.hasMore ? (
            <Text size="sm" c="gray.7">
              {props.kinds.length === 0 ? 'Choose what to show above.' : 'Nothing here yet.'}
            </Text>
          ) : (
            <ol className={classes.list} data-testid="timeline-list">
              {props.entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} formats={formats} />
              ))}
            </ol>
          )}
          {props.hasMore ? (
            <Button variant="default" size="xs" mt="xs" onClick={props.onShowMore} loading={props.loadingMore}>
              Show more
            </Button>
          ) : null}
        </div>
      )}
    </Stack>
  );
}
