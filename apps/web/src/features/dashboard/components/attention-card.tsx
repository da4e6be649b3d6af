import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

type AttentionCardProps = { needsAttention: number; partnerCount: number; overdueActions: number };

/** What slips: partners not touched in 30+ days (the grid's built-in view) and overdue next actions. */
export function AttentionCard({ needsAttention, partnerCount, overdueActions }: AttentionCardProps) {
  const calm = needsAttention === 0 && overdueActions === 0;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="attention-heading"
      data-testid="attention"
      style={calm ? undefined : { borderLeft: '4px solid #d9480f' }}
    >
      <Title order={2} size="h4" id="attention-heading">
        Needs attention
      </Title>
      <Group gap="xl" mt="sm" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text fw={700} fz={28} lh={1.2} data-testid="needs-attention-count">
            {needsAttention}
          </Text>
          <Text size="sm">
            of {partnerCount} partners not touched in 30+ days ·{' '}
            <Anchor
              renderRoot={(props) => <Link {...props} to="/partners" search={{ view: 'needs-attention' }} />}
              data-testid="needs-attention-link"
            >
              Open the list
            </Anchor>
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text fw={700} fz={28} lh={1.2} data-testid="overdue-count">
            {overdueActions}
          </Text>
          <Text size="sm">
            overdue {overdueActions === 1 ? 'action' : 'actions'} ·{' '}
            <Anchor renderRoot={(props) => <Link {...props} to="/" />} data-testid="overdue-link">
              Go to Today
            </Anchor>
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
