import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { Can } from '../../auth/components/can';
import { AddPartnerForm } from '../../partners/components/add-partner-form';
import { useLoadDemo } from '../hooks/use-load-demo';

/** Shown on Today while the workspace has no partner (issue 4, "Empty workspace"). */
export function OnboardingCard() {
  const demo = useLoadDemo();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="onboarding-heading" data-testid="onboarding">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="onboarding-heading">
            Welcome to Partner Tracker
          </Title>
          <Text mt={4}>
            Your workspace is empty. Look around with demo data, or start with your first partner. Today will then list who to
            follow up with, about what.
          </Text>
        </div>
        <Group gap="sm" wrap="wrap">
          <Can permission="backup:run">
            <Button
              // mutateAsync: the card unmounts once the workspace has partners, and the message must still show.
              onClick={() =>
                demo.mutateAsync().then(
                  (summary) =>
                    notifySuccess(
                      'Demo data loaded',
                      `${summary.partners} partners, ${summary.reps} reps, ${summary.actions} actions`,
                    ),
                  (error: unknown) => notifyError(error, 'Demo data could not be loaded'),
                )
              }
              loading={demo.isPending}
            >
              Load demo data
            </Button>
          </Can>
          <Can permission="imports:run">
            <Button variant="default" renderRoot={(props) => <Link {...props} to="/import" />}>
              Import your sheet
            </Button>
          </Can>
          <Can permission="partners:write">
            <Button variant="default" onClick={() => setAdding(true)} disabled={adding} aria-expanded={adding}>
              Add a partner
            </Button>
          </Can>
        </Group>
        <Text size="sm" c="gray.7">
          Already track partners in a spreadsheet? Import it as CSV or Excel: you check the columns and see every change first.
        </Text>
        {adding ? (
          <AddPartnerForm
            // Straight to the new partner, where the next steps (add reps, plan a first touch) are.
            onAdded={(partner) => void navigate({ to: '/partners/$id', params: { id: partner.id } })}
            onCancel={() => setAdding(false)}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
