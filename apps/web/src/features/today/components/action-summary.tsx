import { Badge, Group, Text } from '@mantine/core';
import type { ActionDto } from '@ptrack/contracts';
import { JordanBadge, TierBadge } from '../../../ui/rep-badges';

/** Who and what: partner, rep with tier and Jordan badges, action type and notes. */
export function ActionSummary({ action, headingId }: { action: ActionDto; headingId?: string }) {
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} id={headingId} data-testid="action-partner">
          {action.partnerName}
        </Text>
        <Badge variant="default" size="sm" radius="sm" tt="none" data-testid="action-type">
          {action.type}
        </Badge>
      </Group>
      <Group gap={6} wrap="wrap">
        {action.repName ? (
          <>
            <Text size="sm" data-testid="action-rep">
              {action.repName}
            </Text>
            <TierBadge tier={action.repTier} />
            <JordanBadge isJordan={action.repIsJordan} />
          </>
        ) : (
          <Text size="sm" c="gray.7">
            No rep: the partner as a whole
          </Text>
        )}
      </Group>
      {action.notes ? (
        <Text size="sm" c="gray.8" lineClamp={3} data-testid="action-notes">
          {action.notes}
        </Text>
      ) : null}
    </>
  );
}
