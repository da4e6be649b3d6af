import { Divider, Title } from '@mantine/core';
import { AccountCard } from './account-card';
import { InvitationsList } from './invitations-list';
import { InviteForm } from './invite-form';
import { UsersTable } from './users-table';

/** Settings → Users (admins): the team, invitations, roles and reset links. */
export function UsersSection() {
  return (
    <AccountCard
      id="users"
      title="Users"
      description="Who can sign in, with what role. Deactivating a user ends their sessions; their history stays."
    >
      <UsersTable />
      <Divider />
      <Title order={3} size="h5">
        Invite someone
      </Title>
      <InviteForm />
      <Title order={3} size="h5">
        Pending invitations
      </Title>
      <InvitationsList />
    </AccountCard>
  );
}
