import { Alert, Anchor, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useSettings } from '../../settings/hooks/use-settings';
import { useReviewList } from '../hooks/use-review';
import { splitQueue } from '../review-queue';
import { PartnerLink } from './partner-link';
import { ReviewProgress } from './review-progress';
import { ReviewWalk } from './review-walk';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** docs/RULES.md "Weekly review": walk the partners one by one, update, set next actions, mark reviewed. */
export function ReviewPage() {
  const list = useReviewList();
  const settings = useSettings();
  const queue = useMemo(() => (list.data ? splitQueue(list.data) : undefined), [list.data]);

  const header = (
    <div>
      <Title order={1}>Weekly review</Title>
      {settings.data ? (
        <Text size="sm" c="gray.7">
          Reviews count from {WEEKDAYS[settings.data.weekStartsOn]} in {settings.data.timeZone} (set in Settings).
        </Text>
      ) : null}
    </div>
  );

  if (list.isPending || settings.isPending) {
    return (
      <Stack gap="lg">
        {header}
        <Group justify="center" p="xl">
          <Loader aria-label="Loading the partners to review" />
        </Group>
      </Stack>
    );
  }
  if (list.error || settings.error || !queue || !settings.data) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="red" title="The review could not be loaded" role="alert">
          {(list.error ?? settings.error)?.message ?? 'Unknown error'}
        </Alert>
      </Stack>
    );
  }
  if (queue.total === 0) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="blue" variant="light" title="No partners yet">
          Add partners (or load the demo data) on{' '}
          <Anchor component={Link} to="/">
            Today
          </Anchor>
          , then review them here each week.
        </Alert>
      </Stack>
    );
  }
  if (queue.left.length === 0) {
    return (
      <Stack gap="lg">
        {header}
        <ReviewProgress reviewed={queue.reviewed.length} total={queue.total} />
        <Alert color="teal" variant="light" title="Everyone is reviewed this week" data-testid="review-done">
          All {queue.total} partners have been reviewed. The list starts again next week.
        </Alert>
        <section aria-labelledby="reviewed-heading">
          <Title order={2} size="h4" id="reviewed-heading" mb="xs">
            Reviewed this week
          </Title>
          <List size="sm" spacing={2}>
            {queue.reviewed.map((p) => (
              <List.Item key={p.id}>
                <PartnerLink id={p.id} size="sm">
                  {p.name}
                </PartnerLink>
              </List.Item>
            ))}
          </List>
        </section>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {header}
      <ReviewWalk queue={queue} settings={settings.data} today={settings.data.today} />
    </Stack>
  );
}
