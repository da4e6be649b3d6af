import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useRouter } from '@tanstack/react-router';
import { AddPartnerForm } from './add-partner-form';

/** `/partners/new`: the add-partner form as a page, reachable from the grid, the header and its shortcut. */
export function NewPartnerPage() {
  const navigate = useNavigate();
  const router = useRouter();
  return (
    <Stack gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/partners" search={{}} />}>
        ← Partners
      </Anchor>
      <Title order={1}>Add a partner</Title>
      <Text c="gray.7" size="sm">
        A name is enough to start; the partner page then helps you add its reps and plan a first touch.
      </Text>
      <AddPartnerForm
        onAdded={(partner) => void navigate({ to: '/partners/$id', params: { id: partner.id } })}
        onCancel={() => (router.history.length > 1 ? router.history.back() : void navigate({ to: '/partners', search: {} }))}
      />
    </Stack>
  );
}
