import { Button, Group, List, Text, ThemeIcon } from '@mantine/core';
import type { PartnerDto, RepDto } from '@ptrack/contracts';
import { useState } from 'react';
import { formatDay } from '../../../lib/dates';
import { AddActionDialog } from './add-action-dialog';
import { AddRepDialog } from './add-rep-dialog';
import { SectionCard } from './section-card';

type NextStepsCardProps = { partner: PartnerDto; reps: RepDto[]; today: string };

function Step({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon size={20} radius="xl" color={done ? 'teal.8' : 'gray.5'} aria-hidden>
          {done ? '✓' : '·'}
        </ThemeIcon>
      }
    >
      {children}
    </List.Item>
  );
}

/**
 * What a new partner needs before it shows up on Today (issue 14): its reps, and a first touch planned.
 * Shown until both are done, so a partner added from anywhere does not become a dead end.
 */
export function NextStepsCard({ partner, reps, today }: NextStepsCardProps) {
  const [open, setOpen] = useState<'rep' | 'action' | null>(null);
  const next = partner.rollup.nextAction;
  if (reps.length > 0 && next) return null;
  return (
    <SectionCard title="Next steps" testId="next-steps">
      <List spacing="sm" center>
        <Step done={reps.length > 0}>
          <Group gap="sm" wrap="wrap">
            <Text size="sm">
              {reps.length > 0
                ? `${reps.length} ${reps.length === 1 ? 'rep' : 'reps'} added.`
                : 'Add the partner’s sales reps: a rep with a tier gets follow-ups on its cadence.'}
            </Text>
            <Button size="xs" variant={reps.length > 0 ? 'default' : 'filled'} onClick={() => setOpen('rep')}>
              Add reps
            </Button>
          </Group>
        </Step>
        <Step done={next !== null}>
          <Group gap="sm" wrap="wrap">
            <Text size="sm">
              {next
                ? `Next: ${next.type} on ${formatDay(next.dueDate)}${next.repName ? ` with ${next.repName}` : ''}.`
                : 'Plan a first touch, so the partner appears on Today when it is due.'}
            </Text>
            {next ? null : (
              <Button size="xs" variant={reps.length > 0 ? 'filled' : 'default'} onClick={() => setOpen('action')}>
                Plan a first touch
              </Button>
            )}
          </Group>
        </Step>
      </List>
      {open === 'rep' ? <AddRepDialog partnerId={partner.id} partnerName={partner.name} onClose={() => setOpen(null)} /> : null}
      {open === 'action' ? (
        <AddActionDialog partnerId={partner.id} title={partner.name} reps={reps} today={today} onClose={() => setOpen(null)} />
      ) : null}
    </SectionCard>
  );
}
