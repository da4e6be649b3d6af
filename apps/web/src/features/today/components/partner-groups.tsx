import { Anchor, Stack, Text } from '@mantine/core';
import { plural } from '@ptrack/catalog';
import type { TodayActionDto } from '@ptrack/contracts';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { groupByPartner } from '../today-groups';
import classes from './today.module.css';

/** A list of actions under their partners' names, each row drawn by `row`. */
export function PartnerGroups({
  actions,
  testId,
  row,
}: {
  actions: TodayActionDto[];
  testId: string;
  row(action: TodayActionDto): ReactNode;
}) {
  return (
    <Stack gap="sm" data-testid={testId}>
      {groupByPartner(actions).map((group) => (
        <div key={group.partnerId} data-testid="partner-group">
          <Text size="sm" fw={600} c="gray.8" mb={4} component="h3" style={{ margin: 0 }}>
            <Anchor c="inherit" renderRoot={(props) => <Link {...props} to="/partners/$id" params={{ id: group.partnerId }} />}>
              {group.partnerName}
            </Anchor>{' '}
            <Text span size="xs" c="gray.7" fw={400}>
              · {plural(group.items.length, 'action', 'actions')}
            </Text>
          </Text>
          <ul className={classes.list}>{group.items.map(row)}</ul>
        </div>
      ))}
    </Stack>
  );
}
