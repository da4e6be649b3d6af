import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { plural } from '@ptrack/catalog';
import type { PartnerListRowDto } from '@ptrack/contracts';
import classes from './review.module.css';

type LeftListProps = { left: PartnerListRowDto[]; currentId: string | null; onChoose(id: string): void };

/** Everyone still to review this week, in order; choosing one jumps to it. */
export function LeftList({ left, currentId, onChoose }: LeftListProps) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="review-left-heading">
      <Title order={2} size="h4" id="review-left-heading">
        Left this week
      </Title>
      <Text size="xs" c="gray.7">
        Partners without a touch for 30 days or more show how long it has been.
      </Text>
      <ol className={classes.list} data-testid="review-left-list">
        {left.map((p) => (
          <li key={p.id}>
            <UnstyledButton
              className={classes.item}
              onClick={() => onChoose(p.id)}
              aria-current={p.id === currentId ? 'true' : undefined}
              data-testid="review-left-item"
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={p.id === currentId ? 700 : 400} truncate>
                  {p.name}
                </Text>
                {p.daysSinceLastTouch === null || p.daysSinceLastTouch >= 30 ? (
                  <Badge size="xs" variant="filled" color="red.9" tt="none" style={{ flexShrink: 0 }}>
                    {p.daysSinceLastTouch === null ? 'never touched' : plural(p.daysSinceLastTouch, 'day')}
                  </Badge>
                ) : null}
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </ol>
    </Stack>
  );
}
